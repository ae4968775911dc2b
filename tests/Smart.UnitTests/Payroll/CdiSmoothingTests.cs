using Smart.BuildingBlocks.Domain;
using Smart.Modules.Payroll.Domain.Cdi;

namespace Smart.UnitTests.Payroll;

public sealed class CdiSmoothingTests
{
    private static readonly DateOnly March = new(2026, 3, 1);

    /// <summary>36,000.00 a year at SmartFr's 10 %: 36,000 × 0.90 / 12 = 2,700.00 a month.</summary>
    private static CdiSmoothingPlan Plan(DateOnly today) =>
        CdiSmoothingPlan.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), March, 36_000.00m, 0.10m, planForTheActivity: false, today);

    private static CdiMonth Pay(CdiSmoothingPlan plan, DateOnly month, DateOnly today) => plan.Pay(month, today, 2_000.00m, 440.00m, 700.00m, 1_560.00m, 0m);

    [Fact]
    public void Given_an_estimate_of_36000_at_10_percent_Then_the_monthly_budget_is_2700()
    {
        var plan = Plan(new DateOnly(2026, 3, 2));

        Assert.Equal(2_700.00m, plan.BudgetToPay(March, new DateOnly(2026, 3, 31)));
        Assert.Equal(2_708.33m, new CdiEstimate(March, 32_500.00m, 0m, March).MonthlyBudget); // 32,500 / 12 = 2,708.333 → 2,708.33
    }

    [Fact]
    public void Given_a_month_Then_its_pay_day_is_its_last_day_and_it_reads_paid_once_paid()
    {
        var plan = Plan(new DateOnly(2026, 3, 2));

        Assert.Equal(new DateOnly(2026, 3, 31), CdiSmoothingPlan.PayDayOf(new DateOnly(2026, 3, 17)));
        Assert.Equal(new DateOnly(2028, 2, 29), CdiSmoothingPlan.PayDayOf(new DateOnly(2028, 2, 1)));
        Assert.False(plan.IsPaid(March));
        Pay(plan, March, new DateOnly(2026, 3, 31));
        Assert.True(plan.IsPaid(new DateOnly(2026, 3, 15)));
        Assert.False(plan.IsPaid(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void Given_a_revision_to_30000_from_May_Then_March_and_April_pay_2700_and_May_2250()
    {
        var plan = Plan(new DateOnly(2026, 3, 2));
        Pay(plan, March, new DateOnly(2026, 3, 31));

        plan.Revise(new DateOnly(2026, 5, 1), 30_000.00m, 0.10m, new DateOnly(2026, 4, 10));

        Assert.Equal(2_700.00m, plan.BudgetToPay(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30)));
        Assert.Equal(2_250.00m, plan.BudgetToPay(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31)));
    }

    [Fact]
    public void Given_a_paid_month_Then_it_cannot_be_paid_again_nor_revised_and_a_month_is_paid_from_its_last_day()
    {
        var plan = Plan(new DateOnly(2026, 3, 2));
        var paid = Pay(plan, March, new DateOnly(2026, 3, 31));

        Assert.Equal((2_700.00m, 2_700.00m, 1_560.00m), (paid.EmploymentBudget, paid.EmployerCost, paid.NetPaid));
        Assert.Equal("MonthIsNotPaid", Assert.Throws<BusinessRuleViolationException>(() => Pay(plan, March, new DateOnly(2026, 4, 1))).Rule);
        Assert.Equal("MonthIsNotPaid", Assert.Throws<BusinessRuleViolationException>(() =>
            plan.Revise(March, 20_000m, 0.10m, new DateOnly(2026, 3, 31))).Rule);
        Assert.Equal("MonthIsOver", Assert.Throws<BusinessRuleViolationException>(() => Pay(plan, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 29))).Rule);
        Assert.Equal("MonthIsWithinThePlan", Assert.Throws<BusinessRuleViolationException>(() => Pay(plan, new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 29))).Rule);
    }

    [Fact]
    public void Given_a_plan_ended_with_April_Then_April_is_paid_May_is_not_and_nothing_after_April_can_be_revised()
    {
        var plan = Plan(new DateOnly(2026, 3, 2));
        Pay(plan, March, new DateOnly(2026, 3, 31));

        plan.End(new DateOnly(2026, 4, 15), new DateOnly(2026, 4, 10));

        Assert.Equal(new DateOnly(2026, 4, 1), plan.EndMonth);
        Assert.Equal((true, true, false), (plan.Covers(March), plan.Covers(new DateOnly(2026, 4, 30)), plan.Covers(new DateOnly(2026, 5, 1))));
        Assert.Equal(2_700.00m, plan.BudgetToPay(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30)));
        Assert.Equal("MonthIsWithinThePlan", Assert.Throws<BusinessRuleViolationException>(() => Pay(plan, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31))).Rule);
        Assert.Equal("MonthIsWithinThePlan", Assert.Throws<BusinessRuleViolationException>(() =>
            plan.Revise(new DateOnly(2026, 5, 1), 30_000m, 0.10m, new DateOnly(2026, 4, 10))).Rule);
    }

    [Fact]
    public void Given_March_paid_Then_the_plan_cannot_end_in_a_past_month_nor_before_its_start_and_ending_with_March_itself_is_refused_once_April_began()
    {
        var plan = Plan(new DateOnly(2026, 3, 2));
        Pay(plan, March, new DateOnly(2026, 3, 31));

        Assert.Equal("MonthIsNotPast", Assert.Throws<BusinessRuleViolationException>(() => plan.End(March, new DateOnly(2026, 4, 1))).Rule);
        Assert.Equal("MonthIsWithinThePlan", Assert.Throws<BusinessRuleViolationException>(() =>
            Plan(new DateOnly(2026, 2, 10)).End(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 10))).Rule);
        Assert.Null(plan.EndMonth);
        plan.End(March, new DateOnly(2026, 3, 31)); // March is its last month: paid already, nothing more to pay
        Assert.False(plan.Covers(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void Given_a_start_or_a_revision_in_a_past_month_Then_it_is_refused()
    {
        Assert.Equal("MonthIsNotPast", Assert.Throws<BusinessRuleViolationException>(() => Plan(new DateOnly(2026, 4, 1))).Rule);
        var plan = Plan(new DateOnly(2026, 3, 2));
        Assert.Equal("MonthIsNotPast", Assert.Throws<BusinessRuleViolationException>(() =>
            plan.Revise(new DateOnly(2026, 4, 1), 30_000m, 0.10m, new DateOnly(2026, 5, 3))).Rule);
        Assert.Equal("OnePlanPerActivity", Assert.Throws<BusinessRuleViolationException>(() =>
            CdiSmoothingPlan.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), March, 1m, 0.1m, planForTheActivity: true, March)).Rule);
    }

    [Fact]
    public void Given_two_months_paid_at_36000_and_5400_invoiced_Then_6000_was_expected_and_the_gap_is_minus_600()
    {
        var plan = Plan(new DateOnly(2026, 3, 2));
        Pay(plan, March, new DateOnly(2026, 3, 31));
        Pay(plan, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));

        var report = plan.Report(realRevenue: 5_400.00m, new DateOnly(2026, 5, 4));

        Assert.Equal((2, 6_000.00m, 5_400.00m, -600.00m, 5_400.00m), (report.MonthsPaid, report.ExpectedRevenue, report.RealRevenue, report.Gap, report.BudgetPaid));
        Assert.Equal((36_000.00m, 2_700.00m), (report.CurrentYearlyEstimate, report.CurrentMonthlyBudget));
    }
}
