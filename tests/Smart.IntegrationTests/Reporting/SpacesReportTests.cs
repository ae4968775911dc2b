using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Infrastructure;
using Smart.IntegrationTests.Spaces;
using Smart.Modules.Reporting.Contracts;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Reporting.ReportingScenario;
using static Smart.IntegrationTests.Spaces.SpacesScenario;

namespace Smart.IntegrationTests.Reporting;

/// <summary>
/// A place's year in an entity of its own, built through Spaces' API on Monday 2026-03-02 09:00 in Lille, hand-counted: a
/// place open Monday and Tuesday 09:00–13:00 with a room and a workshop (booked whole) and a coworking area of 2 desks —
/// from 2 March, 88 such days × 4 h × 4 bookings at once = 1,408 h bookable. A member books the room (20.00 an hour)
/// Tuesday 3 March 2 h and Monday 9 March 3 h, today 12:00–13:00 (cancelled 3 h before: its 20.00 kept as the fee) and
/// Tuesday 10 March 2 h (cancelled in time: free); rents a desk at 120.00 a month from today (March charged 30/31:
/// 116.13). Events: a public concert Tuesday 3 March 11:00–13:00 in the room; a private committee Monday 16 March
/// 09:00–11:00 in the room and the workshop, moved to 11:00–13:00 (counted once, 2 h × 2 rooms); a public open day on
/// Tuesday 17 March, called off. Booked hours: 2 + 3 + 2 + 4 = 11.
/// </summary>
public sealed class SpacesReportFixture : IAsyncLifetime
{
    public SpacesApp App { get; } = new();

    public AnnualReport Report { get; private set; } = null!;

    public string PlaceName { get; } = "Bazaar RC " + Guid.NewGuid().ToString("N")[..6];

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var activities = await new ActivitiesScenario(App).StartInOwnEntityAsync();
        var structure = activities.Structure;
        var op = await App.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);
        var placeId = await CreatedIdAsync(await op.PostAsJsonAsync("/api/spaces/places", new
        {
            officeId = structure.LilleOfficeId, name = PlaceName, address = "292 rue Camille Guérin, 59000 Lille", timeZone = "Europe/Paris",
            openingHours = new[] { "Monday", "Tuesday" }.Select(day => new { day, opens = "09:00:00", closes = "13:00:00" }).ToArray(),
        }));
        var room = await ResourceAsync(op, placeId, new { kind = "MeetingRoom", name = "Salle Jaune", capacity = 12 }, new { audience = "Member", hourly = 20.00m });
        var workshop = await ResourceAsync(op, placeId, new { kind = "Workshop", name = "Atelier 3", capacity = 1 }, new { audience = "Member", day = 30.00m });
        var desks = await ResourceAsync(op, placeId, new { kind = "CoworkingArea", name = "Plateau", capacity = 2 }, new { audience = "Member", day = 15.00m });

        var (memberId, member) = await activities.MemberAsync();
        var activityId = await OpenActivityAsync(member);
        await CreatedIdAsync(await IssueInvoiceAsync(member, activityId, await RegisterClientAsync(member), null)); // 900.00 to spend
        await App.WaitForBusIdleAsync();
        var monday = new DateOnly(2026, 3, 2);
        await BookedAsync(await BookAsync(member, room, new DateOnly(2026, 3, 3), "09:00:00", "11:00:00", activityId));
        await BookedAsync(await BookAsync(member, room, new DateOnly(2026, 3, 9), "10:00:00", "13:00:00", activityId));
        var late = await BookedAsync(await BookAsync(member, room, monday, "12:00:00", "13:00:00", activityId));
        var inTime = await BookedAsync(await BookAsync(member, room, new DateOnly(2026, 3, 10), "09:00:00", "11:00:00", activityId));
        foreach (var booking in new[] { late, inTime }) Assert.Equal(HttpStatusCode.OK, (await member.PostAsync($"/api/spaces/bookings/{booking.Id}/cancellation", null)).StatusCode);
        await CreatedIdAsync(await op.PostAsJsonAsync("/api/spaces/residencies", new { resourceId = desks, memberId, activityId, start = monday, noticeDays = 30, monthlyPrice = 120.00m }));

        var events = $"/api/spaces/places/{placeId}/events";
        object Planned(string title, bool isPublic, DateOnly date, string start, string end, params Guid[] roomIds) =>
            new { title, description = "Au Bazaar", isPublic, date, start, end, roomIds };
        await CreatedIdAsync(await op.PostAsJsonAsync(events, Planned("Concert", true, new DateOnly(2026, 3, 3), "11:00:00", "13:00:00", room)));
        var committee = await CreatedIdAsync(await op.PostAsJsonAsync(events, Planned("Comité local", false, new DateOnly(2026, 3, 16), "09:00:00", "11:00:00", room, workshop)));
        await App.WaitForBusIdleAsync();
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync($"{events}/{committee}/schedule", new { date = new DateOnly(2026, 3, 16), start = "11:00:00", end = "13:00:00" })).StatusCode);
        var openDay = await CreatedIdAsync(await op.PostAsJsonAsync(events, Planned("Portes ouvertes", true, new DateOnly(2026, 3, 17), "09:00:00", "11:00:00", room)));
        await App.WaitForBusIdleAsync();
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsync($"{events}/{openDay}/cancellation", null)).StatusCode);

        Report = await ReportChecks.SettledReportAsync(App, structure, 2026);
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();

    private static async Task<Guid> ResourceAsync(HttpClient op, Guid placeId, object resource, params object[] rates)
    {
        var id = await CreatedIdAsync(await op.PostAsJsonAsync($"/api/spaces/places/{placeId}/resources", resource));
        var prices = await op.PutAsJsonAsync($"/api/spaces/resources/{id}/prices",
            new { effectiveFrom = new DateOnly(2026, 3, 2), halfDayHours = 4m, freeCancellationHours = 24, rates });
        Assert.True(prices.StatusCode == HttpStatusCode.NoContent, await prices.Content.ReadAsStringAsync());
        return id;
    }
}

