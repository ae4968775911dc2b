using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;

namespace Smart.Modules.Activities.Domain.Invoicing;

/// <summary>
/// The VAT of a document's lines: the rate asked for, or the entity's default; but a training activity of an entity
/// whose rules exempt training carries 0 % on every line, whatever was asked, and prints the entity's legal mention.
/// </summary>
internal sealed record VatTreatment(decimal DefaultRate, bool Exempt, string? Mention)
{
    public static VatTreatment For(ActivityKind kind, decimal defaultRate, bool trainingVatExempt, string? exemptionMention) =>
        kind == ActivityKind.Training && trainingVatExempt ? new VatTreatment(0m, true, exemptionMention) : new VatTreatment(defaultRate, false, null);

    public decimal RateFor(decimal? requested) => Exempt ? 0m : requested ?? DefaultRate;
}
