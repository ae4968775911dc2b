using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Activities.Entities;

/// <summary>
/// Activities' copy of an entity's effective-dated rules: the contribution rate applies at the invoice date,
/// the default VAT rate to invoice lines, the guarantee-fund flag to salary requests.
/// </summary>
internal sealed class EntityRules
{
    private EntityRules()
    {
        EntityCode = null!;
    }

    public Guid EntityId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public string EntityCode { get; private set; }

    public decimal ContributionRate { get; private set; }

    public decimal DefaultVatRate { get; private set; }

    public bool GuaranteeFundAdvanceAllowed { get; private set; }

    public static EntityRules From(EntitySettingsChanged changed) => new()
    {
        EntityId = changed.EntityId,
        EffectiveFrom = changed.EffectiveFrom,
        EntityCode = changed.EntityCode,
        ContributionRate = changed.ContributionRate,
        DefaultVatRate = changed.DefaultVatRate,
        GuaranteeFundAdvanceAllowed = changed.GuaranteeFundAdvanceAllowed,
    };
}

internal sealed class EntitySettingsChangedHandler(Persistence.ActivitiesDbContext db)
{
    public async Task HandleAsync(EntitySettingsChanged changed, CancellationToken cancellationToken)
    {
        if (await db.EntityRules.FindAsync([changed.EntityId, changed.EffectiveFrom], cancellationToken) is null)
        {
            db.EntityRules.Add(EntityRules.From(changed));
        }
    }
}