public sealed class SpacesReportTests(SpacesReportFixture fixture) : IClassFixture<SpacesReportFixture>
{
    private AnnualReport Report => fixture.Report;

    [Fact]
    public void Given_the_place_year_Then_residents_bookings_occupancy_events_and_income_are_the_hand_counted_ones()
    {
        var place = fixture.PlaceName;
        Assert.Equal(1m, Value(Report, "espaces-lieux", place, "residents"));
        Assert.Equal(1m, Value(Report, "espaces-lieux", place, "mois-residence"));
        Assert.Equal(4m, Value(Report, "espaces-lieux", place, "reservations"));
        Assert.Equal(2m, Value(Report, "espaces-lieux", place, "annulations"));
        Assert.Equal(11m, Value(Report, "espaces-lieux", place, "heures-reservees"));
        Assert.Equal(1_408m, Value(Report, "espaces-lieux", place, "heures-ouvertes"));
        Assert.Equal(0.0078m, Value(Report, "espaces-lieux", "Total", "occupation")); // 11 ÷ 1,408

        Assert.Equal(1m, Value(Report, "espaces-recettes", place, "evenements-publics")); // the open day was called off
        Assert.Equal(1m, Value(Report, "espaces-recettes", place, "evenements-prives")); // moved, counted once
        Assert.Equal(120m, Value(Report, "espaces-recettes", place, "recettes-reservations")); // 40.00 + 60.00 + the 20.00 fee
        Assert.Equal(116.13m, Value(Report, "espaces-recettes", place, "recettes-residences"));
        Assert.Equal(236.13m, Value(Report, "espaces-recettes", "Total", "recettes"));
    }

    [Fact]
    public void Given_the_spaces_tables_Then_each_additive_total_is_the_sum_of_its_rows()
    {
        ReportChecks.AssertTotalsAreSums(Report, "espaces-lieux", "espaces-recettes");
    }
}
