using Smart.Modules.Governance.Contracts;
using Smart.Modules.Spaces.Contracts;
using static Smart.Modules.Reporting.Seed.ScaleYear;

namespace Smart.Modules.Reporting.Seed;

/// <summary>
/// The places of a year at the 2018 scale (DESIGN.md §4 Spaces: Bazaar St-So's 270 residents, Bigre!Lieu's 40 regular
/// users and 30 events a year), as Spaces' events would tell it: a place per office open Monday to Friday 09:00–18:00 and
/// closed 24–31 December, with a coworking area of 20 desks, a meeting room and a workshop; ~600 residencies charged each
/// month, ~20,000 bookings of 2 hours (5 % cancelled), 30 events a place (a tenth moved, a twentieth called off).
/// </summary>
internal static class ScaleSpaces
{
    public const int Residencies2018 = 600;
    public const int Bookings2018 = 20_000;
    public const int EventsPerPlace = 30;
    public const decimal MonthlyPrice = 150m;
    public const decimal HourlyPrice = 20m;

    public static ScaleSpacesEvents Generate(Guid entityId, IReadOnlyList<Guid> offices, IReadOnlyList<MemberRegistered> members, int year, double scale, int seed)
    {
        var random = new Random(seed);
        var first = new DateOnly(year, 1, 1);
        var hours = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new PlaceOpeningHours(d, new TimeOnly(9, 0), new TimeOnly(18, 0))).ToList();
        var places = new List<PlaceHoursSet>();
        var resources = new List<ResourceAdded>();
        foreach (var (office, i) in offices.Select((o, i) => (o, i)))
        {
            var place = new PlaceHoursSet(NextGuid(random), entityId, office, $"Lieu {i + 1}", "Europe/Paris", first.AddYears(-1), hours,
                [new PlaceClosure(new DateOnly(year, 12, 24), new DateOnly(year, 12, 31))]);
            places.Add(place);
            foreach (var (kind, name, capacity) in new[] { (ResourceKind.CoworkingArea, "Plateau", 20), (ResourceKind.MeetingRoom, "Salle", 12), (ResourceKind.Workshop, "Atelier", 1) })
            {
                resources.Add(new ResourceAdded(NextGuid(random), entityId, office, place.PlaceId, place.PlaceName, kind, name, capacity,
                    kind == ResourceKind.CoworkingArea ? capacity : 1, first.AddYears(-1)));
            }
        }
        (PlaceHoursSet Place, ResourceAdded Resource) Of(PlaceHoursSet place, ResourceKind kind) => (place, resources.Single(r => r.PlaceId == place.PlaceId && r.Kind == kind));
        PlaceHoursSet PlaceOf(Guid office) => places.Single(p => p.OfficeId == office);

        // Residencies of a desk: half started before the year, a third end during it; each month of the year they cover is charged.
        var residencies = new List<ResidencyStarted>();
        var months = new List<List<ResidencyMonthCharged>>();
        for (var r = 0; r < Math.Max(1, (int)Math.Round(Residencies2018 * scale)); r++)
        {
            var member = members[random.Next(members.Count)];
            var (place, desk) = Of(PlaceOf(member.OfficeId), ResourceKind.CoworkingArea);
            var start = random.NextDouble() < 0.5 ? first.AddDays(-random.Next(1, 700)) : first.AddDays(random.Next(0, 300));
            DateOnly? end = random.NextDouble() < 1 / 3.0 ? start.AddDays(random.Next(60, 400)) : null;
            var started = new ResidencyStarted(NextGuid(random), entityId, place.OfficeId, place.PlaceId, place.PlaceName, desk.ResourceId, desk.Kind, member.MemberId,
                Guid.Empty, start, end, MonthlyPrice);
            residencies.Add(started);
            var charges = new List<ResidencyMonthCharged>();
            for (var month = start.Year < year ? first : new DateOnly(year, start.Month, 1); month.Year == year && (end is null || month <= end); month = month.AddMonths(1))
            {
                charges.Add(new ResidencyMonthCharged(started.ResidencyId, entityId, place.OfficeId, place.PlaceId, place.PlaceName, desk.ResourceId, desk.Kind,
                    member.MemberId, month, month, MonthlyPrice));
            }
            months.Add(charges);
        }

