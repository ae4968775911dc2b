using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Journal;
using Smart.Modules.Reporting.Projections;
using Smart.Modules.Reporting.Tables;
using Smart.Modules.Spaces.Contracts;

namespace Smart.UnitTests.Reporting;

public sealed class SpacesTableTests
{
    private static readonly Guid EntityId = Guid.NewGuid();
    private static readonly Guid Office = Guid.NewGuid();
    private static readonly Guid Bazaar = Guid.NewGuid();
    private static readonly Guid Atelier = Guid.NewGuid();
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bruno = Guid.NewGuid();
    private static readonly Guid Chloe = Guid.NewGuid();

    private static decimal? Value(ReportTable table, string row, string column) =>
        (row == "Total" ? table.Total : table.Rows.Single(r => r.Label == row)).Values[table.Columns.ToList().FindIndex(c => c.Key == column)];

    private static IReadOnlyList<PlaceOpeningHours> Weekdays(int opens, int closes, params DayOfWeek[] days) =>
        days.Select(d => new PlaceOpeningHours(d, new TimeOnly(opens, 0), new TimeOnly(closes, 0))).ToList();

    private static readonly DayOfWeek[] MondayToFriday = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static PlaceProfile Profile(Guid placeId, params object[] facts)
    {
        var profile = new PlaceProfile { Id = PlaceProfile.Key(placeId) };
        foreach (var fact in facts) profile.Absorb(fact);
        return profile;
    }

    private static PlaceYear Year(Guid placeId, int year, params object[] facts)
    {
        var model = new PlaceYear { Id = PlaceYear.Key(placeId, new DateOnly(year, 1, 1)) };
        foreach (var fact in facts) model.Absorb(fact);
        return model;
    }

    private static PlaceHoursNoted Hours(Guid placeId, string name, DateOnly from, IReadOnlyList<PlaceOpeningHours> hours, params PlaceClosure[] closures) =>
        new(Guid.NewGuid(), placeId, EntityId, Office, name, from, hours, closures);

    private static ResourceNoted Resource(Guid placeId, string name, int simultaneous, DateOnly addedOn) =>
        new(Guid.NewGuid(), EntityId, Office, placeId, name, ResourceKind.CoworkingArea, simultaneous, addedOn);

