using System.Globalization;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Reporting.Journal;
using Smart.Modules.Spaces.Contracts;

namespace Smart.Modules.Reporting.Projections;

/// <summary>
/// A place as it is set up (id: the place, ADR 0112): its versions of opening hours and closures, its resources and the
/// bookings each takes at once (the denominator of occupancy), and its residencies (the residents of a year).
/// </summary>
internal sealed class PlaceProfile : IReadModel
{
    public string Id { get; set; } = "";
    public Guid PlaceId { get; set; }
    public Guid EntityId { get; set; }
    public Guid OfficeId { get; set; }
    public string PlaceName { get; set; } = "";

    /// <summary>By date: each applies from its date to the next one's.</summary>
    public List<PlaceHoursVersion> Hours { get; set; } = [];

    public Dictionary<Guid, PlaceResource> Resources { get; set; } = [];
    public Dictionary<Guid, Residency> Residencies { get; set; } = [];

    public static string Key(Guid placeId) => placeId.ToString();

    public void Absorb(object fact)
    {
        switch (fact)
        {
            case PlaceHoursNoted h:
                Of(h.PlaceId, h.EntityId, h.OfficeId, h.PlaceName);
                // The latest set holds from its date on: it replaces the versions from that date.
                Hours = [.. Hours.Where(v => v.EffectiveFrom < h.EffectiveFrom), new PlaceHoursVersion(h.EffectiveFrom, h.OpeningHours, h.Closures)];
                break;
            case ResourceNoted r:
                Of(r.PlaceId, r.EntityId, r.OfficeId, r.PlaceName);
                Resources[r.ResourceId] = new PlaceResource(r.SimultaneousBookings, r.AddedOn);
                break;
            case ResidencyNoted r:
                Of(r.PlaceId, r.EntityId, r.OfficeId, r.PlaceName);
                // A notice recorded before the start (delivered first) keeps its day.
                Residencies[r.ResidencyId] = new Residency(r.MemberId, r.Start, Residencies.GetValueOrDefault(r.ResidencyId)?.End ?? r.End);
                break;
            case ResidencyEndNoted e:
                Of(e.PlaceId, e.EntityId, e.OfficeId, e.PlaceName);
                Residencies[e.ResidencyId] = (Residencies.GetValueOrDefault(e.ResidencyId) ?? new Residency(e.MemberId, DateOnly.MinValue, null)) with { End = e.End };
                break;
        }
    }

    /// <summary>
    /// The hours the place's resources could be booked in <paramref name="year"/>: for each day, the opening hours of its
    /// weekday in the version in force (none on a closed day) × the bookings that the resources added by then take at once.
    /// </summary>
    public decimal OpenHours(int year)
    {
        var total = 0m;
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            var version = Hours.InForceOn(day);
            if (version is null || version.Closures.Any(c => c.From <= day && day <= c.To)) continue;
            var opened = version.OpeningHours.Where(h => h.Day == day.DayOfWeek).Sum(h => (decimal)(h.Closes - h.Opens).TotalHours);
            total += opened * Resources.Values.Where(r => r.AddedOn <= day).Sum(r => r.SimultaneousBookings);
        }
        return total;
    }

    /// <summary>The members with a residency on at least one day of <paramref name="year"/>.</summary>
    public IEnumerable<Guid> Residents(int year) =>
        Residencies.Values.Where(r => r.Start.Year <= year && (r.End is null || r.End.Value.Year >= year)).Select(r => r.MemberId).Distinct();

    private void Of(Guid placeId, Guid entityId, Guid officeId, string placeName) =>
        (Id, PlaceId, EntityId, OfficeId, PlaceName) = (Key(placeId), placeId, entityId, officeId, placeName);
}

internal sealed record PlaceHoursVersion(DateOnly EffectiveFrom, IReadOnlyList<PlaceOpeningHours> OpeningHours, IReadOnlyList<PlaceClosure> Closures) : IEffectiveDated;

internal sealed record PlaceResource(int SimultaneousBookings, DateOnly AddedOn);

internal sealed record Residency(Guid MemberId, DateOnly Start, DateOnly? End);

