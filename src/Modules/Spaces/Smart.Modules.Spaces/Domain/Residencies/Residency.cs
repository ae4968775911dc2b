using Smart.BuildingBlocks.Domain;
using Smart.Modules.Spaces.Domain.Resources;

namespace Smart.Modules.Spaces.Domain.Residencies;

/// <summary>A month of a residency, charged once to the member's activity under <see cref="ChargeId"/>.</summary>
internal sealed record ResidencyMonth(DateOnly Month, decimal Amount, DateOnly ChargedOn, Guid ChargeId);

/// <summary>
/// A member's monthly contract for a desk, an office or a workshop: from <see cref="Start"/> to <see cref="End"/> (open
/// until notice is given), at <see cref="MonthlyPrice"/> a month. The first and last months are prorated by day; each
/// month is charged on its first day of residency.
/// </summary>
internal sealed class Residency : AggregateRoot
{
    private List<ResidencyMonth> _months = [];

    private Residency()
    {
    }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid PlaceId { get; private set; }

    public Guid ResourceId { get; private set; }

    public Guid MemberId { get; private set; }

    public Guid ActivityId { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly? End { get; private set; }

    /// <summary>Days between giving notice and the last day.</summary>
    public int NoticeDays { get; private set; }

    public decimal MonthlyPrice { get; private set; }

    public IReadOnlyList<ResidencyMonth> Months => _months;

    public static Residency Begin(Resource resource, Guid memberId, Guid activityId, DateOnly start, DateOnly? end, int noticeDays, decimal monthlyPrice,
        int residentsAlready, DateOnly today)
    {
        CheckRule(new ResourceIsRentedMonthly(resource.CanBeRentedMonthly, resource.Name));
        CheckRule(new ResourceHasRoomForAResident(residentsAlready, resource.SimultaneousBookings, resource.Name));
        CheckRule(new ResidencyIsNotRetroactive(start, today));
        return new Residency
        {
            Id = Guid.CreateVersion7(),
            EntityId = resource.EntityId,
            OfficeId = resource.OfficeId,
            PlaceId = resource.PlaceId,
            ResourceId = resource.Id,
            MemberId = memberId,
            ActivityId = activityId,
            Start = start,
            End = end,
            NoticeDays = noticeDays,
            MonthlyPrice = monthlyPrice,
        };
    }

    public bool IsActiveOn(DateOnly date) => Start <= date && (End is null || date <= End);

    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>The first day of the month the residency covers (its start in the first month), or null when it covers none.</summary>
    public DateOnly? FirstDayIn(DateOnly month)
    {
        var first = Start > month ? Start : month;
        return MonthOf(first) == month && IsActiveOn(first) ? first : null;
    }

    /// <summary>The month's price, prorated by the days of the month the residency covers, to the cent.</summary>
    public decimal AmountFor(DateOnly month)
    {
        var last = month.AddMonths(1).AddDays(-1);
        var from = Start > month ? Start : month;
        var to = End is { } end && end < last ? end : last;
        if (to < from) return 0m;
        return Money.RoundToCents(MonthlyPrice * (to.DayNumber - from.DayNumber + 1) / (last.Day));
    }

    /// <summary>Charges a month once: null when it is charged already or not covered.</summary>
    public ResidencyMonth? Charge(DateOnly month)
    {
        if (_months.Any(m => m.Month == month) || FirstDayIn(month) is not { } chargedOn) return null;
        var charged = new ResidencyMonth(month, AmountFor(month), chargedOn, DeterministicIds.Of(Id, month));
        _months.Add(charged);
        return charged;
    }

    /// <summary>The next month to charge after <paramref name="month"/>, or null once the residency is over.</summary>
    public DateOnly? MonthAfter(DateOnly month)
    {
        var next = month.AddMonths(1);
        return FirstDayIn(next) is null ? null : next;
    }

    /// <summary>Ends on <paramref name="end"/>, no sooner than the notice allows and never inside a month already charged.</summary>
    public void Terminate(DateOnly end, DateOnly today)
    {
        CheckRule(new EndsAfterTheStart(end, Start));
        CheckRule(new NoticeIsRespected(end, today, NoticeDays));
        CheckRule(new EndsAfterTheChargedMonths(end, _months.Count == 0 ? null : _months.Max(m => m.Month).AddMonths(1).AddDays(-1), End));
        End = end;
    }

    private sealed record ResourceIsRentedMonthly(bool Rentable, string Name) : IBusinessRule
    {
        public bool IsBroken() => !Rentable;

        public string Message => $"{Name} is not rented by the month (desks, offices and workshops are).";
    }

    private sealed record ResourceHasRoomForAResident(int Residents, int Capacity, string Name) : IBusinessRule
    {
        public bool IsBroken() => Residents >= Capacity;

        public string Message => $"{Name} has no room left for another resident over these dates.";
    }

    private sealed record ResidencyIsNotRetroactive(DateOnly Start, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => Start < Today;

        public string Message => $"A residency starts today ({Today:yyyy-MM-dd}) or later.";
    }

    private sealed record EndsAfterTheStart(DateOnly End, DateOnly Start) : IBusinessRule
    {
        public bool IsBroken() => End < Start;

        public string Message => $"The residency starts on {Start:yyyy-MM-dd}: it cannot end before.";
    }

    private sealed record NoticeIsRespected(DateOnly End, DateOnly Today, int NoticeDays) : IBusinessRule
    {
        public bool IsBroken() => End < Today.AddDays(NoticeDays);

        public string Message => $"With {NoticeDays} days' notice, the residency ends on {Today.AddDays(NoticeDays):yyyy-MM-dd} at the earliest.";
    }

    private sealed record EndsAfterTheChargedMonths(DateOnly End, DateOnly? LastChargedDay, DateOnly? CurrentEnd) : IBusinessRule
    {
        public bool IsBroken() => (LastChargedDay is { } last && End < last) || (CurrentEnd is { } current && End > current);

        public string Message => LastChargedDay is { } last && End < last
            ? $"The months up to {last:yyyy-MM-dd} are charged already: the residency ends on that day at the earliest."
            : $"The residency already ends on {CurrentEnd:yyyy-MM-dd}; it can only end earlier.";
    }
}
