using System.Runtime.Serialization;

namespace Smart.Modules.Payroll.Contracts;

/// <summary>
/// Payroll issued the payslip of a salary request. <see cref="EmployerCost"/> = gross + employer contributions: what
/// the activity pays, booked as its salary cost on <see cref="PayDate"/>.
/// </summary>
[DataContract(Name = "payroll.payslip-issued.v1")]
public sealed record PayslipIssued(
    Guid PayslipId,
    Guid SalaryRequestId,
    Guid ActivityId,
    Guid MemberId,
    DateOnly PayDate,
    decimal Gross,
    decimal EmployerCost);

/// <summary>Payroll refused a salary request (e.g. a retroactive contract); the activity's commitment is freed.</summary>
[DataContract(Name = "payroll.salary-request-rejected.v1")]
public sealed record SalaryRequestRejected(
    Guid SalaryRequestId,
    Guid ActivityId,
    string Reason);

/// <summary>
/// Payroll concluded an employment contract from a salary request and declared it before the work starts;
/// <see cref="DeclarationReference"/> is the pre-employment declaration's reference.
/// </summary>
[DataContract(Name = "payroll.contract-declared.v1")]
public sealed record ContractDeclared(
    Guid ContractId,
    Guid SalaryRequestId,
    Guid ActivityId,
    Guid EntityId,
    Guid MemberId,
    ContractKind Kind,
    ContractCategory Category,
    bool FullTime,
    DateOnly Start,
    DateOnly End,
    decimal? Days,
    decimal Hours,
    string Job,
    string DeclarationReference,
    DateOnly DeclaredOn);

/// <summary>A pay run paid a payslip's <see cref="NetPaid"/> to the member on <see cref="PaidOn"/>.</summary>
[DataContract(Name = "payroll.salary-paid.v1")]
public sealed record SalaryPaid(
    Guid PayslipId,
    Guid ContractId,
    Guid ActivityId,
    Guid MemberId,
    DateOnly PaidOn,
    decimal Gross,
    decimal NetPaid,
    decimal EmployerCost);

/// <summary>
/// At a pay run the activity's clients had not paid enough: the guarantee fund advanced <see cref="Amount"/> of the
/// payslip's employer cost. It is recovered from the activity's next client payments.
/// </summary>
[DataContract(Name = "payroll.guarantee-fund-advanced.v1")]
public sealed record GuaranteeFundAdvanced(
    Guid PayslipId,
    Guid ActivityId,
    Guid MemberId,
    DateOnly AdvancedOn,
    decimal Amount);

/// <summary>A client payment on the activity's invoice repaid <see cref="Amount"/> of the guarantee fund's outstanding advances.</summary>
[DataContract(Name = "payroll.guarantee-fund-advance-recovered.v1")]
public sealed record GuaranteeFundAdvanceRecovered(
    Guid ActivityId,
    Guid InvoiceId,
    DateOnly RecoveredOn,
    decimal Amount,
    decimal StillOutstanding);

/// <summary>
/// An invoice of the activity was written off: the guarantee fund bears <see cref="Amount"/> of its outstanding advances,
/// which the invoice's payment would have repaid; the member's activity is not charged.
/// </summary>
[DataContract(Name = "payroll.guarantee-fund-advance-written-off.v1")]
public sealed record GuaranteeFundAdvanceWrittenOff(
    Guid ActivityId,
    Guid InvoiceId,
    DateOnly WrittenOffOn,
    decimal Amount,
    decimal StillOutstanding);
