using System.Runtime.Serialization;

namespace Smart.Modules.Payroll.Contracts;

/// <summary>
/// Contract management issued an employer structure's monthly invoice (Collections chases it until <see cref="DueDate"/>
/// and after). <see cref="Total"/> = <see cref="NetSalaries"/> + <see cref="Expenses"/> + <see cref="EmployeeContributions"/>
/// + <see cref="EmployerContributions"/> (both 0 under a partial mandate) + <see cref="Fee"/> + <see cref="FeeVat"/>; the fee
/// is <see cref="GuaranteeFundFee"/> + <see cref="ServiceFee"/>, VAT applies to it alone. <see cref="OfficeId"/> (the employer's office) came later, for Collections: messages
/// stored before it read as empty.
/// </summary>
[DataContract(Name = "payroll.employer-invoice-issued.v1")]
public sealed record EmployerInvoiceIssued(
    Guid InvoiceId,
    string Number,
    Guid EntityId,
    Guid EmployerId,
    string EmployerName,
    int Year,
    int Month,
    MandateScope MandateScope,
    DateOnly IssueDate,
    DateOnly DueDate,
    decimal GrossPayroll,
    decimal NetSalaries,
    decimal Expenses,
    decimal EmployeeContributions,
    decimal EmployerContributions,
    decimal GuaranteeFundFee,
    decimal ServiceFee,
    decimal Fee,
    decimal FeeVat,
    decimal Total,
    string Currency,
    Guid OfficeId = default);

/// <summary>
/// On the pay date of a contract-management contract (7 days after the end of the work at SmartFr), the cooperative
/// advanced <see cref="Total"/>: the employee's <see cref="NetPaid"/>, the <see cref="IncomeTax"/> withheld from it (paid
/// over to the tax office), the employer-due <see cref="Expenses"/>, and under a complete mandate the employee and
/// employer <see cref="Contributions"/> (0 under a partial one). The employer's monthly invoice pays it back.
/// </summary>
[DataContract(Name = "payroll.employer-salary-advanced.v1")]
public sealed record EmployerSalaryAdvanced(
    Guid ContractId,
    Guid EmployerId,
    Guid EmployeeId,
    Guid EntityId,
    decimal NetPaid,
    decimal IncomeTax,
    decimal Expenses,
    decimal Contributions,
    decimal Total,
    DateOnly PaidOn,
    string Currency);

/// <summary>
/// Contract management declared a contract of <see cref="EmployerId"/>'s employee <see cref="EmployeeId"/> (not a member:
/// counted once by this id) on <see cref="DeclaredOn"/>, in the employer's entity and office. The employee's
/// <see cref="Gender"/> and <see cref="BirthDate"/> are as the employer registered them. <see cref="Hours"/> are the
/// contract's total hours (days × the configured hours of a worked day when given in days), <see cref="Gross"/> its gross
/// pay, <see cref="Expenses"/> the employer-due expenses advanced with it. Published once per contract, with it, through the outbox.
/// </summary>
[DataContract(Name = "payroll.gdc-contract-declared.v1")]
public sealed record GdcContractDeclared(
    Guid ContractId,
    Guid EntityId,
    Guid OfficeId,
    Guid EmployerId,
    Guid EmployeeId,
    EmployeeGender Gender,
    DateOnly BirthDate,
    ContractKind Kind,
    ContractCategory Category,
    DateOnly Start,
    DateOnly End,
    decimal? Days,
    decimal Hours,
    decimal Gross,
    decimal Expenses,
    DateOnly DeclaredOn);
