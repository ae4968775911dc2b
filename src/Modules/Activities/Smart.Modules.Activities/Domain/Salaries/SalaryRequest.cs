using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Domain.Financing;
using Smart.Modules.Activities.Domain.Invoicing;

namespace Smart.Modules.Activities.Domain.Salaries;

public enum SalaryRequestStatus
{
    /// <summary>Sent to Payroll; its employment budget is committed on the activity.</summary>
    Pending,

    /// <summary>Payroll issued the payslip; the salary cost is on the ledger.</summary>
    Booked,

    /// <summary>Payroll refused it; nothing is committed any more.</summary>
    Rejected,
}

/// <summary>
/// What an activity can spend on a new salary or purchase, read from its ledger, its requests and its equipment at the
/// time of asking. <see cref="Committed"/> is the employment budget of the activity's pending requests (sent to
/// Payroll, not yet booked); <see cref="OutstandingInstalments"/> what its advances and leases will still deduct (the
/// instalments not booked yet): both are already promised, so neither is available (ADR 0040).
/// <see cref="UnpaidRevenue"/> is what the activity's issued invoices not yet paid (nor written off) will leave once
/// paid: Σ (net − credited net − (contribution − credited contribution)).
/// </summary>
internal sealed record SalaryBudget(decimal Balance, decimal Committed, decimal OutstandingInstalments, decimal UnpaidRevenue, bool GuaranteeFundAdvanceAllowed)
{
    public decimal Available => AvailableOf(Balance, Committed, OutstandingInstalments);

    /// <summary>The one place the rule lives: what is promised (pending salaries, instalments still to deduct) is not available.</summary>
    public static decimal AvailableOf(decimal balance, decimal committed, decimal outstandingInstalments) => balance - committed - outstandingInstalments;

    /// <summary>The same figures from loaded state (the handlers compute them in SQL, <c>Features/Salaries/SalaryBudgets.cs</c>).</summary>
    public static SalaryBudget From(decimal balance, IEnumerable<SalaryRequest> requests, IEnumerable<Equipment> equipment, IEnumerable<Invoice> invoices,
        bool guaranteeFundAdvanceAllowed) => new(
        balance,
        requests.Where(r => r.Status == SalaryRequestStatus.Pending).Sum(r => r.EmploymentBudget),
        equipment.Sum(e => e.Outstanding),
        invoices.Where(i => i.IsUnpaid).Sum(i => i.NetRevenueAfterContribution),
        guaranteeFundAdvanceAllowed);
}

/// <summary>
/// A member's request for a salary drawn from an activity's budget, sent to Payroll. While pending, its employment
/// budget is committed; the payslip books the real cost (gross + employer contributions) and frees the commitment.
/// </summary>
internal sealed class SalaryRequest : AggregateRoot
{
    private SalaryRequest()
    {
        Job = null!;
    }

    public Guid ActivityId { get; private set; }

    public Guid EntityId { get; private set; }

    /// <summary>The activity's coordinator: the member who will be employed.</summary>
    public Guid MemberId { get; private set; }

    public decimal EmploymentBudget { get; private set; }

    public SalaryContractKind ContractKind { get; private set; }

    public SalaryCategory Category { get; private set; }

    public DateOnly WorkStart { get; private set; }

    public DateOnly WorkEnd { get; private set; }

    public decimal? Days { get; private set; }

    public decimal? Hours { get; private set; }

    public string Job { get; private set; }

    public DateOnly RequestedOn { get; private set; }

    public SalaryRequestStatus Status { get; private set; }

    /// <summary>The budget was short: the guarantee fund advances the difference on issued but unpaid invoices.</summary>
    public bool GuaranteeFundAdvance { get; private set; }

    public string? RejectionReason { get; private set; }

    public Guid? PayslipId { get; private set; }

    public static SalaryRequest Request(Activity activity, SalaryBudget budget, decimal employmentBudget, SalaryContractKind contractKind, SalaryCategory category,
        DateOnly workStart, DateOnly workEnd, decimal? days, decimal? hours, string job, DateOnly today)
    {
        activity.EnsureOpen();
        CheckRule(new WorkEndsOnOrAfterItStarts(workStart, workEnd));
        CheckRule(new EmploymentBudgetIsPositive(employmentBudget));
        CheckRule(new EitherDaysOrHours(days, hours));
        CheckRule(new SalaryBudgetIsAvailable(employmentBudget, budget));
        return new SalaryRequest
        {
            Id = Guid.CreateVersion7(),
            ActivityId = activity.Id,
            EntityId = activity.EntityId,
            MemberId = activity.CoordinatorId,
            EmploymentBudget = employmentBudget,
            ContractKind = contractKind,
            Category = category,
            WorkStart = workStart,
            WorkEnd = workEnd,
            Days = days,
            Hours = hours,
            Job = job.Trim(),
            RequestedOn = today,
            Status = SalaryRequestStatus.Pending,
            GuaranteeFundAdvance = employmentBudget > budget.Available,
        };
    }

