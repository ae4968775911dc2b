using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Domain.Newcomers;

/// <summary>
/// An entity's rules for its members' typology, its offices' local budgets and sponsorship, from a date (read through
/// <see cref="InForce"/>, like every effective-dated setting). A member is active over 12 months with at least
/// <see cref="ActiveRevenue"/> of revenue or <see cref="ActiveContracts"/> contracts; an office's local budget is
/// <see cref="LocalBudgetShare"/> of the contribution on its members' invoices.
/// </summary>
internal sealed class MemberLifeRules : AggregateRoot, IEffectiveDated
{
    private MemberLifeRules()
    {
    }

    public Guid EntityId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public MemberLifeThresholds Thresholds { get; private set; } = null!;

    public static MemberLifeRules From(Guid entityId, DateOnly effectiveFrom, MemberLifeThresholds thresholds, DateOnly today)
    {
        CheckRule(new NoRetroactiveChange(effectiveFrom, today));
        return new MemberLifeRules { Id = Guid.CreateVersion7(), EntityId = entityId, EffectiveFrom = effectiveFrom, Thresholds = thresholds };
    }

    /// <summary>What the other modules are told of this version (the annual report's typology and local budgets).</summary>
    public MemberLifeRulesSet ToRulesSet(DateOnly setOn) =>
        new(EntityId, EffectiveFrom, Thresholds.ActiveRevenue, Thresholds.ActiveContracts, Thresholds.LocalBudgetShare, setOn);

    /// <summary>A version not yet in force may still be corrected.</summary>
    public void Correct(MemberLifeThresholds thresholds, DateOnly today)
    {
        CheckRule(new NoRetroactiveChange(EffectiveFrom, today));
        Thresholds = thresholds;
    }

    private sealed record NoRetroactiveChange(DateOnly EffectiveFrom, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => EffectiveFrom < Today;

        public string Message => $"Member life rules change from today or a later date, never retroactively ({EffectiveFrom:yyyy-MM-dd} is past).";
    }
}

/// <summary>
/// The values of a <see cref="MemberLifeRules"/> version. A sponsor has been a member for
/// <see cref="SponsorMinimumMonths"/> and is active; a newcomer is a member for less than <see cref="NewcomerMonths"/>;
/// a sponsor accompanies at most <see cref="MaxNewcomersPerSponsor"/> newcomers sponsored within 12 months.
/// </summary>
internal sealed record MemberLifeThresholds(
    decimal ActiveRevenue,
    int ActiveContracts,
    decimal LocalBudgetShare,
    int SponsorMinimumMonths,
    int MaxNewcomersPerSponsor,
    int NewcomerMonths)
{
    /// <summary>SmartFr's: active from 3,000 € or 3 contracts a year, 20 % of the contribution to the office, sponsors of 12 months with 3 newcomers at most, newcomers for 6 months.</summary>
    public static MemberLifeThresholds SmartFr => new(3_000m, 3, 0.20m, 12, 3, 6);

    public MemberTypologyRule Typology() => new(ActiveRevenue, ActiveContracts);
}
