using Marten;
using Smart.Modules.Activities.EntityRulesCopy;
using Smart.Modules.Activities.Members;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Activities.Inbound;

// Governance's events: Activities keeps its copies of the entities' rules and legal identities, and of the members.

public sealed class EntitySettingsChangedHandler
{
    public async Task HandleAsync(EntitySettingsChanged changed, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<EntityRules>(EntityRules.IdOf(changed.EntityId, changed.EffectiveFrom), cancellationToken) is null)
        {
            session.Insert(EntityRules.From(changed));
        }
    }
}

public sealed class EntityLegalIdentityChangedHandler
{
    public async Task HandleAsync(EntityLegalIdentityChanged changed, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<SellerIdentityVersion>(EntityRules.IdOf(changed.EntityId, changed.EffectiveFrom), cancellationToken) is null)
        {
            session.Insert(SellerIdentityVersion.From(changed));
        }
    }
}

public sealed class MemberRegisteredHandler
{
    public async Task HandleAsync(MemberRegistered registered, IDocumentSession session, CancellationToken cancellationToken)
    {
        // The inbox already filters redeliveries; the check keeps a replayed copy of an old event harmless too.
        if (await session.LoadAsync<Member>(registered.MemberId, cancellationToken) is null)
        {
            session.Insert(Member.From(registered));
        }
    }
}
