using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Payroll.Domain.Cdi;

/// <summary>
/// A yearly revenue estimate (excl. VAT) in force from a month, and the monthly employment budget it gives:
/// estimate × (1 − the entity's contribution rate) ÷ 12, rounded half-even to the cent (ADR 0037).
/// </summary>
internal sealed record CdiEstimate(DateOnly FromMonth, decimal YearlyRevenue, decimal ContributionRate, DateOnly RevisedOn)
{
    public decimal MonthlyBudget => Money.RoundToCents(YearlyRevenue * (1 - ContributionRate) / 12);
}

/// <summary>A month paid by the plan: the payslip's figures and the salary cost charged to the activity.</summary>
public sealed record CdiMonth(
    DateOnly Month,
    DateOnly PaidOn,
    Guid ChargeId,
    decimal EmploymentBudget,
    decimal Gross,
    decimal EmployeeContributions,
    decimal EmployerContributions,
    decimal EmployerCost,
    decimal Net,
    decimal IncomeTax,
    decimal NetPaid);

/// <summary>Where a plan stands: what the estimate expected by now against what the activity really invoiced.</summary>
public sealed record CdiSmoothingReport(
    int MonthsPaid,
    decimal ExpectedRevenue,
    decimal RealRevenue,
    decimal Gap,
    decimal BudgetPaid,
    decimal CurrentYearlyEstimate,
    decimal CurrentMonthlyBudget);

/// <summary>
/// CDI smoothing: a member in CDI on an activity gets a fixed monthly salary set from an estimate of the activity's
/// yearly revenue instead of a salary per invoice. A monthly run pays the month from the activity's budget; the
/// estimate can be revised from a month on (never for a month already paid or past); the report compares the estimate
/// with the revenue really invoiced; staff end it with its last month (the member leaves the CDI). One plan per activity.
/// </summary>
internal sealed class CdiSmoothingPlan : AggregateRoot
{
    private readonly List<CdiEstimate> _estimates = [];
    private readonly List<CdiMonth> _months = [];

    private CdiSmoothingPlan()
    {
    }

    public Guid ActivityId { get; private set; }

