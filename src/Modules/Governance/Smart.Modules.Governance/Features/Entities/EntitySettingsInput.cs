using FluentValidation;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Entities;

namespace Smart.Modules.Governance.Features.Entities;

/// <summary>
/// One version of an entity's rules as sent over HTTP; rates are fractions (0.085 = 8.5 %). The training VAT exemption
/// is optional (not exempt when absent), so clients written before it keep working.
/// </summary>
public record EntitySettingsInput(
    DateOnly EffectiveFrom,
    decimal ContributionRate,
    PayoutRuleKind PayoutRule,
    int PayoutDay,
    decimal DefaultVatRate,
    bool GuaranteeFundAdvanceAllowed,
    bool TrainingVatExempt = false,
    string? TrainingVatExemptionMention = null)
{
    internal EntitySettingsVersion ToVersion() => new(EffectiveFrom, ContributionRate, new PayoutRule(PayoutRule, PayoutDay), DefaultVatRate, GuaranteeFundAdvanceAllowed,
        TrainingVatExempt, TrainingVatExemptionMention);

    public static EntitySettingsInput Example => new(new DateOnly(2027, 1, 1), 0.10m, PayoutRuleKind.DaysAfterEndOfWork, 7, 0.20m, true,
        true, "Exonération de TVA — article 261-4-4° a du CGI");

    internal sealed class Validator : AbstractValidator<EntitySettingsInput>
    {
        public Validator()
        {
            RuleFor(s => s.EffectiveFrom).NotEmpty();
            RuleFor(s => s.ContributionRate).InclusiveBetween(0m, 0.5m).PrecisionScale(7, 6, ignoreTrailingZeros: true);
            RuleFor(s => s.DefaultVatRate).InclusiveBetween(0m, 0.5m).PrecisionScale(7, 6, ignoreTrailingZeros: true);
            RuleFor(s => s.PayoutRule).IsInEnum();
            RuleFor(s => s.PayoutDay).Must((s, day) => new PayoutRule(s.PayoutRule, day).IsValid)
                .WithMessage("Days after end of work: 0 to 60; day of following month: 1 to 28; end of month: 0.");
            RuleFor(s => s.TrainingVatExemptionMention).NotEmpty().When(s => s.TrainingVatExempt)
                .WithMessage("The legal mention printed on exempt documents is required when training is VAT-exempt.");
            RuleFor(s => s.TrainingVatExemptionMention).MaximumLength(EntitySettingsVersion.MaxMentionLength);
        }
    }
}

/// <summary>One version of an entity's rules as read.</summary>
public sealed record EntitySettingsView(
    DateOnly EffectiveFrom,
    decimal ContributionRate,
    PayoutRuleKind PayoutRule,
    int PayoutDay,
    decimal DefaultVatRate,
    bool GuaranteeFundAdvanceAllowed,
    bool TrainingVatExempt,
    string? TrainingVatExemptionMention)
{
    internal static EntitySettingsView From(EntitySettingsVersion v) =>
        new(v.EffectiveFrom, v.ContributionRate, v.PayoutRuleKind, v.PayoutDay, v.DefaultVatRate, v.GuaranteeFundAdvanceAllowed, v.TrainingVatExempt,
            v.TrainingVatExemptionMention);
}
