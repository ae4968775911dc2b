using Smart.Modules.Activities.Domain.Salaries;

namespace Smart.Modules.Activities.Domain.Budget;

/// <summary>
/// The activity's budget as its ledger adds up (the stream's snapshot, saved with each event): the balance, the
/// employment budget of pending salary requests (<see cref="Committed"/>), what advances and leases will still deduct
/// (<see cref="OutstandingInstalments"/>), totals by kind and the balance of each year (for the year-end close).
/// </summary>
internal sealed record ActivityBudget(
    Guid Id, decimal Balance, decimal Committed, decimal OutstandingInstalments, IReadOnlyDictionary<BudgetEntryKind, decimal> Totals,
    IReadOnlyDictionary<int, decimal> BalanceByYear)
{
    /// <summary>What salaries and purchases may still use (ADR 0040).</summary>
    public decimal Available => SalaryBudget.AvailableOf(Balance, Committed, OutstandingInstalments);

    public static ActivityBudget Opened(Guid activityId) => new(activityId, 0m, 0m, 0m, new Dictionary<BudgetEntryKind, decimal>(), new Dictionary<int, decimal>());

    /// <summary>The balance on 31 December of <paramref name="year"/>: every entry dated that year or before.</summary>
    public decimal BalanceAtEndOf(int year) => BalanceByYear.Where(y => y.Key <= year).Sum(y => y.Value);

    /// <summary>The budget after one more event; a new value (the loaded snapshot is never changed in place).</summary>
    public ActivityBudget After(IBudgetEvent @event) => @event switch
    {
        BudgetEntry entry => this with
        {
            Balance = Balance + entry.Amount,
            OutstandingInstalments = entry.SettlesInstalments ? OutstandingInstalments + entry.Amount : OutstandingInstalments,
            Totals = Add(Totals, entry.Kind, entry.Amount),
            BalanceByYear = Add(BalanceByYear, entry.Date.Year, entry.Amount),
        },
        SalaryCommitted committed => this with { Committed = Committed + committed.Amount },
        SalaryCommitmentEnded ended => this with { Committed = Committed - ended.Amount },
        InstalmentsPlanned planned => this with { OutstandingInstalments = OutstandingInstalments + planned.Amount },
        _ => this,
    };

    private static Dictionary<TKey, decimal> Add<TKey>(IReadOnlyDictionary<TKey, decimal> totals, TKey key, decimal amount) where TKey : notnull
    {
        var added = new Dictionary<TKey, decimal>(totals);
        added[key] = added.GetValueOrDefault(key) + amount;
        return added;
    }
}

/// <summary>A ledger entry as a row to list and look up (by activity and date, by source), written with its event.</summary>
internal sealed record LedgerEntry(
    Guid Id, Guid ActivityId, long Sequence, DateOnly Date, BudgetEntryKind Kind, decimal Amount, BudgetSource Source, Guid SourceId, string Description);
