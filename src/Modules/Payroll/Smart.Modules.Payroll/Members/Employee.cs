using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Validation;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Payroll.Members;

/// <summary>
/// Payroll's copy of a Governance member: a person who can be employed, or a legal entity whose employees
/// Payroll manages (contract management). Gender and birth date feed the payroll figures by gender and age band.
/// </summary>
internal sealed class Employee
{
    private readonly List<IncomeTaxRate> _incomeTaxRates = [];

    private Employee()
    {
        DisplayName = null!;
    }

    public Guid MemberId { get; private set; }

    public MemberKind Kind { get; private set; }

    public string DisplayName { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Gender? Gender { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>The social security number (NIR), key checked, without spaces; null until the member or an operator records it (ADR 0094).</summary>
    public string? SocialSecurityNumber { get; private set; }

    /// <summary>The classification printed on payslips (e.g. "Artiste interprète", "Employé — niveau 2"); null until recorded.</summary>
    public string? Classification { get; private set; }

    /// <summary>The withholding-tax rates the member (or staff) set, each from a date; 0 % before the first.</summary>
    public IReadOnlyList<IncomeTaxRate> IncomeTaxRates => _incomeTaxRates;

    public decimal IncomeTaxRateOn(DateOnly date) =>
        _incomeTaxRates.InForceOn(date)?.Rate ?? 0m;

    /// <summary>Sets the rate from a date; a rate already set from that same date is replaced.</summary>
    public void SetIncomeTaxRate(DateOnly effectiveFrom, decimal rate)
    {
        _incomeTaxRates.RemoveAll(r => r.EffectiveFrom == effectiveFrom);
        _incomeTaxRates.Add(new IncomeTaxRate(effectiveFrom, rate));
    }

    /// <summary>The employee's file as payslips print it; the number arrives checked (its key) and is kept without spaces.</summary>
    public void RecordFile(string? socialSecurityNumber, string? classification)
    {
        SocialSecurityNumber = socialSecurityNumber is null ? null : LegalIdentifiers.Compact(socialSecurityNumber);
        Classification = string.IsNullOrWhiteSpace(classification) ? null : classification.Trim();
    }

    public static Employee From(MemberRegistered registered) => new()
    {
        MemberId = registered.MemberId,
        Kind = registered.Kind,
        DisplayName = registered.DisplayName,
        EntityId = registered.EntityId,
        OfficeId = registered.OfficeId,
        Gender = registered.Gender,
        BirthDate = registered.BirthDate,
    };
}

/// <summary>The rate of income tax withheld at source from a member's pay, from a date (French "prélèvement à la source").</summary>
public sealed record IncomeTaxRate(DateOnly EffectiveFrom, decimal Rate) : IEffectiveDated;