/// <summary>
/// One place in one year (id: place:year, ADR 0112): bookings confirmed and cancelled for dates of the year, their booked
/// hours and income (a cancelled booking earns its fee instead of its amount), the residency months charged and their
/// income, the rooms held for other modules' sessions, and the events as last scheduled (a moved event leaves the year it
/// left; a cancelled one is gone).
/// </summary>
internal sealed class PlaceYear : IReadModel
{
    public string Id { get; set; } = "";
    public Guid PlaceId { get; set; }
    public Guid EntityId { get; set; }
    public Guid OfficeId { get; set; }
    public string PlaceName { get; set; } = "";
    public int Year { get; set; }
    public int BookingsConfirmed { get; set; }
    public int BookingsCancelled { get; set; }
    public decimal BookingHours { get; set; }
    public decimal BookingIncome { get; set; }
    public int ResidencyMonths { get; set; }
    public decimal ResidencyIncome { get; set; }
    public decimal HeldHours { get; set; }
    public Dictionary<Guid, PlaceEventFigure> Events { get; set; } = [];

    /// <summary>Booked hours: bookings, rooms held, and each event's hours in each of its rooms (ADR 0104).</summary>
    public decimal BookedHours => BookingHours + HeldHours + Events.Values.Sum(e => e.RoomHours);

    public static string Key(Guid placeId, DateOnly date) => $"{placeId}:{date.Year}";

    public static IReadOnlyList<string> Keys(Guid placeId, IEnumerable<RoomSlot> slots) => slots.Select(s => Key(placeId, s.Date)).Distinct().ToList();

    public void Absorb(object fact)
    {
        switch (fact)
        {
            case BookingNoted b:
                Of(b.PlaceId, b.EntityId, b.OfficeId, b.PlaceName);
                (BookingsConfirmed, BookingHours, BookingIncome) = (BookingsConfirmed + 1, BookingHours + b.Hours, BookingIncome + b.Amount);
                break;
            case BookingCancellationNoted c:
                Of(c.PlaceId, c.EntityId, c.OfficeId, c.PlaceName);
                if (c.WasConfirmed) (BookingsCancelled, BookingHours) = (BookingsCancelled + 1, BookingHours - c.Hours);
                BookingIncome += c.Fee - c.ConfirmedAmount;
                break;
            case ResidencyMonthNoted m:
                Of(m.PlaceId, m.EntityId, m.OfficeId, m.PlaceName);
                (ResidencyMonths, ResidencyIncome) = (ResidencyMonths + 1, ResidencyIncome + m.Amount);
                break;
            case PlaceEventNoted e:
                Of(e.PlaceId, e.EntityId, e.OfficeId, e.PlaceName);
                if (e.Date.Year == Year) Events[e.EventId] = new PlaceEventFigure(e.IsPublic, e.Hours * e.Rooms);
                else Events.Remove(e.EventId);
                break;
            case PlaceEventCancelledNoted e:
                Of(e.PlaceId, e.EntityId, e.OfficeId, e.PlaceName);
                Events.Remove(e.EventId);
                break;
            case RoomHoldNoted h:
                Of(h.PlaceId, h.EntityId, h.OfficeId, h.PlaceName);
                HeldHours += HoursIn(h.Slots);
                break;
            case RoomHoldReleasedNoted r:
                Of(r.PlaceId, r.EntityId, r.OfficeId, r.PlaceName);
                HeldHours -= HoursIn(r.Slots);
                break;
        }
    }

    private decimal HoursIn(IEnumerable<RoomSlot> slots) => slots.Where(s => s.Date.Year == Year).Sum(s => (decimal)(s.End - s.Start).TotalHours);

    // The year is the key's (an event's earlier version may be what brings a fact to this year's model).
    private void Of(Guid placeId, Guid entityId, Guid officeId, string placeName) =>
        (PlaceId, EntityId, OfficeId, PlaceName, Year) = (placeId, entityId, officeId, placeName, int.Parse(Id.Split(':')[1], CultureInfo.InvariantCulture));
}

/// <summary>An event as last scheduled: public or private, and its hours × its rooms.</summary>
internal sealed record PlaceEventFigure(bool IsPublic, decimal RoomHours);
