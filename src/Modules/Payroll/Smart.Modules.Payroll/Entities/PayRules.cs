using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Payroll.Entities;

/// <summary>Payroll's copy of an entity's effective-dated pay-out rule (SmartFr: end of work + 7 days).</summary>
internal sealed class PayRules
{
    public Guid EntityId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public PayoutRuleKind PayoutRule { get; private set; }

    public int PayoutDay { get; private set; }

    public static PayRules From(EntitySettingsChanged changed) => new()
    {
        EntityId = changed.EntityId,
        EffectiveFrom = changed.EffectiveFrom,
        PayoutRule = changed.PayoutRule,
        PayoutDay = changed.PayoutDay,
    };
}

internal sealed class EntitySettingsChangedHandler(Persistence.PayrollDbContext db)
{
    public async Task HandleAsync(EntitySettingsChanged changed, CancellationToken cancellationToken)
    {
        if (await db.PayRules.FindAsync([changed.EntityId, changed.EffectiveFrom], cancellationToken) is null)
        {
            db.PayRules.Add(PayRules.From(changed));
        }
    }
}
