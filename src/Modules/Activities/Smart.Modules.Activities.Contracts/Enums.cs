namespace Smart.Modules.Activities.Contracts;

// The enumerations Activities' messages speak (serialized by name), also used by its domain.

public enum ActivityKind
{
    CreativeProjects,
    Audiovisual,
    LivePerformance,
    Training,
    ContractManagement,
}

/// <summary>
/// How an invoice came to be, for the annual report's table by document type. Contract documents (sale of a show,
/// funding agreement…) are contracts, not invoices, and an invoice does not point to one (ADR 0096).
/// </summary>
public enum InvoiceDocumentType
{
    /// <summary>Issued directly from its lines.</summary>
    Invoice,

    /// <summary>Issued from an accepted quote.</summary>
    QuotedInvoice,
}

public enum SalaryContractKind
{
    Cdd,
    Cddu,
    Cdi,
}

public enum SalaryCategory
{
    Artistic,
    Employee,
    Student,
}

public enum ExpenseCategory
{
    Travel,
    Meals,
    Lodging,
    Supplies,
    Equipment,
    Services,
    Other,
}

/// <summary>What another module charges to an activity's budget (<see cref="ChargeActivity"/>).</summary>
public enum ActivityChargeKind
{
    /// <summary>A space booking or residency month (Spaces).</summary>
    SpaceCharge,

    /// <summary>A training registration (Training).</summary>
    TrainingCharge,

    /// <summary>A smoothed CDI month's salary cost (Payroll).</summary>
    SalaryCost,
}