    private static ResidencyNoted Residency(Guid placeId, string name, Guid member, DateOnly start, DateOnly? end, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), EntityId, Office, placeId, name, member, start, end);

    [Fact]
    public void Given_hours_changed_on_1_July_a_closure_and_a_room_added_Then_the_open_hours_of_2026_are_29342()
    {
        // Jan–Jun: Mon–Fri 9–18 (9 h) × 10 desks, 129 weekdays = 11,610 h. From 1 July: Mon–Fri 8–20 (12 h), Sat 10–14 (4 h),
        // closed 24–31 December, 10 desks + a room: 126 weekdays × 12 × 11 + 25 Saturdays × 4 × 11 = 17,732 h.
        var place = Profile(Bazaar,
            Hours(Bazaar, "Bazaar", new DateOnly(2026, 1, 1), Weekdays(9, 18, MondayToFriday)),
            Hours(Bazaar, "Bazaar", new DateOnly(2026, 7, 1), [.. Weekdays(8, 20, MondayToFriday), .. Weekdays(10, 14, DayOfWeek.Saturday)],
                new PlaceClosure(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 31))),
            Resource(Bazaar, "Bazaar", 10, new DateOnly(2025, 9, 1)),
            Resource(Bazaar, "Bazaar", 1, new DateOnly(2026, 7, 1)));

        Assert.Equal(29_342m, place.OpenHours(2026));
    }

    [Fact]
    public void Given_a_later_set_from_an_earlier_date_Then_it_replaces_the_versions_from_its_date()
    {
        var place = Profile(Atelier,
            Hours(Atelier, "Atelier", new DateOnly(2026, 1, 1), Weekdays(9, 13, DayOfWeek.Monday)),
            Hours(Atelier, "Atelier", new DateOnly(2026, 7, 1), Weekdays(9, 17, DayOfWeek.Monday)),
            Hours(Atelier, "Atelier", new DateOnly(2026, 3, 1), Weekdays(9, 11, DayOfWeek.Monday)),
            Resource(Atelier, "Atelier", 1, new DateOnly(2026, 1, 1)));

        // 8 Mondays in January–February × 4 h + 44 Mondays from March × 2 h (the July version is gone).
        Assert.Equal(8 * 4m + 44 * 2m, place.OpenHours(2026));
    }

    [Fact]
    public void Given_two_places_Then_residents_bookings_events_occupancy_and_income_are_counted_per_place_and_the_total_recomputes_occupancy()
    {
        var aliceAgain = Guid.NewGuid();
        var bazaar = Profile(Bazaar,
            Hours(Bazaar, "Bazaar", new DateOnly(2026, 1, 1), Weekdays(9, 13, DayOfWeek.Monday)),
            Resource(Bazaar, "Bazaar", 2, new DateOnly(2026, 1, 1)), // 52 Mondays × 4 h × 2 = 416 h
            Residency(Bazaar, "Bazaar", Alice, new DateOnly(2025, 9, 1), new DateOnly(2026, 2, 28)),
            Residency(Bazaar, "Bazaar", Bruno, new DateOnly(2026, 3, 1), null),
            Residency(Bazaar, "Bazaar", Alice, new DateOnly(2026, 6, 1), null, aliceAgain),
            new ResidencyEndNoted(Guid.NewGuid(), aliceAgain, EntityId, Office, Bazaar, "Bazaar", Alice, new DateOnly(2026, 8, 31)),
            Residency(Bazaar, "Bazaar", Chloe, new DateOnly(2027, 1, 1), null)); // next year
        var atelier = Profile(Atelier,
            Hours(Atelier, "Atelier", new DateOnly(2026, 1, 1), Weekdays(9, 13, DayOfWeek.Monday)),
            Resource(Atelier, "Atelier", 1, new DateOnly(2026, 1, 1)), // 208 h
            Residency(Atelier, "Atelier", Alice, new DateOnly(2026, 1, 1), null));

        var waiting = Guid.NewGuid();
        var moved = Guid.NewGuid();
        var movedAway = Guid.NewGuid();
        var cancelled = Guid.NewGuid();
        var hold = Guid.NewGuid();
        var cancelledBooking = Guid.NewGuid();
        var bazaar2026 = Year(Bazaar, 2026,
            new BookingNoted(Guid.NewGuid(), EntityId, Office, Bazaar, "Bazaar", Alice, new DateOnly(2026, 3, 2), 4m, 40m),
            new BookingNoted(cancelledBooking, EntityId, Office, Bazaar, "Bazaar", Bruno, new DateOnly(2026, 3, 9), 2m, 20m),
            new BookingNoted(Guid.NewGuid(), EntityId, Office, Bazaar, "Bazaar", null, new DateOnly(2026, 3, 16), 8m, 80m),
            new BookingCancellationNoted(cancelledBooking, EntityId, Office, Bazaar, "Bazaar", new DateOnly(2026, 3, 9), 2m, true, 20m, 10m),
            new BookingCancellationNoted(waiting, EntityId, Office, Bazaar, "Bazaar", new DateOnly(2026, 3, 9), 2m, false, 0m, 0m),
            Event(Guid.NewGuid(), true, new DateOnly(2026, 5, 2), 3m, 2, null),
            Event(moved, false, new DateOnly(2026, 5, 10), 2m, 1, null),
            Event(moved, false, new DateOnly(2026, 5, 17), 2m, 1, new DateOnly(2026, 5, 10)), // moved within the year: once
            Event(movedAway, false, new DateOnly(2026, 11, 10), 5m, 1, null),
            Event(movedAway, false, new DateOnly(2027, 1, 15), 5m, 1, new DateOnly(2026, 11, 10)), // moved to next year: gone
            Event(cancelled, true, new DateOnly(2026, 6, 6), 4m, 1, null),
            new PlaceEventCancelledNoted(cancelled, EntityId, Office, Bazaar, "Bazaar", new DateOnly(2026, 6, 6)),
            new RoomHoldNoted(hold, EntityId, Office, Bazaar, "Bazaar", [Slot(2026, 4, 6, 9, 12), Slot(2026, 4, 13, 9, 12), Slot(2027, 1, 4, 9, 12)]),
            new RoomHoldReleasedNoted(Guid.NewGuid(), hold, EntityId, Office, Bazaar, "Bazaar", [Slot(2026, 4, 13, 9, 12)]),
            Month(Bazaar, "Bazaar", Bruno, 3, 300m), Month(Bazaar, "Bazaar", Bruno, 4, 300m), Month(Bazaar, "Bazaar", Alice, 6, 300m));
        var atelier2026 = Year(Atelier, 2026,
            new BookingNoted(Guid.NewGuid(), EntityId, Office, Atelier, "Atelier", Bruno, new DateOnly(2026, 2, 2), 4m, 0m),
            Month(Atelier, "Atelier", Alice, 1, 150m));

        var tables = SpacesSection.Build(2026, [bazaar, atelier], [bazaar2026, atelier2026]);

        var places = tables.Single(t => t.Key == "espaces-lieux");
        Assert.Equal(["Atelier", "Bazaar"], places.Rows.Select(r => r.Label));
        Assert.Equal(2m, Value(places, "Bazaar", "residents")); // Alice (twice) and Bruno; Chloé starts in 2027
        Assert.Equal(1m, Value(places, "Atelier", "residents"));
        Assert.Equal(2m, Value(places, "Total", "residents")); // Alice once
        Assert.Equal(3m, Value(places, "Bazaar", "mois-residence"));
        Assert.Equal(3m, Value(places, "Bazaar", "reservations"));
        Assert.Equal(1m, Value(places, "Bazaar", "annulations"));
        Assert.Equal(23m, Value(places, "Bazaar", "heures-reservees")); // 4 + 8 bookings, 3 × 2 + 2 events, 3 held
        Assert.Equal(416m, Value(places, "Bazaar", "heures-ouvertes"));
        Assert.Equal(0.0553m, Value(places, "Bazaar", "occupation")); // 23 ÷ 416
        Assert.Equal(4m, Value(places, "Atelier", "heures-reservees"));
        Assert.Equal(208m, Value(places, "Atelier", "heures-ouvertes"));
        Assert.Equal(27m, Value(places, "Total", "heures-reservees"));
        Assert.Equal(624m, Value(places, "Total", "heures-ouvertes"));
        Assert.Equal(0.0433m, Value(places, "Total", "occupation")); // 27 ÷ 624

        var income = tables.Single(t => t.Key == "espaces-recettes");
        Assert.Equal(1m, Value(income, "Bazaar", "evenements-publics"));
        Assert.Equal(1m, Value(income, "Bazaar", "evenements-prives"));
        Assert.Equal(130m, Value(income, "Bazaar", "recettes-reservations")); // 40 + 80 + the 10.00 fee
        Assert.Equal(900m, Value(income, "Bazaar", "recettes-residences"));
        Assert.Equal(1_030m, Value(income, "Bazaar", "recettes"));
        Assert.Equal(1_180m, Value(income, "Total", "recettes"));
    }

    private static PlaceEventNoted Event(Guid id, bool isPublic, DateOnly date, decimal hours, int rooms, DateOnly? previous) =>
        new(Guid.NewGuid(), id, EntityId, Office, Bazaar, "Bazaar", isPublic, date, hours, rooms, previous, Guid.NewGuid());

    private static RoomSlot Slot(int year, int month, int day, int from, int to) => new(new DateOnly(year, month, day), new TimeOnly(from, 0), new TimeOnly(to, 0));

    private static ResidencyMonthNoted Month(Guid placeId, string name, Guid member, int month, decimal amount) =>
        new(Guid.NewGuid(), Guid.NewGuid(), EntityId, Office, placeId, name, member, new DateOnly(2026, month, 1), amount);
}
