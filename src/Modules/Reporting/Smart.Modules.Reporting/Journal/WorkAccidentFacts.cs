using Smart.Modules.Payroll.Contracts;

namespace Smart.Modules.Reporting.Journal;

/// <summary>A work accident as first recorded (stream: the accident); <see cref="DaysLost"/> may be revised later.</summary>
internal sealed record WorkAccidentLogged(Guid AccidentId, Guid EntityId, Guid OfficeId, AccidentWorker Worker, DateOnly Date, int DaysLost, bool WithLostTime)
    : IFact
{
    public Guid SourceId => AccidentId;
}

/// <summary>
/// An accident's calendar days lost, revised (stream: the accident): the latest replaces the figure. Payroll's message names
/// no revision, so the fact is keyed by the message's id (a redelivery is the same message).
/// </summary>
internal sealed record WorkAccidentDaysLostRevised(Guid MessageId, Guid AccidentId, Guid EntityId, Guid OfficeId, AccidentWorker Worker, DateOnly Date,
    int DaysLost, bool WithLostTime) : IFact
{
    public Guid SourceId => MessageId;
}

/// <summary>
/// A contract-management (GDC) employee's contract (stream: the contract): its hours count in the hours worked of the
/// work-accident table; its kind, category, days, gross and the employee's gender and birth date in the contracts tables
/// (null or 0 on facts recorded before Reporting kept them).
/// </summary>
internal sealed record GdcContractRecorded(Guid ContractId, Guid EntityId, Guid OfficeId, Guid EmployeeId, DateOnly Start, decimal Hours,
    ContractKind? Kind = null, ContractCategory? Category = null, decimal Days = 0m, decimal Gross = 0m, EmployeeGender? Gender = null, DateOnly? BirthDate = null)
    : IFact
{
    public Guid SourceId => ContractId;
}
