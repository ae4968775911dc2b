using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Training.Domain.Rules;

/// <summary>
/// A version of an entity's cancellation rule for registrations: free (a charge given back) until
/// <see cref="FreeCancellationDays"/> days before the session starts, later the price is kept.
/// </summary>
internal sealed record CancellationRule(DateOnly EffectiveFrom, int FreeCancellationDays) : IEffectiveDated;

/// <summary>A version of the entity's VAT on training, copied from Governance's <c>EntitySettingsChanged</c>.</summary>
internal sealed record VatRule(DateOnly EffectiveFrom, bool TrainingVatExempt, string? Mention, decimal DefaultVatRate) : IEffectiveDated;

/// <summary>A version of the activity of the entity that sells its training programme: it invoices non-member trainees (ADR 0087).</summary>
internal sealed record ProgrammeActivity(DateOnly EffectiveFrom, Guid ActivityId) : IEffectiveDated;

/// <summary>
/// One entity's effective-dated settings as Training reads them (document id: the entity's): its cancellation rule
/// versions and its programme's selling activity (set by its admins) and its copy of Governance's VAT rules. A change applies from its date.
/// </summary>
internal sealed class TrainingRules : AggregateRoot
{
    private List<CancellationRule> _cancellation = [];
    private List<VatRule> _vat = [];
    private List<ProgrammeActivity> _programme = [];

    private TrainingRules()
    {
    }

    public IReadOnlyList<CancellationRule> Cancellation => _cancellation;

    public IReadOnlyList<VatRule> Vat => _vat;

    public IReadOnlyList<ProgrammeActivity> Programme => _programme;

    public static TrainingRules For(Guid entityId) => new() { Id = entityId };

    /// <summary>The version of that date replaced, or a new one added.</summary>
    public void SetCancellation(CancellationRule rule) =>
        _cancellation = _cancellation.Where(r => r.EffectiveFrom != rule.EffectiveFrom).Append(rule).OrderBy(r => r.EffectiveFrom).ToList();

    /// <summary>The version of that date replaced, or a new one added.</summary>
    public void SetProgrammeActivity(ProgrammeActivity version) =>
        _programme = _programme.Where(r => r.EffectiveFrom != version.EffectiveFrom).Append(version).OrderBy(r => r.EffectiveFrom).ToList();

    /// <summary>Governance's version of that date (published again on a replay) replaces the copy held.</summary>
    public void CopyVat(VatRule rule) =>
        _vat = _vat.Where(r => r.EffectiveFrom != rule.EffectiveFrom).Append(rule).OrderBy(r => r.EffectiveFrom).ToList();

    public CancellationRule CancellationOn(DateOnly date) => _cancellation.RequiredOn(date, "training cancellation rule");

    public ProgrammeActivity ProgrammeActivityOn(DateOnly date) => _programme.RequiredOn(date, "activity selling the training programme");

    public VatRule VatOn(DateOnly date) => _vat.RequiredOn(date, "VAT rule of the entity");
}
