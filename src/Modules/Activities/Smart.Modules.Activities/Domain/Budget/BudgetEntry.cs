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

/// <summary>
/// One line of an activity's budget ledger. The ledger is append-only (the database refuses updates and deletes);
/// the balance is the sum of the entries, never stored.
/// </summary>
internal sealed class BudgetEntry
{
    private BudgetEntry()
    {
        Description = null!;
    }

    public BudgetEntry(Guid activityId, DateOnly date, BudgetEntryKind kind, decimal amount, BudgetSource source, Guid sourceId, string description, DateTimeOffset recordedAt)
    {
        ActivityId = activityId;
        Date = date;
        Kind = kind;
        Amount = amount;
        Source = source;
        SourceId = sourceId;
        Description = description;
        RecordedAt = recordedAt;
    }

    /// <summary>The two entries of a year-end close: out of the year on 31 December, into the next on 1 January.</summary>
    public static IReadOnlyList<BudgetEntry> CarryForward(Guid activityId, int year, decimal balance, DateTimeOffset now) =>
    [
        new(activityId, new DateOnly(year, 12, 31), BudgetEntryKind.CarriedForward, -balance, BudgetSource.YearEndClose, activityId, $"Carried forward to {year + 1}", now),
        new(activityId, new DateOnly(year + 1, 1, 1), BudgetEntryKind.CarriedForward, balance, BudgetSource.YearEndClose, activityId, $"Carried forward from {year}", now),
    ];

    public long Id { get; private set; }

    public Guid ActivityId { get; private set; }

    public DateOnly Date { get; private set; }

    public BudgetEntryKind Kind { get; private set; }

    /// <summary>Positive credits the activity's budget, negative debits it.</summary>
    public decimal Amount { get; private set; }

    public BudgetSource Source { get; private set; }

    public Guid SourceId { get; private set; }

    public string Description { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
