using System.Runtime.Serialization;

namespace Smart.Modules.Governance.Contracts;

/// <summary>Where a member stands over a period (Governance: the 12 months before a date; the report: the calendar year).</summary>
public enum MemberTypology
{
    /// <summary>No invoice and no contract.</summary>
    Inactive,

    /// <summary>Some, below the thresholds of an active member.</summary>
    Occasional,

    /// <summary>Revenue or contracts at or above the entity's thresholds.</summary>
    Active,
}

/// <summary>
/// The one statement of the typology rule (like <see cref="PayDateRule"/>): active at <see cref="ActiveRevenue"/> € of
/// revenue excl. VAT or <see cref="ActiveContracts"/> contracts over the period, occasional with any invoice or contract,
/// inactive without. Governance reads its members with it and publishes it (<see cref="MemberLifeRulesSet"/>) so the
/// annual report classifies them the same way.
/// </summary>
public sealed record MemberTypologyRule(decimal ActiveRevenue, int ActiveContracts)
{
    public MemberTypology Classify(decimal revenue, int invoices, int contracts) =>
        revenue >= ActiveRevenue || contracts >= ActiveContracts ? MemberTypology.Active
        : invoices + contracts > 0 ? MemberTypology.Occasional
        : MemberTypology.Inactive;
}

/// <summary>
/// An entity's member life rules from <see cref="EffectiveFrom"/> (a new version, or a correction of one not yet in
/// force: the latest per date wins): the typology's thresholds and the offices' share of the contribution on their
/// members' invoices (<see cref="LocalBudgetShare"/>, 0.20 = 20 %), applied by the rules in force on each invoice's date.
/// </summary>
[DataContract(Name = "governance.member-life-rules-set.v1")]
public sealed record MemberLifeRulesSet(Guid EntityId, DateOnly EffectiveFrom, decimal ActiveRevenue, int ActiveContracts, decimal LocalBudgetShare, DateOnly SetOn)
{
    public MemberTypologyRule Typology() => new(ActiveRevenue, ActiveContracts);
}

/// <summary>How an office's local budget is made, stated once for Governance and the report.</summary>
public static class LocalBudgets
{
    /// <summary>A credit note of <paramref name="creditNoteNet"/> takes back the same share of its invoice's contribution (rounded to the cent).</summary>
    public static decimal CreditNoteContribution(decimal invoiceNet, decimal invoiceContribution, decimal creditNoteNet) =>
        invoiceNet == 0 ? 0 : Math.Round(invoiceContribution * creditNoteNet / invoiceNet, 2, MidpointRounding.AwayFromZero);
}