        var bookings = new List<BookingConfirmed>();
        var cancellations = new List<BookingCancelled>();
        for (var b = 0; b < Math.Max(1, (int)Math.Round(Bookings2018 * scale)); b++)
        {
            var member = members[random.Next(members.Count)];
            var (place, resource) = Of(PlaceOf(member.OfficeId), random.NextDouble() < 0.5 ? ResourceKind.MeetingRoom : ResourceKind.CoworkingArea);
            var date = Weekday(random, first);
            var from = new TimeOnly(random.NextDouble() < 0.5 ? 9 : 14, 0);
            var booking = new BookingConfirmed(NextGuid(random), entityId, place.OfficeId, place.PlaceId, place.PlaceName, resource.ResourceId, resource.Kind,
                Audience.Member, member.MemberId, date, from, from.AddHours(2), 2m, 1, 2 * HourlyPrice, false);
            bookings.Add(booking);
            if (random.NextDouble() < 0.05)
            {
                cancellations.Add(new BookingCancelled(booking.BookingId, entityId, place.OfficeId, place.PlaceId, place.PlaceName, resource.ResourceId, resource.Kind,
                    Audience.Member, member.MemberId, date, booking.Start, booking.End, 2m, true, random.NextDouble() < 0.3 ? booking.Amount : 0m, date.AddDays(-1)));
            }
        }

        var scheduled = new List<PlaceEventScheduled>();
        var moved = new List<PlaceEventScheduled>();
        var calledOff = new List<PlaceEventCancelled>();
        foreach (var place in places)
        {
            var room = Of(place, ResourceKind.MeetingRoom).Resource;
            for (var e = 0; e < Math.Max(1, (int)Math.Round(EventsPerPlace * scale)); e++)
            {
                var date = Weekday(random, first);
                var planned = new PlaceEventScheduled(NextGuid(random), entityId, place.OfficeId, place.PlaceId, place.PlaceName, $"Événement {e + 1}",
                    random.NextDouble() < 2 / 3.0, date, new TimeOnly(18, 0), new TimeOnly(20, 0), 2m, [room.ResourceId]);
                scheduled.Add(planned);
                var draw = random.NextDouble();
                if (draw < 0.1) moved.Add(planned with { Date = Weekday(random, first) });
                else if (draw < 0.15) calledOff.Add(new PlaceEventCancelled(planned.EventId, entityId, place.OfficeId, place.PlaceId, place.PlaceName, date, date.AddDays(-7)));
            }
        }

        return new ScaleSpacesEvents(places, resources, residencies, months, bookings, cancellations, scheduled, moved, calledOff);
    }

    private static DateOnly Weekday(Random random, DateOnly first)
    {
        var date = first.AddDays(random.Next(0, 357));
        return date.DayOfWeek switch { DayOfWeek.Saturday => date.AddDays(2), DayOfWeek.Sunday => date.AddDays(1), _ => date };
    }
}

/// <summary>The places' events of the year, and their waves (a residency's months one per wave: its stream takes one fact at a time).</summary>
internal sealed record ScaleSpacesEvents(
    IReadOnlyList<PlaceHoursSet> Places,
    IReadOnlyList<ResourceAdded> Resources,
    IReadOnlyList<ResidencyStarted> Residencies,
    IReadOnlyList<IReadOnlyList<ResidencyMonthCharged>> ResidencyMonths,
    IReadOnlyList<BookingConfirmed> Bookings,
    IReadOnlyList<BookingCancelled> BookingCancellations,
    IReadOnlyList<PlaceEventScheduled> Events,
    IReadOnlyList<PlaceEventScheduled> EventMoves,
    IReadOnlyList<PlaceEventCancelled> EventCancellations)
{
    public IReadOnlyList<IReadOnlyList<object>> Waves =>
    [
        [.. Places, .. Resources, .. Residencies, .. Bookings, .. Events],
        [.. BookingCancellations, .. EventMoves, .. EventCancellations],
        .. Enumerable.Range(0, ResidencyMonths.Count == 0 ? 0 : ResidencyMonths.Max(m => m.Count))
            .Select(i => (IReadOnlyList<object>)[.. ResidencyMonths.Where(m => m.Count > i).Select(m => m[i])]),
    ];

    public int Count => Places.Count + Resources.Count + Residencies.Count + ResidencyMonths.Sum(m => m.Count) + Bookings.Count + BookingCancellations.Count
        + Events.Count + EventMoves.Count + EventCancellations.Count;
}
