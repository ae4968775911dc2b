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
