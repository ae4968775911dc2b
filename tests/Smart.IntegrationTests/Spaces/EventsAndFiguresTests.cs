using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Spaces.SpacesScenario;

namespace Smart.IntegrationTests.Spaces;

/// <summary>Events that take rooms, the members' programme, and a place's figures for March 2026.</summary>
public sealed class EventsAndFiguresTests(SpacesApp app) : IClassFixture<SpacesApp>
{
    private sealed record Event(Guid Id, string Title, bool IsPublic, DateOnly Date);

    private sealed record Use(Guid ResourceId, string Name, decimal BookedHours, decimal OpenHours, decimal Occupancy);

    private sealed record Figures(List<Use> Resources, decimal BookingIncome, decimal ResidencyIncome, decimal RentalIncome, int Residents, int Events, int PublicEvents);

    [Fact]
    public async Task Given_a_public_concert_and_a_private_meeting_in_the_room_Then_the_room_is_taken_and_members_see_only_the_concert()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, activityId) = await scenario.MemberAsync();
        var op = scenario.Operator;
        object Planned(string title, bool isPublic, DateOnly date, string start, string end, params Guid[] roomIds) =>
            new { title, description = "Au Bazaar", isPublic, date, start, end, roomIds };

        var concert = await CreatedIdAsync(await op.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/events", Planned("Concert", true, Tuesday, "18:00:00", "20:00:00", scenario.RoomId)));
        await CreatedIdAsync(await op.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/events", Planned("Comité local", false, Thursday, "10:00:00", "12:00:00", scenario.RoomId, scenario.WorkshopId)));

        var overConcert = await BookAsync(member, scenario.RoomId, Tuesday, "18:00:00", "19:00:00", activityId);
        Assert.Equal("SlotIsFree", (await overConcert.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var clash = await op.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/events", Planned("Répétition", true, Tuesday, "19:00:00", "20:00:00", scenario.RoomId));
        Assert.Equal("SlotIsFree", (await clash.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var notARoom = await op.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/events", Planned("Portes ouvertes", true, Friday, "10:00:00", "12:00:00", scenario.CoworkingId));
        Assert.Equal("EventsUseRooms", (await notARoom.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        await (await op.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/events", Planned("Fantôme", true, Friday, "10:00:00", "12:00:00", Guid.NewGuid())))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await op.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/events", Planned("", true, Friday, "12:00:00", "10:00:00"))).AssertFieldErrorsAsync("title", "end", "roomIds");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/events", Planned("Fête", true, Friday, "10:00:00", "12:00:00", scenario.RoomId))).StatusCode);

        Assert.Equal([concert], (await member.GetFromJsonAsync<List<Event>>($"/api/spaces/places/{scenario.PlaceId}/events?from=2026-03-01&to=2026-03-31"))!.Select(e => e.Id));
        Assert.Equal(["Concert", "Comité local"], (await op.GetFromJsonAsync<List<Event>>($"/api/spaces/places/{scenario.PlaceId}/events"))!.Select(e => e.Title));
        var otherEntity = await app.ClientAsync(SmartRoles.Member, Guid.NewGuid(), scenario.Structure.OtherEntityId, scenario.Structure.OtherEntityOfficeId);
        await (await otherEntity.GetAsync($"/api/spaces/places/{scenario.PlaceId}/events")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private sealed record Moved(Guid Id, DateOnly Date, TimeOnly Start, TimeOnly End, List<Guid> RoomIds, DateTimeOffset? CancelledAt);

    private sealed record EventCancellation(Guid EventId, List<Guid> Promoted);

    [Fact]
    public async Task Given_a_concert_on_Tuesday_18_to_20_and_a_booking_waiting_for_19_Then_moving_it_to_17_confirms_the_booking_and_moving_it_to_Thursday_then_cancelling_frees_the_rooms()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, activityId) = await scenario.MemberAsync();
        var op = scenario.Operator;
        var events = $"/api/spaces/places/{scenario.PlaceId}/events";
        var concert = await CreatedIdAsync(await op.PostAsJsonAsync(events,
            new { title = "Concert", isPublic = true, date = Tuesday, start = "18:00:00", end = "20:00:00", roomIds = new[] { scenario.RoomId } }));
        var waiting = await BookedAsync(await BookAsync(member, scenario.RoomId, Tuesday, "19:00:00", "20:00:00", activityId, waitIfFull: true));
        Assert.Equal("Waiting", waiting.Status);
        var schedule = $"{events}/{concert}/schedule";
        async Task<Moved> ConcertAsync() => (await member.GetFromJsonAsync<List<Moved>>(events))!.Single(e => e.Id == concert);

        await (await op.PutAsJsonAsync(schedule, new { date = Tuesday, start = "20:00:00", end = "17:00:00", roomIds = Array.Empty<Guid>() })).AssertFieldErrorsAsync("end", "roomIds");
        await (await op.PutAsJsonAsync(schedule, new { date = new DateOnly(2026, 3, 8), start = "17:00:00", end = "19:00:00" })).AssertFieldErrorsAsync("start"); // Sunday
        await (await op.PutAsJsonAsync($"{events}/{Guid.NewGuid()}/schedule", new { date = Tuesday, start = "17:00:00", end = "19:00:00" })).AssertProblemAsync(HttpStatusCode.NotFound);
        var otherEntityOperator = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.OtherEntityId);
        await (await otherEntityOperator.PutAsJsonAsync(schedule, new { date = Tuesday, start = "17:00:00", end = "19:00:00" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherEntityOperator.PostAsync($"{events}/{concert}/cancellation", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync(schedule, new { date = Tuesday, start = "17:00:00", end = "19:00:00" })).StatusCode);
        Assert.Equal((Tuesday, new TimeOnly(18, 0)), ((await ConcertAsync()).Date, (await ConcertAsync()).Start));

        // Same room, same day: its slot moves to 17:00–19:00, which leaves 19:00–20:00 to the waiting booking (charged 20.00).
        var earlier = await op.PutAsJsonAsync(schedule, new { date = Tuesday, start = "17:00:00", end = "19:00:00" });
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
        var confirmed = (await member.GetFromJsonAsync<Booking>($"/api/spaces/bookings/{waiting.Id}", Json))!;
        Assert.Equal(("Confirmed", 20.00m), (confirmed.Status, confirmed.Charged));
        Assert.Equal((1, -20.00m), await scenario.LedgerAsync(member, activityId, waiting.Id));
        Assert.Equal("SlotIsFree", (await (await BookAsync(member, scenario.RoomId, Tuesday, "17:00:00", "18:00:00", activityId)).AssertProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("rule").GetString());

        // A move onto a taken slot (the workshop all Wednesday) is refused, nothing moved; to Thursday 10:00–12:00 in the room
        // and the workshop, Tuesday is free again.
        await BookedAsync(await BookAsync(member, scenario.WorkshopId, Wednesday, "09:00:00", "18:00:00", activityId));
        var refused = await op.PutAsJsonAsync(schedule, new { date = Wednesday, start = "10:00:00", end = "12:00:00", roomIds = new[] { scenario.RoomId, scenario.WorkshopId } });
        Assert.Equal("SlotIsFree", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal((Tuesday, new TimeOnly(17, 0)), ((await ConcertAsync()).Date, (await ConcertAsync()).Start));
        var thursday = (await (await op.PutAsJsonAsync(schedule, new { date = Thursday, start = "10:00:00", end = "12:00:00", roomIds = new[] { scenario.RoomId, scenario.WorkshopId } }))
            .Content.ReadFromJsonAsync<Moved>(Json))!;
        Assert.Equal((Thursday, new TimeOnly(10, 0)), (thursday.Date, thursday.Start));
        Assert.Equal([scenario.RoomId, scenario.WorkshopId], thursday.RoomIds);
        Assert.Equal(20.00m, (await BookedAsync(await BookAsync(member, scenario.RoomId, Tuesday, "17:00:00", "18:00:00", activityId))).Price);
        Assert.Equal("SlotIsFree", (await (await BookAsync(member, scenario.WorkshopId, Thursday, "11:00:00", "12:00:00", activityId)).AssertProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("rule").GetString());

        var cancelled = (await (await op.PostAsync($"{events}/{concert}/cancellation", null)).Content.ReadFromJsonAsync<EventCancellation>(Json))!;
        Assert.Equal((concert, 0), (cancelled.EventId, cancelled.Promoted.Count));
        Assert.NotNull((await ConcertAsync()).CancelledAt);
        Assert.Equal("Confirmed", (await BookedAsync(await BookAsync(member, scenario.WorkshopId, Thursday, "11:00:00", "12:00:00", activityId))).Status);
        var again = await op.PostAsync($"{events}/{concert}/cancellation", null);
        Assert.Equal("EventIsAhead", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(0, (await op.GetFromJsonAsync<Figures>($"/api/spaces/places/{scenario.PlaceId}/figures?month=2026-03-01"))!.Events);
    }

    [Fact]
    public async Task Given_bookings_and_events_in_March_Then_the_figures_show_occupancy_income_and_events()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, activityId) = await scenario.MemberAsync();
        var op = scenario.Operator;
        await BookedAsync(await BookAsync(member, scenario.RoomId, Tuesday, "10:00:00", "12:00:00", activityId)); // 40.00
        await BookedAsync(await BookAsync(op, scenario.RoomId, Wednesday, "14:00:00", "17:00:00", null, outsider: new { name = "Les Voisins", email = "v@example.org" })); // 105.00
        await BookedAsync(await BookAsync(member, scenario.CoworkingId, Tuesday, "09:00:00", "18:00:00", activityId)); // 15.00
        await CreatedIdAsync(await op.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/events",
            new { title = "Concert", isPublic = true, date = Thursday, start = "18:00:00", end = "20:00:00", roomIds = new[] { scenario.RoomId } }));

        var figures = (await op.GetFromJsonAsync<Figures>($"/api/spaces/places/{scenario.PlaceId}/figures?month=2026-03-01"))!;

        // March 2026: 26 days open (5 Sundays closed) × 12 h = 312 h; the room was used 2 + 3 + 2 = 7 h.
        var room = figures.Resources.Single(r => r.ResourceId == scenario.RoomId);
        Assert.Equal((7m, 312m, 0.0224m), (room.BookedHours, room.OpenHours, room.Occupancy));
        var desks = figures.Resources.Single(r => r.ResourceId == scenario.CoworkingId);
        Assert.Equal((9m, 6_240m, 0.0014m), (desks.BookedHours, desks.OpenHours, desks.Occupancy)); // 20 desks
        Assert.Equal((160.00m, 0.00m, 160.00m, 0, 1, 1), (figures.BookingIncome, figures.ResidencyIncome, figures.RentalIncome, figures.Residents, figures.Events, figures.PublicEvents));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/spaces/places/{scenario.PlaceId}/figures?month=2026-03-01")).StatusCode);
        await (await op.GetAsync($"/api/spaces/places/{scenario.PlaceId}/figures")).AssertFieldErrorsAsync("month");
        await (await op.GetAsync($"/api/spaces/places/{Guid.NewGuid()}/figures?month=2026-03-01")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
