namespace Smart.Modules.Payroll.Contracts;

// The words of Payroll's contracts and of the messages that carry them (ContractDeclared, EmployerInvoiceIssued).

public enum ContractKind
{
    /// <summary>Fixed-term contract.</summary>
    Cdd,

    /// <summary>Fixed-term "usage" contract (intermittent work in the arts).</summary>
    Cddu,

    /// <summary>Open-ended contract.</summary>
    Cdi,
}

public enum WorkingTime
{
    FullTime,
    PartTime,
}

/// <summary>The social category of a contract: each has its own contribution table.</summary>
public enum ContractCategory
{
    Artistic,
    Employee,
    Student,
}

/// <summary>
/// Partial: we draft declarations, contracts and payslips and advance net salaries and employer-due expenses.
/// Complete: we also declare and advance the social contributions, which the employer then pays back on its invoice.
/// </summary>
public enum MandateScope
{
    Partial,
    Complete,
}

/// <summary>
/// A contract-management employee's gender as their employer declared it (Payroll's contracts reference no other module, so
/// this repeats Governance's member genders, name for name).
/// </summary>
public enum EmployeeGender
{
    Female,
    Male,
    Other,
    Undisclosed,
}
