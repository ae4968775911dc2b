namespace Smart.Modules.Activities.Domain.Budget;

public enum BudgetEntryKind
{
    Revenue,
    Contribution,
    SalaryCost,
    Expense,
    Purchase,

    /// <summary>The cooperative's treasury advance financing a purchase (+), repaid by <see cref="AdvanceRepayment"/> entries.</summary>
    TreasuryAdvance,
    AdvanceRepayment,

    /// <summary>What an advance still owed, repaid at once at the member's request instead of on its schedule.</summary>
    AdvanceEarlyRepayment,
    LeaseInstalment,
    SpaceCharge,
    TrainingCharge,
    CarriedForward,
}

/// <summary>What caused an entry; with the source id it makes each booking happen once.</summary>
public enum BudgetSource
{
    Invoice,
    CreditNote,
    Payslip,
    Expense,
    Charge,

    /// <summary>A charge booked back (its sender cancelled it); the source id is the charge's.</summary>
    ChargeReversal,
    YearEndClose,

    /// <summary>A member-trainer's pay for a delivered training session (Training); the source id is the payment's.</summary>
    TrainerPay,

    /// <summary>An equipment's purchase, advance, repayments and lease deductions; one per kind and date.</summary>
    Equipment,
}

/// <summary>An event of an activity's budget ledger: the ledger is one event stream per activity (ADR 0058).</summary>
internal interface IBudgetEvent;

/// <summary>The activity's ledger starts when the activity opens, empty: every later writer finds the stream and queues on it.</summary>
internal sealed record BudgetOpened(Guid ActivityId, DateOnly OpenedOn) : IBudgetEvent;

/// <summary>
/// One line of an activity's budget ledger: positive credits the budget, negative debits it. Append-only by
/// construction (an event); the balance is the sum of the entries, kept by the ledger's projection.
/// </summary>
internal sealed record BudgetEntry(
    Guid ActivityId, DateOnly Date, BudgetEntryKind Kind, decimal Amount, BudgetSource Source, Guid SourceId, string Description, DateTimeOffset RecordedAt)
    : IBudgetEvent
{
    /// <summary>The two entries of a year-end close: out of the year on 31 December, into the next on 1 January.</summary>
    public static IReadOnlyList<BudgetEntry> CarryForward(Guid activityId, int year, decimal balance, DateTimeOffset now) =>
    [
        new(activityId, new DateOnly(year, 12, 31), BudgetEntryKind.CarriedForward, -balance, BudgetSource.YearEndClose, activityId, $"Carried forward to {year + 1}", now),
        new(activityId, new DateOnly(year + 1, 1, 1), BudgetEntryKind.CarriedForward, balance, BudgetSource.YearEndClose, activityId, $"Carried forward from {year}", now),
    ];

    /// <summary>An instalment of an advance or a lease, or their early repayment: what it books is no longer outstanding.</summary>
    public bool SettlesInstalments => Kind is BudgetEntryKind.AdvanceRepayment or BudgetEntryKind.LeaseInstalment or BudgetEntryKind.AdvanceEarlyRepayment;
}

/// <summary>A salary request's employment budget is promised to Payroll: committed until its payslip is booked or it is rejected.</summary>
internal sealed record SalaryCommitted(Guid SalaryRequestId, decimal Amount) : IBudgetEvent;

/// <summary>The commitment of a salary request ends (its cost is booked, or Payroll rejected it).</summary>
internal sealed record SalaryCommitmentEnded(Guid SalaryRequestId, decimal Amount) : IBudgetEvent;

/// <summary>An advance's repayments or a lease's deductions are planned: outstanding until each is booked (or repaid early).</summary>
internal sealed record InstalmentsPlanned(Guid EquipmentId, decimal Amount) : IBudgetEvent;
