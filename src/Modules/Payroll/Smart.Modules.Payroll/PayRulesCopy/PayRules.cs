using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Payroll.PayRulesCopy;

/// <summary>Payroll's copy of an entity's effective-dated pay-out rule (SmartFr: end of work + 7 days) and contribution rate.</summary>
internal sealed class PayRules : IEffectiveDated
{
    public Guid EntityId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public PayoutRuleKind PayoutRule { get; private set; }

    public int PayoutDay { get; private set; }

    /// <summary>The cooperative's contribution on revenue excl. VAT: CDI smoothing budgets what an estimate leaves after it.</summary>
    public decimal ContributionRate { get; private set; }

    /// <summary>
    /// The pay date of work ending on <paramref name="endOfWork"/> (the same rule as Governance's <c>PayoutRule</c>, which
    /// Payroll cannot reference: a module reads only other modules' contracts).
    /// </summary>
    public DateOnly PayDateFor(DateOnly endOfWork) => PayoutRule switch
    {
        PayoutRuleKind.DaysAfterEndOfWork => endOfWork.AddDays(PayoutDay),
        PayoutRuleKind.DayOfFollowingMonth => new DateOnly(endOfWork.Year, endOfWork.Month, 1).AddMonths(1).AddDays(PayoutDay - 1),
        PayoutRuleKind.EndOfMonth => new DateOnly(endOfWork.Year, endOfWork.Month, DateTime.DaysInMonth(endOfWork.Year, endOfWork.Month)),
        _ => throw new InvalidOperationException($"Unknown payout rule {PayoutRule}."),
    };

    public static PayRules From(EntitySettingsChanged changed) => new()
    {
        EntityId = changed.EntityId,
        EffectiveFrom = changed.EffectiveFrom,
        PayoutRule = changed.PayoutRule,
        PayoutDay = changed.PayoutDay,
        ContributionRate = changed.ContributionRate,
    };
}
