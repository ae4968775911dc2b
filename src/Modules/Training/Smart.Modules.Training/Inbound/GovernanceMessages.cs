using Marten;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Training.Domain.Members;
using Smart.Modules.Training.Domain.Rules;
using Smart.Modules.Training.Features.Rules;

namespace Smart.Modules.Training.Inbound;

// Governance's events: Training keeps its copies of the entities' VAT rules on training and of the members.

public sealed class EntitySettingsChangedHandler
{
    public async Task HandleAsync(EntitySettingsChanged changed, IDocumentSession session, CancellationToken cancellationToken)
    {
        var rules = await session.TrainingRulesForWritingAsync(changed.EntityId, cancellationToken);
        rules.CopyVat(new VatRule(changed.EffectiveFrom, changed.TrainingVatExempt, changed.TrainingVatExemptionMention, changed.DefaultVatRate));
        session.UpdateRevision(rules, rules.Version + 1);
    }
}

public sealed class MemberRegisteredHandler
{
    public void Handle(MemberRegistered registered, IDocumentSession session) =>
        session.Store(MemberCopy.Of(registered.MemberId, registered.EntityId, registered.OfficeId, registered.DisplayName, registered.Email));
}
