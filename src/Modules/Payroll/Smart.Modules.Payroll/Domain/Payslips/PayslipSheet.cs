using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Contracts;

namespace Smart.Modules.Payroll.Domain.Payslips;

/// <summary>
/// The employer as a payslip names it (Code du travail R3243-1): the entity's legal identity in force on the payslip's
/// date, or, under contract management, the employer structure's identity recorded on its mandate.
/// </summary>
/// <param name="LogoOf">The entity legal-identity version whose logo heads the document (versions never change), or null.</param>
public sealed record PayslipEmployer(
    string LegalName,
    string? LegalForm,
    PostalAddress Address,
    string Siret,
    string ApeCode,
    string CollectiveAgreement,
    string Urssaf,
    string? LogoOf = null);

/// <summary>
/// What a payslip prints besides its figures, copied when it is issued so that it reads the same years later whatever
/// changes afterwards (the employer's address, the employee's classification...): ADR 0093.
/// </summary>
/// <param name="Employer">Null when no identity of the employer was known at issue: the document says so.</param>
/// <param name="SocialSecurityNumber">Masked but for its last four characters; null when the employee's file had none.</param>
/// <param name="Days">Days worked, for a contract counted in days; <paramref name="Hours"/> always (days × the daily hours).</param>
public sealed record PayslipSheet(
    PayslipEmployer? Employer,
    string EmployeeName,
    string Job,
    string? Classification,
    string? SocialSecurityNumber,
    ContractKind ContractKind,
    decimal? Days,
    decimal Hours);
