using System.Runtime.Serialization;

namespace Smart.Modules.Payroll.Contracts;

/// <summary>
/// Payroll issued the payslip of a salary request. <see cref="EmployerCost"/> = gross + employer contributions: what
/// the activity pays, booked as its salary cost on <see cref="PayDate"/>. <see cref="EntityId"/>, <see cref="Kind"/>,
/// <see cref="Category"/> and <see cref="ContractStart"/> are its contract's (also on <see cref="ContractDeclared"/>,
/// published with it), so that a reader never waits for the other message; they came later: messages stored before
/// them read as empty.
/// </summary>
[DataContract(Name = "payroll.payslip-issued.v1")]
public sealed record PayslipIssued(
    Guid PayslipId,
    Guid SalaryRequestId,
    Guid ActivityId,
    Guid MemberId,
    DateOnly PayDate,
    decimal Gross,
    decimal EmployerCost,
    Guid EntityId = default,
    ContractKind Kind = default,
    ContractCategory Category = default,
    DateOnly ContractStart = default);

/// <summary>Payroll refused a salary request (e.g. a retroactive contract); the activity's commitment is freed.</summary>
[DataContract(Name = "payroll.salary-request-rejected.v1")]
public sealed record SalaryRequestRejected(
    Guid SalaryRequestId,
    Guid ActivityId,
    string Reason);

/// <summary>
/// Payroll concluded an employment contract from a salary request and declared it before the work starts;
/// <see cref="DeclarationReference"/> is the pre-employment declaration's reference. <see cref="Hours"/> are the contract's
/// total hours (days × the configured hours of a worked day when given in days). <see cref="Gross"/> (the contract's gross
/// pay, also on its <see cref="PayslipIssued"/>) and <see cref="OfficeId"/> (the member's office) came later, for
/// reporting: messages stored before them read as 0 and empty.
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
    DateOnly DeclaredOn,
    decimal Gross = 0m,
    Guid OfficeId = default);

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

/// <summary>Whose contract a work accident happened on: a member's, or an employer structure's employee's (contract management).</summary>
public enum AccidentWorker
{
    /// <summary><see cref="WorkAccidentRecorded.WorkerId"/> is a member id (Governance).</summary>
    Member,

    /// <summary><see cref="WorkAccidentRecorded.WorkerId"/> is a contract-management employee id (<see cref="GdcContractDeclared.EmployeeId"/>).</summary>
    GdcEmployee,
}

/// <summary>
/// Staff recorded a work accident on <see cref="Date"/> on a contract of <see cref="WorkerId"/> (a member or a GDC employee,
/// says <see cref="Worker"/>), in the contract's entity and office. <see cref="DaysLost"/> are the calendar days lost so far
/// (0: an accident without lost time, <see cref="WithLostTime"/> false); a later change publishes
/// <see cref="WorkAccidentDaysLostChanged"/>. Published once per accident, with it, through the outbox.
/// </summary>
[DataContract(Name = "payroll.work-accident-recorded.v1")]
public sealed record WorkAccidentRecorded(
    Guid AccidentId,
    Guid ContractId,
    Guid EntityId,
    Guid OfficeId,
    Guid WorkerId,
    AccidentWorker Worker,
    DateOnly Date,
    int DaysLost,
    bool WithLostTime,
    DateOnly RecordedOn);

/// <summary>
/// The calendar days lost by a recorded accident changed on <see cref="ChangedOn"/> (a longer sick leave, a relapse, a
/// correction): <see cref="DaysLost"/> replaces <see cref="PreviousDaysLost"/>; the accident's <see cref="Date"/> and ids are
/// repeated so a consumer can regroup without its first event. Not published when the days do not change.
/// </summary>
[DataContract(Name = "payroll.work-accident-days-lost-changed.v1")]
public sealed record WorkAccidentDaysLostChanged(
    Guid AccidentId,
    Guid ContractId,
    Guid EntityId,
    Guid OfficeId,
    Guid WorkerId,
    AccidentWorker Worker,
    DateOnly Date,
    int PreviousDaysLost,
    int DaysLost,
    bool WithLostTime,
    DateOnly ChangedOn);
