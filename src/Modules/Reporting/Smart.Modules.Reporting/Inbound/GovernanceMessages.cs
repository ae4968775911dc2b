using Marten;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Reporting.Journal;
using Wolverine;

namespace Smart.Modules.Reporting.Inbound;

/// <summary>Governance's events, into the journal: the entities (their code, for the report's title), the members' registrations, the advisors' assignments.</summary>
public sealed class GovernanceMessagesHandler
{
    /// <summary>Every version of an entity's settings comes here; the first tells Reporting the entity exists.</summary>
    public static Task HandleAsync(EntitySettingsChanged changed, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(changed.EntityId, new EntityRecorded(changed.EntityId, changed.EntityCode), cancellationToken);

    public static Task HandleAsync(MemberRegistered registered, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(registered.MemberId, new MemberRecorded(registered.MemberId, registered.EntityId, registered.OfficeId, registered.Kind,
            registered.RegisteredOn, registered.Gender, registered.BirthDate), cancellationToken);

    public static Task HandleAsync(AdvisorAssigned assigned, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(assigned.AssignmentId, new AdvisorAssignmentNoted(assigned.AssignmentId, assigned.EntityId, assigned.OfficeId, assigned.StartsOn),
            cancellationToken);

    public static Task HandleAsync(AdvisorAssignmentEnded ended, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(ended.AssignmentId, new AdvisorAssignmentEndNoted(ended.AssignmentId, ended.EntityId, ended.OfficeId, ended.EndsOn), cancellationToken);
}

/// <summary>Governance's shareholder register and assemblies, into the journal (the shareholders' and assemblies' tables).</summary>
public sealed class GovernanceShareholdingMessagesHandler
{
    public static Task HandleAsync(ShareMovementRecorded m, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(m.ShareholderId, new ShareMovementNoted(
            ShareMovementNoted.IdOf(m.ShareholderId, m.Kind, m.Date, m.SharesHeld, m.SubscribedCapital, m.PaidCapital, m.RefundedCapital),
            m.ShareholderId, m.EntityId, m.Category, m.College, m.Kind, m.Date, m.Shares, m.Amount, m.SharesHeld, m.SubscribedCapital, m.PaidCapital,
            m.RefundedCapital, m.ExitedOn), cancellationToken);

    public static Task HandleAsync(AssemblyClosed m, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(m.AssemblyId, new AssemblyNoted(m.AssemblyId, m.EntityId, m.Date, m.HeldOn, m.Kind, m.VotingRights, m.Participants,
            m.ElectronicVoters, m.RepresentedByProxy, m.ResolutionsPutToVote, m.ResolutionsAdopted), cancellationToken);
}

/// <summary>Governance's member life rules, into the journal: the typology's thresholds and the offices' share of the contribution (the offices' tables).</summary>
public sealed class GovernanceMemberLifeMessagesHandler
{
    /// <summary>
    /// Keyed by the message's id, the event having none, and in a stream of its own: a redelivery appends nothing, a
    /// correction of a version is one more fact, and the seed's rules never race the entity's settings for one stream.
    /// </summary>
    public static Task HandleAsync(MemberLifeRulesSet set, Envelope envelope, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(envelope.Id, new MemberLifeRulesNoted(envelope.Id, set.EntityId, set.EffectiveFrom, set.ActiveRevenue, set.ActiveContracts,
            set.LocalBudgetShare), cancellationToken);
}
