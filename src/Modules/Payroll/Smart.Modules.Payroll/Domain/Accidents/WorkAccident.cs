using Smart.BuildingBlocks.Domain;
using Smart.Modules.Payroll.Contracts;

namespace Smart.Modules.Payroll.Domain.Accidents;

/// <summary>The contract an accident happened on, whichever kind it is (a member's or a GDC employee's, says <see cref="Worker"/>).</summary>
internal sealed record AccidentContract(Guid ContractId, Guid EntityId, Guid OfficeId, Guid WorkerId, AccidentWorker Worker, DateOnly Start, DateOnly End);

/// <summary>
/// A work accident on a contract: the day it happened, within the contract, not in the future, and the calendar days
/// lost (0 when no time was lost). Feeds the frequency and severity rates.
/// </summary>
internal sealed class WorkAccident : AggregateRoot
{
    private WorkAccident()
    {
        Description = null!;
    }

    public Guid ContractId { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid WorkerId { get; private set; }

    public DateOnly Date { get; private set; }

    public int DaysLost { get; private set; }

    public string Description { get; private set; }

    public DateOnly RecordedOn { get; private set; }

    public bool WithLostTime => DaysLost > 0;

    public static WorkAccident Record(AccidentContract contract, DateOnly date, int daysLost, string description, DateOnly today)
    {
        CheckRule(new AccidentHappensDuringTheContract(date, contract.Start, contract.End));
        CheckRule(new AccidentIsNotInTheFuture(date, today));
        return new WorkAccident
        {
            Id = Guid.CreateVersion7(),
            ContractId = contract.ContractId,
            EntityId = contract.EntityId,
            OfficeId = contract.OfficeId,
            WorkerId = contract.WorkerId,
            Date = date,
            DaysLost = daysLost,
            Description = description.Trim(),
            RecordedOn = today,
        };
    }

    /// <summary>The same accident recorded again (a repeated request): same day, days lost and description.</summary>
    public bool IsRepeatOf(DateOnly date, int daysLost, string description) => Date == date && DaysLost == daysLost && Description == description.Trim();

    /// <summary>
    /// The calendar days lost as known now (a longer leave, a relapse, a correction); the change to publish, or null when
    /// the days stay the same (a repeated request changes nothing).
    /// </summary>
    public WorkAccidentDaysLostChanged? ChangeDaysLost(int daysLost, AccidentWorker worker, DateOnly today)
    {
        if (daysLost == DaysLost) return null;
        var previous = DaysLost;
        DaysLost = daysLost;
        return new WorkAccidentDaysLostChanged(Id, ContractId, EntityId, OfficeId, WorkerId, worker, Date, previous, DaysLost, WithLostTime, today);
    }

    public WorkAccidentRecorded ToRecorded(AccidentWorker worker) =>
        new(Id, ContractId, EntityId, OfficeId, WorkerId, worker, Date, DaysLost, WithLostTime, RecordedOn);

    private sealed record AccidentHappensDuringTheContract(DateOnly Date, DateOnly Start, DateOnly End) : IBusinessRule
    {
        public bool IsBroken() => Date < Start || Date > End;

        public string Message => $"{Date:yyyy-MM-dd} is outside the contract ({Start:yyyy-MM-dd} to {End:yyyy-MM-dd}).";
    }

    private sealed record AccidentIsNotInTheFuture(DateOnly Date, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => Date > Today;

        public string Message => $"An accident cannot be recorded in the future ({Date:yyyy-MM-dd}).";
    }
}
