using Marten;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Inbound;

/// <summary>Governance's events, into the journal: the entities (their code, for the report's title) and the members' registrations.</summary>
public sealed class GovernanceMessagesHandler
{
    /// <summary>Every version of an entity's settings comes here; the first tells Reporting the entity exists.</summary>
    public static Task HandleAsync(EntitySettingsChanged changed, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(changed.EntityId, new EntityRecorded(changed.EntityId, changed.EntityCode), cancellationToken);

    public static Task HandleAsync(MemberRegistered registered, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(registered.MemberId, new MemberRecorded(registered.MemberId, registered.EntityId, registered.OfficeId, registered.Kind,
            registered.RegisteredOn, registered.Gender, registered.BirthDate), cancellationToken);
}