    public Guid MemberId { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public DateOnly StartMonth { get; private set; }

    /// <summary>The last month the plan pays; null while it runs on.</summary>
    public DateOnly? EndMonth { get; private set; }

    public IReadOnlyList<CdiEstimate> Estimates => _estimates;

    public IReadOnlyList<CdiMonth> Months => _months;

    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>A month is paid on its last day.</summary>
    public static DateOnly PayDayOf(DateOnly month) => MonthOf(month).AddMonths(1).AddDays(-1);

    public bool IsPaid(DateOnly month) => _months.Any(m => m.Month == MonthOf(month));

    /// <param name="planForTheActivity">Whether the activity already has a plan.</param>
    public static CdiSmoothingPlan Start(Guid activityId, Guid memberId, Guid entityId, Guid officeId, DateOnly startMonth, decimal yearlyRevenue,
        decimal contributionRate, bool planForTheActivity, DateOnly today)
    {
        CheckRule(new OnePlanPerActivity(planForTheActivity));
        CheckRule(new MonthIsNotPast(MonthOf(startMonth), today));
        var plan = new CdiSmoothingPlan
        {
            Id = Guid.CreateVersion7(),
            ActivityId = activityId,
            MemberId = memberId,
            EntityId = entityId,
            OfficeId = officeId,
            StartMonth = MonthOf(startMonth),
        };
        plan._estimates.Add(new CdiEstimate(plan.StartMonth, yearlyRevenue, contributionRate, today));
        return plan;
    }

    /// <summary>A new estimate from a month on; a revision from the same month replaces the previous one.</summary>
    public void Revise(DateOnly fromMonth, decimal yearlyRevenue, decimal contributionRate, DateOnly today)
    {
        var month = MonthOf(fromMonth);
        CheckRule(new MonthIsNotPast(month, today));
        CheckRule(new MonthIsWithinThePlan(month, StartMonth, EndMonth));
        CheckRule(new MonthIsNotPaid(month, _months.Any(m => m.Month >= month)));
        _estimates.RemoveAll(e => e.FromMonth == month);
        _estimates.Add(new CdiEstimate(month, yearlyRevenue, contributionRate, today));
    }

    public CdiEstimate EstimateFor(DateOnly month) => _estimates.Where(e => e.FromMonth <= MonthOf(month)).MaxBy(e => e.FromMonth) ?? _estimates.MinBy(e => e.FromMonth)!;

    /// <summary>The month's employment budget, checked before the payslip is computed: the month is over, in the plan, and not paid yet.</summary>
    public decimal BudgetToPay(DateOnly month, DateOnly today)
    {
        var first = MonthOf(month);
        CheckRule(new MonthIsWithinThePlan(first, StartMonth, EndMonth));
        CheckRule(new MonthIsOver(first, today));
        CheckRule(new MonthIsNotPaid(first, IsPaid(first)));
        return EstimateFor(first).MonthlyBudget;
    }

    /// <summary>
    /// Ends the plan with <paramref name="lastMonth"/>, its last month paid: the current month or a later one (a month is
    /// paid once over, so no month after it can be paid yet). An end already set can be moved, within the same rules.
    /// </summary>
    public void End(DateOnly lastMonth, DateOnly today)
    {
        var month = MonthOf(lastMonth);
        CheckRule(new MonthIsNotPast(month, today));
        CheckRule(new MonthIsWithinThePlan(month, StartMonth, null));
        EndMonth = month;
    }

    /// <summary>Whether the plan pays <paramref name="month"/>: from its start to its end, if it has one.</summary>
    public bool Covers(DateOnly month) => MonthOf(month) >= StartMonth && (EndMonth is null || MonthOf(month) <= EndMonth);

    public CdiMonth Pay(DateOnly month, DateOnly today, decimal gross, decimal employeeContributions, decimal employerContributions, decimal net, decimal incomeTax)
    {
        var budget = BudgetToPay(month, today);
        var paid = new CdiMonth(MonthOf(month), today, Guid.CreateVersion7(), budget, gross, employeeContributions, employerContributions,
            gross + employerContributions, net, incomeTax, net - incomeTax);
        _months.Add(paid);
        return paid;
    }

    /// <summary>
    /// The estimate against reality so far: the revenue expected for the months paid (each month's yearly estimate ÷ 12,
    /// rounded to the cent) against the revenue excl. VAT invoiced since the plan started; gap = real − expected.
    /// </summary>
    public CdiSmoothingReport Report(decimal realRevenue, DateOnly today)
    {
        var expected = _months.Sum(m => Money.RoundToCents(EstimateFor(m.Month).YearlyRevenue / 12));
        var current = EstimateFor(MonthOf(today) < StartMonth ? StartMonth : MonthOf(today));
        return new CdiSmoothingReport(_months.Count, expected, realRevenue, realRevenue - expected, _months.Sum(m => m.EmploymentBudget),
            current.YearlyRevenue, current.MonthlyBudget);
    }

    private sealed record OnePlanPerActivity(bool Exists) : IBusinessRule
    {
        public bool IsBroken() => Exists;

        public string Message => "The activity already has a CDI smoothing plan.";
    }

    private sealed record MonthIsNotPast(DateOnly Month, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => Month < MonthOf(Today);

        public string Message => $"{Month:yyyy-MM} is past: an estimate applies from the current month on, never retroactively.";
    }

    private sealed record MonthIsWithinThePlan(DateOnly Month, DateOnly StartMonth, DateOnly? EndMonth) : IBusinessRule
    {
        public bool IsBroken() => Month < StartMonth || Month > EndMonth;

        public string Message => Month < StartMonth
            ? $"{Month:yyyy-MM} is before the plan starts ({StartMonth:yyyy-MM})."
            : $"{Month:yyyy-MM} is after the plan's last month ({EndMonth:yyyy-MM}).";
    }

    private sealed record MonthIsNotPaid(DateOnly Month, bool Paid) : IBusinessRule
    {
        public bool IsBroken() => Paid;

        public string Message => $"{Month:yyyy-MM} (or a later month) is already paid.";
    }

    private sealed record MonthIsOver(DateOnly Month, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => Today < PayDayOf(Month);

        public string Message => $"{Month:yyyy-MM} is paid on its last day, {PayDayOf(Month):yyyy-MM-dd}, or later.";
    }
}
