using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Spaces.Domain.Places;

/// <summary>The hours a place is open on a day of the week, in the place's local time.</summary>
internal sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>Days a place is closed (holidays, works), both inclusive.</summary>
internal sealed record Closure(DateOnly From, DateOnly To, string Reason)
{
    public bool Covers(DateOnly date) => From <= date && date <= To;
}

/// <summary>
/// A shared workplace of an entity, attached to an office (e.g. Bazaar St-So, SmartFr's Lille office). Its hours are
/// wall-clock times of its time zone, so a booking from 10:00 to 12:00 stays so whatever the season.
/// </summary>
internal sealed class Place : AggregateRoot
{
    private List<OpeningHours> _openingHours = [];
    private List<Closure> _closures = [];

    private Place()
    {
        Name = null!;
        Address = null!;
        TimeZone = null!;
    }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public string Name { get; private set; }

    public string Address { get; private set; }

    /// <summary>An IANA time zone (e.g. Europe/Paris).</summary>
    public string TimeZone { get; private set; }

    public IReadOnlyList<OpeningHours> OpeningHours => _openingHours;

    public IReadOnlyList<Closure> Closures => _closures;

    public static Place Open(Guid entityId, Guid officeId, string name, string address, string timeZone, IEnumerable<OpeningHours> openingHours) => new()
    {
        Id = Guid.CreateVersion7(),
        EntityId = entityId,
        OfficeId = officeId,
        Name = name.Trim(),
        Address = address.Trim(),
        TimeZone = timeZone,
        _openingHours = openingHours.OrderBy(h => h.Day).ToList(),
    };

    /// <summary>Replaces the weekly hours; false when they are the same.</summary>
    public bool ChangeOpeningHours(IEnumerable<OpeningHours> openingHours)
    {
        var hours = openingHours.OrderBy(h => h.Day).ToList();
        if (hours.SequenceEqual(_openingHours)) return false;
        _openingHours = hours;
        return true;
    }

    public void Close(Closure closure) => _closures = _closures.Append(closure).OrderBy(c => c.From).ToList();

    /// <summary>Open on that date for the whole of [start, end): a weekday with hours covering it, and no closure.</summary>
    public bool IsOpen(DateOnly date, TimeOnly start, TimeOnly end) =>
        !_closures.Any(c => c.Covers(date))
        && _openingHours.Any(h => h.Day == date.DayOfWeek && h.Opens <= start && end <= h.Closes);

    /// <summary>Hours open on a date (0 when closed): the denominator of occupancy.</summary>
    public decimal OpenHoursOn(DateOnly date) =>
        _closures.Any(c => c.Covers(date)) ? 0m
        : _openingHours.Where(h => h.Day == date.DayOfWeek).Sum(h => (decimal)(h.Closes - h.Opens).TotalHours);

    /// <summary>The UTC instant of a wall-clock time of the place.</summary>
    public DateTimeOffset InstantOf(DateOnly date, TimeOnly time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Today's date where the place is.</summary>
    public DateOnly Today(DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
}
