namespace Smart.Modules.Reporting.Journal;

/// <summary>
/// A version of an entity's member life rules as Governance set it (stream: the message's id, which keys it too): the
/// typology's thresholds and the offices' share of the contribution from <see cref="EffectiveFrom"/>; a later fact for
/// the same date is a correction and replaces it.
/// </summary>
internal sealed record MemberLifeRulesNoted(Guid MessageId, Guid EntityId, DateOnly EffectiveFrom, decimal ActiveRevenue, int ActiveContracts,
    decimal LocalBudgetShare) : IFact
{
    public Guid SourceId => MessageId;
}

/// <summary>An advisor attached to an office from <see cref="StartsOn"/> (stream: the assignment).</summary>
internal sealed record AdvisorAssignmentNoted(Guid AssignmentId, Guid EntityId, Guid OfficeId, DateOnly StartsOn) : IFact
{
    public Guid SourceId => AssignmentId;
}

/// <summary>The advisor's last day at the office (same stream); it may reach Reporting before the assignment, so it carries the office.</summary>
internal sealed record AdvisorAssignmentEndNoted(Guid AssignmentId, Guid EntityId, Guid OfficeId, DateOnly EndsOn) : IFact
{
    public Guid SourceId => AssignmentId;
}
