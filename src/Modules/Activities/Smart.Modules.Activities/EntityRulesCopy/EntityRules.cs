using Smart.Modules.Activities.Contracts;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Activities.EntityRulesCopy;

/// <summary>
/// Activities' copy of an entity's effective-dated rules: the contribution rate applies at the invoice date,
/// the default VAT rate to invoice lines, the guarantee-fund flag to salary requests, the training VAT exemption
/// (with its legal mention) to the invoices, quotes and contract documents of training activities.
/// </summary>
internal sealed class EntityRules : IEffectiveDated
{
    private EntityRules()
    {
        Id = EntityCode = null!;
    }

    /// <summary>One version per entity and date.</summary>
    public string Id { get; private set; }

    public Guid EntityId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public string EntityCode { get; private set; }

    public decimal ContributionRate { get; private set; }

    public decimal DefaultVatRate { get; private set; }

    public bool GuaranteeFundAdvanceAllowed { get; private set; }

    public bool TrainingVatExempt { get; private set; }

    public string? TrainingVatExemptionMention { get; private set; }

    public static string IdOf(Guid entityId, DateOnly effectiveFrom) => $"{entityId}/{effectiveFrom:yyyy-MM-dd}";

    /// <summary>The VAT that applies to a document of an activity of this kind under these rules.</summary>
    public VatTreatment VatFor(ActivityKind kind) =>
        VatTreatment.For(kind, DefaultVatRate, TrainingVatExempt, TrainingVatExemptionMention);

    public static EntityRules From(EntitySettingsChanged changed) => new()
    {
        Id = IdOf(changed.EntityId, changed.EffectiveFrom),
        EntityId = changed.EntityId,
        EffectiveFrom = changed.EffectiveFrom,
        EntityCode = changed.EntityCode,
        ContributionRate = changed.ContributionRate,
        DefaultVatRate = changed.DefaultVatRate,
        GuaranteeFundAdvanceAllowed = changed.GuaranteeFundAdvanceAllowed,
        TrainingVatExempt = changed.TrainingVatExempt,
        TrainingVatExemptionMention = changed.TrainingVatExemptionMention,
    };
}