    /// <summary>While pending, the request's employment budget is promised on the activity's ledger.</summary>
    public SalaryCommitted Commitment() => new(Id, EmploymentBudget);

    /// <summary>Booked or rejected: the promise ends.</summary>
    public SalaryCommitmentEnded CommitmentEnded() => new(Id, EmploymentBudget);

    /// <summary>What Payroll receives to conclude the contract and compute the payslip.</summary>
    public SalaryRequested ToSalaryRequested() => new(Id, ActivityId, EntityId, MemberId, EmploymentBudget, ContractKind, Category,
        WorkStart, WorkEnd, Days, Hours, Job, GuaranteeFundAdvance);

    /// <summary>
    /// The payslip's cost (gross + employer contributions) leaves the budget on the pay date and the commitment ends.
    /// A request already booked books nothing more (a redelivered or second payslip changes nothing).
    /// </summary>
    public IReadOnlyList<BudgetEntry> Book(Guid payslipId, DateOnly payDate, decimal employerCost, DateTimeOffset now)
    {
        if (Status == SalaryRequestStatus.Booked)
        {
            return [];
        }
        CheckRule(new RequestIsPending(Status));
        Status = SalaryRequestStatus.Booked;
        PayslipId = payslipId;
        return [new(ActivityId, payDate, BudgetEntryKind.SalaryCost, -employerCost, BudgetSource.Payslip, payslipId, $"Salary {Job}, {WorkStart:yyyy-MM-dd}–{WorkEnd:yyyy-MM-dd}", now)];
    }

    /// <summary>Payroll refused the request: the commitment ends. Rejecting twice changes nothing.</summary>
    public void Reject(string reason)
    {
        if (Status == SalaryRequestStatus.Rejected)
        {
            return;
        }
        CheckRule(new RequestIsPending(Status));
        Status = SalaryRequestStatus.Rejected;
        RejectionReason = reason.Length > 500 ? reason[..500] : reason;
    }

    private sealed record WorkEndsOnOrAfterItStarts(DateOnly Start, DateOnly End) : IBusinessRule
    {
        public bool IsBroken() => End < Start;

        public string Message => $"The work ends ({End:yyyy-MM-dd}) before it starts ({Start:yyyy-MM-dd}).";
    }

    private sealed record EmploymentBudgetIsPositive(decimal Amount) : IBusinessRule
    {
        public bool IsBroken() => Amount <= 0;

        public string Message => "The employment budget is positive.";
    }

    private sealed record EitherDaysOrHours(decimal? Days, decimal? Hours) : IBusinessRule
    {
        public bool IsBroken() => (Days is null) == (Hours is null) || Days <= 0 || Hours <= 0;

        public string Message => "A salary request gives either a positive number of days or a positive number of hours, not both.";
    }

    /// <summary>
    /// The employment budget must fit in what is available (balance − committed), unless the entity's rules allow the
    /// guarantee fund to advance the shortfall and the activity's unpaid revenue covers it.
    /// </summary>
    private sealed record SalaryBudgetIsAvailable(decimal Amount, SalaryBudget Budget) : IBusinessRule
    {
        private decimal Shortfall => Amount - Budget.Available;

        public bool IsBroken() => Shortfall > 0 && !(Budget.GuaranteeFundAdvanceAllowed && Shortfall <= Budget.UnpaidRevenue);

        public string Message => Budget.GuaranteeFundAdvanceAllowed
            ? $"The activity has {Budget.Available:0.00} available for salaries and {Budget.UnpaidRevenue:0.00} of unpaid revenue the guarantee fund could advance; {Amount:0.00} is more."
            : $"The activity has {Budget.Available:0.00} available for salaries; {Amount:0.00} is more.";
    }

    private sealed record RequestIsPending(SalaryRequestStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status != SalaryRequestStatus.Pending;

        public string Message => $"The salary request is {Status}, no longer pending.";
    }
}
