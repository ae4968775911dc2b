using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Governance.Domain.Proposals;

/// <summary>
/// An entity's rules for members' proposals from a date: how many supports hand a proposal to its office's local
/// committee. Read through <see cref="InForce"/>, like every effective-dated setting.
/// </summary>
internal sealed class ConsultationRules : AggregateRoot, IEffectiveDated
{
    private ConsultationRules()
    {
    }

    public Guid EntityId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Supports (the author's not counted) at which a proposal goes to the local committee.</summary>
    public int SupportsToReachCommittee { get; private set; }

    public static ConsultationRules From(Guid entityId, DateOnly effectiveFrom, int supportsToReachCommittee, DateOnly today)
    {
        CheckRule(new NoRetroactiveChange(effectiveFrom, today));
        return new ConsultationRules { Id = Guid.CreateVersion7(), EntityId = entityId, EffectiveFrom = effectiveFrom, SupportsToReachCommittee = supportsToReachCommittee };
    }

    /// <summary>A version not yet in force may still be corrected.</summary>
    public void Correct(int supportsToReachCommittee, DateOnly today)
    {
        CheckRule(new NoRetroactiveChange(EffectiveFrom, today));
        SupportsToReachCommittee = supportsToReachCommittee;
    }

    private sealed record NoRetroactiveChange(DateOnly EffectiveFrom, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => EffectiveFrom < Today;

        public string Message => $"Consultation rules change from today or a later date, never retroactively ({EffectiveFrom:yyyy-MM-dd} is past).";
    }
}
