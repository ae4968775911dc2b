using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Reporting.Journal;

/// <summary>
/// A movement of the shareholder register (stream: the shareholder), with the shareholder's totals after it.
/// <see cref="MovementId"/> is derived from the shareholder and those totals (the event has no id of its own; the totals
/// differ after each movement), so a redelivered event is recorded once (ADR 0118).
/// </summary>
internal sealed record ShareMovementNoted(Guid MovementId, Guid ShareholderId, Guid EntityId, ShareholderCategory Category, VotingCollege College, ShareMovementKind Kind,
    DateOnly Date, int Shares, decimal Amount, int SharesHeld, decimal SubscribedCapital, decimal PaidCapital, decimal RefundedCapital,
    DateOnly? ExitedOn = null) : IFact
{
    public Guid SourceId => MovementId;

    public static Guid IdOf(Guid shareholderId, ShareMovementKind kind, DateOnly date, int sharesHeld, decimal subscribed, decimal paid, decimal refunded) =>
        FactIds.Of(FormattableString.Invariant($"{shareholderId}|{kind}|{date:yyyy-MM-dd}|{sharesHeld}|{subscribed}|{paid}|{refunded}"));
}

/// <summary>A closed general assembly (stream: the assembly) with its attendance and votes.</summary>
internal sealed record AssemblyNoted(Guid AssemblyId, Guid EntityId, DateOnly Date, AssemblyConvocation HeldOn, AssemblyKind Kind, int VotingRights,
    int Participants, int ElectronicVoters, int RepresentedByProxy, int ResolutionsPutToVote, int ResolutionsAdopted) : IFact
{
    public Guid SourceId => AssemblyId;
}
