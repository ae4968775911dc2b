using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Contracts;

namespace Smart.Modules.Activities.Domain.Activities;

public enum ActivityStatus
{
    Open,
    Closed,
}

/// <summary>
/// A member's business inside the cooperative, coordinated by one member, in the member's entity and office.
/// Service tiers: 1 invoice-to-salary only; 2 budget with purchases; 3 entrepreneurial; 4 hosting of collectives.
/// </summary>
internal sealed class Activity : AggregateRoot
{
    public const int LowestTier = 1;
    public const int HighestTier = 4;

    private Activity()
    {
        Name = null!;
    }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid CoordinatorId { get; private set; }

    public string Name { get; private set; }

    public ActivityKind Kind { get; private set; }

    public int ServiceTier { get; private set; }

    public ActivityStatus Status { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    /// <summary>What other modules keep of a newly opened activity (Payroll: CDI smoothing).</summary>
    public ActivityOpened ToActivityOpened() => new(Id, EntityId, OfficeId, CoordinatorId, Name, Kind, ServiceTier, OpenedOn);

    public static Activity Open(Guid coordinatorId, Guid entityId, Guid officeId, string name, ActivityKind kind, int serviceTier, DateOnly today)
    {
        CheckRule(new ServiceTierExists(serviceTier));
        return new Activity
        {
            Id = Guid.CreateVersion7(),
            CoordinatorId = coordinatorId,
            EntityId = entityId,
            OfficeId = officeId,
            Name = name.Trim(),
            Kind = kind,
            ServiceTier = serviceTier,
            Status = ActivityStatus.Open,
            OpenedOn = today,
        };
    }

    public void Rename(string name)
    {
        CheckRule(new ActivityIsOpen(Status));
        Name = name.Trim();
    }

    /// <summary>
    /// Closes the activity; its budget must be spent or transferred first (balance zero), no salary may still be
    /// waiting for its payslip (<paramref name="committed"/>: employment budget of pending requests), and no advance
    /// repayment or lease deduction may still be due (<paramref name="outstandingInstalments"/>).
    /// </summary>
    public void Close(decimal balance, decimal committed, decimal outstandingInstalments, DateOnly today)
    {
        CheckRule(new ActivityIsOpen(Status));
        CheckRule(new NoSalaryIsPending(committed));
        CheckRule(new NoInstalmentIsOutstanding(outstandingInstalments));
        CheckRule(new ClosingBalanceIsZero(balance));
        Status = ActivityStatus.Closed;
        ClosedOn = today;
    }

    /// <summary>New documents and budget movements need an open activity.</summary>
    public void EnsureOpen() => CheckRule(new ActivityIsOpen(Status));

    private sealed record ServiceTierExists(int Tier) : IBusinessRule
    {
        public bool IsBroken() => Tier is < LowestTier or > HighestTier;

        public string Message => $"Service tiers go from {LowestTier} to {HighestTier}, not {Tier}.";
    }

    private sealed record ActivityIsOpen(ActivityStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status != ActivityStatus.Open;

        public string Message => "The activity is closed.";
    }

    private sealed record NoSalaryIsPending(decimal Committed) : IBusinessRule
    {
        public bool IsBroken() => Committed != 0m;

        public string Message => $"Salary requests of {Committed:0.00} are still pending at Payroll; the activity closes once they are booked or rejected.";
    }

    private sealed record NoInstalmentIsOutstanding(decimal Outstanding) : IBusinessRule
    {
        public bool IsBroken() => Outstanding != 0m;

        public string Message => $"Equipment instalments of {Outstanding:0.00} are still to be repaid; the activity closes once they are booked.";
    }

    private sealed record ClosingBalanceIsZero(decimal Balance) : IBusinessRule
    {
        public bool IsBroken() => Balance != 0m;

        public string Message => $"An activity closes only when its balance is zero or transferred; it is {Balance:0.00}.";
    }
}
