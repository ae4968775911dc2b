using Smart.Modules.Activities.Domain.Budget;

namespace Smart.UnitTests.Activities;

public sealed class ActivityBudgetTests
{
    private static readonly Guid Activity = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static BudgetEntry Entry(DateOnly date, BudgetEntryKind kind, decimal amount) =>
        new(Activity, date, kind, amount, BudgetSource.Equipment, Guid.NewGuid(), "entry", Now);

    private static ActivityBudget Replay(params IBudgetEvent[] events) =>
        events.Aggregate(ActivityBudget.Opened(Activity), (budget, e) => budget.After(e));

    [Fact]
    public void Given_900_revenue_an_800_salary_pending_and_an_advance_of_600_in_3_Then_900_balance_less_800_and_600_promised_leaves_minus_500_available()
    {
        var budget = Replay(
            Entry(new DateOnly(2026, 3, 1), BudgetEntryKind.Revenue, 1000.00m),
            Entry(new DateOnly(2026, 3, 1), BudgetEntryKind.Contribution, -100.00m),
            new SalaryCommitted(Guid.NewGuid(), 800.00m),
            Entry(new DateOnly(2026, 3, 2), BudgetEntryKind.Purchase, -600.00m),
            Entry(new DateOnly(2026, 3, 2), BudgetEntryKind.TreasuryAdvance, 600.00m),
            new InstalmentsPlanned(Guid.NewGuid(), 600.00m));

        Assert.Equal((900.00m, 800.00m, 600.00m, -500.00m), (budget.Balance, budget.Committed, budget.OutstandingInstalments, budget.Available));
        Assert.Equal(1000.00m, budget.Totals[BudgetEntryKind.Revenue]);
    }

    [Fact]
    public void Given_a_booked_payslip_and_a_repaid_instalment_Then_the_commitment_and_the_outstanding_shrink_and_the_balance_pays()
    {
        var request = Guid.NewGuid();
        var budget = Replay(
            Entry(new DateOnly(2026, 3, 1), BudgetEntryKind.Revenue, 900.00m),
            new SalaryCommitted(request, 800.00m),
            new InstalmentsPlanned(Guid.NewGuid(), 300.00m),
            Entry(new DateOnly(2026, 3, 17), BudgetEntryKind.SalaryCost, -792.59m),
            new SalaryCommitmentEnded(request, 800.00m),
            Entry(new DateOnly(2026, 4, 2), BudgetEntryKind.AdvanceRepayment, -100.00m));

        Assert.Equal((7.41m, 0m, 200.00m, -192.59m), (budget.Balance, budget.Committed, budget.OutstandingInstalments, budget.Available));
    }

    [Fact]
    public void Given_entries_over_two_years_and_a_carry_over_Then_each_years_balance_moves_and_the_all_time_balance_stays()
    {
        var budget = Replay(
            Entry(new DateOnly(2022, 12, 15), BudgetEntryKind.Revenue, 900.00m),
            Entry(new DateOnly(2023, 2, 1), BudgetEntryKind.Expense, -50.00m));
        var closed = BudgetEntry.CarryForward(Activity, 2022, budget.BalanceAtEndOf(2022), Now).Aggregate(budget, (b, e) => b.After(e));

        Assert.Equal((900.00m, 0m, 850.00m), (budget.BalanceAtEndOf(2022), closed.BalanceAtEndOf(2022), closed.Balance));
        Assert.Equal(850.00m, closed.BalanceAtEndOf(2023));
    }

    [Fact]
    public void Given_a_budget_Then_the_next_event_gives_a_new_value_and_leaves_the_loaded_one_unchanged()
    {
        var loaded = Replay(Entry(new DateOnly(2026, 3, 1), BudgetEntryKind.Revenue, 100.00m));

        var next = loaded.After(Entry(new DateOnly(2026, 3, 2), BudgetEntryKind.Revenue, 50.00m));

        Assert.Equal((100.00m, 150.00m), (loaded.Balance, next.Balance));
        Assert.Equal(100.00m, loaded.Totals[BudgetEntryKind.Revenue]);
    }
}
