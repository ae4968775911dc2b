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
