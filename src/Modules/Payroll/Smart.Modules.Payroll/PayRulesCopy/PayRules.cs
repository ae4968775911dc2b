using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Payroll.PayRulesCopy;

/// <summary>Payroll's copy of an entity's effective-dated pay-out rule (SmartFr: end of work + 7 days) and contribution rate.</summary>
internal sealed class PayRules : IEffectiveDated
{
    private PayRules()
    {
        Id = null!;
        PayDateRule = null!;
    }

    /// <summary>The entity and the date: a version is copied once, whatever the redeliveries.</summary>
    public string Id { get; private set; }

    public Guid EntityId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>The pay-date rule as Governance published it (SmartFr: end of work + 7 days).</summary>
    public PayDateRule PayDateRule { get; private set; }

    /// <summary>The cooperative's contribution on revenue excl. VAT: CDI smoothing budgets what an estimate leaves after it.</summary>
    public decimal ContributionRate { get; private set; }

    /// <summary>The pay date of work ending on <paramref name="endOfWork"/>, by the published rule.</summary>
    public DateOnly PayDateFor(DateOnly endOfWork) => PayDateRule.PayDateFor(endOfWork);

    public static string IdOf(Guid entityId, DateOnly effectiveFrom) => $"{entityId:N}:{effectiveFrom:yyyy-MM-dd}";

    public static PayRules From(EntitySettingsChanged changed) => new()
    {
        Id = IdOf(changed.EntityId, changed.EffectiveFrom),
        EntityId = changed.EntityId,
        EffectiveFrom = changed.EffectiveFrom,
        PayDateRule = changed.PayDateRule(),
        ContributionRate = changed.ContributionRate,
    };
}
