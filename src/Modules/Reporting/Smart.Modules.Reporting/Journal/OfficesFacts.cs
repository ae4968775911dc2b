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
