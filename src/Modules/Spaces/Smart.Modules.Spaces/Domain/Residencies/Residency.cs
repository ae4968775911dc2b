using Smart.BuildingBlocks.Domain;
using Smart.Modules.Spaces.Domain.Resources;

namespace Smart.Modules.Spaces.Domain.Residencies;

/// <summary>The monthly price of a residency from a date until the next change (ADR 0069).</summary>
internal sealed record ResidencyPrice(DateOnly EffectiveFrom, decimal MonthlyPrice) : IEffectiveDated;

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
    private List<ResidencyPrice> _priceChanges = [];

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

    /// <summary>The monthly price agreed at the start; <see cref="Prices"/> holds the later changes too.</summary>
    public decimal MonthlyPrice { get; private set; }

    /// <summary>The monthly price from the start, then each change from its date (a change from the start replaces the agreed price).</summary>
    public IReadOnlyList<ResidencyPrice> Prices =>
        _priceChanges.Any(p => p.EffectiveFrom == Start) ? _priceChanges : [new ResidencyPrice(Start, MonthlyPrice), .. _priceChanges];

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

    /// <summary>
    /// The month's price, prorated by the days of the month the residency covers, each day at the monthly price in
    /// force that day (a change from the 16th: 15 days at the old price, the rest at the new one), to the cent.
    /// </summary>
    public decimal AmountFor(DateOnly month)
    {
        var last = month.AddMonths(1).AddDays(-1);
        var from = Start > month ? Start : month;
        var to = End is { } end && end < last ? end : last;
        var prices = Prices;
        var total = 0m;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            total += prices.InForceOn(day)!.MonthlyPrice;
        }
        return Money.RoundToCents(total / last.Day);
    }

    /// <summary>
    /// A new monthly price from <paramref name="from"/>, within the residency and after the months already charged
    /// (they stay as charged); a change of the same date replaces it.
    /// </summary>
    public void ChangePrice(DateOnly from, decimal monthlyPrice)
    {
        CheckRule(new PriceChangesWithinTheResidency(from, Start, End));
        CheckRule(new PriceChangesAfterTheChargedMonths(from, LastChargedDay));
        _priceChanges = _priceChanges.Where(p => p.EffectiveFrom != from).Append(new ResidencyPrice(from, monthlyPrice)).OrderBy(p => p.EffectiveFrom).ToList();
    }

    private DateOnly? LastChargedDay => _months.Count == 0 ? null : _months.Max(m => m.Month).AddMonths(1).AddDays(-1);

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
        CheckRule(new EndsAfterTheChargedMonths(end, LastChargedDay, End));
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

    private sealed record PriceChangesWithinTheResidency(DateOnly From, DateOnly Start, DateOnly? End) : IBusinessRule
    {
        public bool IsBroken() => From < Start || (End is { } end && From > end);

        public string Message => $"The residency runs from {Start:yyyy-MM-dd}{(End is { } end ? $" to {end:yyyy-MM-dd}" : "")}: its price changes within it.";
    }

    private sealed record PriceChangesAfterTheChargedMonths(DateOnly From, DateOnly? LastChargedDay) : IBusinessRule
    {
        public bool IsBroken() => LastChargedDay is { } last && From <= last;

        public string Message => $"The months up to {LastChargedDay:yyyy-MM-dd} are charged already: a new price applies from the day after at the earliest.";
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
