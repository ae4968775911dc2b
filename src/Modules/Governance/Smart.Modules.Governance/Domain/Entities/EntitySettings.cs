using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Domain.Entities;

/// <summary>When a salary is paid, relative to the end of the work.</summary>
internal sealed record PayoutRule(PayoutRuleKind Kind, int Day)
{
    public static PayoutRule DaysAfterEndOfWork(int days) => new(PayoutRuleKind.DaysAfterEndOfWork, days);

    /// <summary>The rule as published (<see cref="PayDateRule"/>): Governance and Payroll compute the same date.</summary>
    public DateOnly PayDateFor(DateOnly endOfWork) => new PayDateRule(Kind, Day).PayDateFor(endOfWork);

    public bool IsValid => Kind switch
    {
        PayoutRuleKind.DaysAfterEndOfWork => Day is >= 0 and <= 60,
        PayoutRuleKind.DayOfFollowingMonth => Day is >= 1 and <= 28,
        PayoutRuleKind.EndOfMonth => Day == 0,
        _ => false,
    };
}

/// <summary>The rules of an entity in force from <see cref="EffectiveFrom"/> until the next version.</summary>
internal sealed class EntitySettingsVersion : IEffectiveDated
{
    private EntitySettingsVersion()
    {
    }

    public const int MaxMentionLength = 200;

    public EntitySettingsVersion(DateOnly effectiveFrom, decimal contributionRate, PayoutRule payoutRule, decimal defaultVatRate, bool guaranteeFundAdvanceAllowed,
        bool trainingVatExempt = false, string? trainingVatExemptionMention = null)
    {
        BusinessRules.Check(new RateIsAFraction("contribution rate", contributionRate));
        BusinessRules.Check(new RateIsAFraction("default VAT rate", defaultVatRate));
        BusinessRules.Check(new PayoutRuleIsValid(payoutRule));
        BusinessRules.Check(new ExemptionCarriesItsMention(trainingVatExempt, trainingVatExemptionMention));
        EffectiveFrom = effectiveFrom;
        ContributionRate = contributionRate;
        PayoutRuleKind = payoutRule.Kind;
        PayoutDay = payoutRule.Day;
        DefaultVatRate = defaultVatRate;
        GuaranteeFundAdvanceAllowed = guaranteeFundAdvanceAllowed;
        TrainingVatExempt = trainingVatExempt;
        TrainingVatExemptionMention = string.IsNullOrWhiteSpace(trainingVatExemptionMention) ? null : trainingVatExemptionMention.Trim();
    }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Share of revenue excl. VAT kept by the cooperative, e.g. 0.085 for 8.5 %.</summary>
    public decimal ContributionRate { get; private set; }

    public PayoutRuleKind PayoutRuleKind { get; private set; }

    public int PayoutDay { get; private set; }

    public decimal DefaultVatRate { get; private set; }

    /// <summary>Whether a salary may be advanced by the guarantee fund on issued but unpaid invoices.</summary>
    public bool GuaranteeFundAdvanceAllowed { get; private set; }

    /// <summary>Whether invoices and quotes of training activities carry no VAT (continuing vocational training, CGI art. 261-4-4° a in France).</summary>
    public bool TrainingVatExempt { get; private set; }

    /// <summary>The legal mention printed on exempt documents; required when <see cref="TrainingVatExempt"/>.</summary>
    public string? TrainingVatExemptionMention { get; private set; }

    public PayoutRule PayoutRule => new(PayoutRuleKind, PayoutDay);

    internal sealed record RateIsAFraction(string Name, decimal Rate) : IBusinessRule
    {
        public bool IsBroken() => Rate is < 0m or >= 1m;

        public string Message => $"The {Name} must be a fraction between 0 and 1 (e.g. 0.085 for 8.5 %), not {Rate}.";
    }

    private sealed record ExemptionCarriesItsMention(bool Exempt, string? Mention) : IBusinessRule
    {
        public bool IsBroken() => Exempt && string.IsNullOrWhiteSpace(Mention);

        public string Message => "A VAT exemption for training needs the legal mention printed on the documents.";
    }

    private sealed record PayoutRuleIsValid(PayoutRule Rule) : IBusinessRule
    {
        public bool IsBroken() => !Rule.IsValid;

        public string Message => $"Payout rule {Rule.Kind} does not accept day {Rule.Day}.";
    }
}
