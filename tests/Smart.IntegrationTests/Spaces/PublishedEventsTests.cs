using System.Net;
using System.Net.Http.Json;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Features.Residencies;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Spaces.SpacesScenario;

namespace Smart.IntegrationTests.Spaces;

/// <summary>
/// What Spaces publishes for the annual report (issue 16), on the clock of <see cref="SpacesApp"/> (Monday 2 March 2026,
/// 09:00 in Lille): each event once, with the numbers of the state change that published it, and nothing for a repeat.
/// </summary>
public sealed class PublishedEventsTests(SpacesApp app) : IClassFixture<SpacesApp>
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    [Fact]
    public async Task Given_a_place_and_its_resources_Then_their_hours_and_simultaneous_bookings_are_published_for_occupancy()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        HttpResponseMessage opened = null!;
        var tracked = await app.TrackAsync(async () => opened = await scenario.Operator.PostAsJsonAsync("/api/spaces/places", Place(scenario.Structure.LilleOfficeId, "Bigre " + Guid.NewGuid().ToString("N")[..6])));
        var placeId = await CreatedIdAsync(opened);
        var hours = Assert.Single(tracked.Published<PlaceHoursSet>());
        Assert.Equal((placeId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId, "Europe/Paris", Monday), (hours.PlaceId, hours.EntityId, hours.OfficeId, hours.TimeZone, hours.EffectiveFrom));
        Assert.Equal(6, hours.OpeningHours.Count);
        Assert.All(hours.OpeningHours, h => Assert.Equal((new TimeOnly(8, 0), new TimeOnly(20, 0)), (h.Opens, h.Closes)));
        Assert.Empty(hours.Closures);

        tracked = await app.TrackAsync(async () => await CreatedIdAsync(await scenario.Operator.PostAsJsonAsync($"/api/spaces/places/{placeId}/resources",
            new { kind = "CoworkingArea", name = "Plateau", capacity = 20 })));
        var desks = Assert.Single(tracked.Published<ResourceAdded>());
        Assert.Equal((placeId, hours.PlaceName, ResourceKind.CoworkingArea, "Plateau", 20, 20, Monday), (desks.PlaceId, desks.PlaceName, desks.Kind, desks.Name, desks.Capacity, desks.SimultaneousBookings, desks.AddedOn));
        tracked = await app.TrackAsync(async () => await CreatedIdAsync(await scenario.Operator.PostAsJsonAsync($"/api/spaces/places/{placeId}/resources",
            new { kind = "Workshop", name = "Atelier", capacity = 5 })));
        var workshop = Assert.Single(tracked.Published<ResourceAdded>());
        Assert.Equal((1, 1), (workshop.Capacity, workshop.SimultaneousBookings)); // booked whole
        tracked = await app.TrackAsync(async () => await (await scenario.Operator.PostAsJsonAsync($"/api/spaces/places/{placeId}/resources",
            new { kind = "Workshop", name = "Atelier", capacity = 1 })).AssertProblemAsync(HttpStatusCode.Conflict)); // the name is taken
        Assert.Empty(tracked.Published<ResourceAdded>());

        // Weekdays only from now on, 09:00–18:00; the same hours again publish nothing.
        var weekdays = new { openingHours = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(day => new { day, opens = "09:00:00", closes = "18:00:00" }).ToArray() };
        tracked = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.NoContent, (await scenario.Operator.PutAsJsonAsync($"/api/spaces/places/{placeId}/opening-hours", weekdays)).StatusCode));
        var changed = Assert.Single(tracked.Published<PlaceHoursSet>());
        Assert.Equal(45m, changed.OpeningHours.Sum(h => (decimal)(h.Closes - h.Opens).TotalHours)); // 5 × 9 h a week
        tracked = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.NoContent, (await scenario.Operator.PutAsJsonAsync($"/api/spaces/places/{placeId}/opening-hours", weekdays)).StatusCode));
        Assert.Empty(tracked.Published<PlaceHoursSet>());

        tracked = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.NoContent, (await scenario.Operator.PostAsJsonAsync($"/api/spaces/places/{placeId}/closures",
            new { from = new DateOnly(2026, 8, 1), to = new DateOnly(2026, 8, 23), reason = "Congés d'été" })).StatusCode));
        var closed = Assert.Single(tracked.Published<PlaceHoursSet>());
        Assert.Equal([new PlaceClosure(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 23))], closed.Closures);
        Assert.Equal(5, closed.OpeningHours.Count);
    }

    [Fact]
    public async Task Given_a_room_at_20_an_hour_Then_a_booking_a_waiting_one_let_in_and_a_cancellation_are_each_published_once()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (memberId, member, activityId) = await scenario.MemberAsync();
        var (otherId, other, otherActivity) = await scenario.MemberAsync();
        HttpResponseMessage response = null!;

        var tracked = await app.TrackAsync(async () => response = await BookAsync(member, scenario.RoomId, Tuesday, "10:00:00", "12:00:00", activityId, attendees: 8));
        var first = await BookedAsync(response);
        var confirmed = Assert.Single(tracked.Published<BookingConfirmed>());
        Assert.Equal(new BookingConfirmed(first.Id, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId, scenario.PlaceId, confirmed.PlaceName, scenario.RoomId,
            ResourceKind.MeetingRoom, Audience.Member, memberId, Tuesday, new TimeOnly(10, 0), new TimeOnly(12, 0), 2m, 8, 40.00m, WasWaiting: false), confirmed);
        Assert.StartsWith("Bazaar St-So", confirmed.PlaceName);

        tracked = await app.TrackAsync(async () => response = await BookAsync(other, scenario.RoomId, Tuesday, "11:00:00", "13:00:00", otherActivity, waitIfFull: true));
        var waiting = await BookedAsync(response);
        Assert.Equal("Waiting", waiting.Status);
        Assert.Empty(tracked.Published<BookingConfirmed>());

        // Cancelled more than 24 h ahead: free; the waiting booking takes the room and is published then.
        tracked = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK, (await member.PostAsync($"/api/spaces/bookings/{first.Id}/cancellation", null)).StatusCode));
        var cancelled = Assert.Single(tracked.Published<BookingCancelled>());
        Assert.Equal((first.Id, ResourceKind.MeetingRoom, Audience.Member, memberId, Tuesday, 2m, true, 0.00m, Monday),
            (cancelled.BookingId, cancelled.ResourceKind, cancelled.Audience, cancelled.MemberId, cancelled.Date, cancelled.Hours, cancelled.WasConfirmed, cancelled.Fee, cancelled.CancelledOn));
        var promoted = Assert.Single(tracked.Published<BookingConfirmed>());
        Assert.Equal((waiting.Id, otherId, new TimeOnly(11, 0), 2m, 40.00m, true), (promoted.BookingId, promoted.MemberId, promoted.Start, promoted.Hours, promoted.Amount, promoted.WasWaiting));

        tracked = await app.TrackAsync(async () => await (await member.PostAsync($"/api/spaces/bookings/{first.Id}/cancellation", null)).AssertProblemAsync(HttpStatusCode.Conflict));
        Assert.Empty(tracked.Published<BookingCancelled>());
        Assert.Empty(tracked.Published<BookingConfirmed>());

        // An outsider's hour, booked by staff: no member, 35.00 earned.
        tracked = await app.TrackAsync(async () => response = await BookAsync(scenario.Operator, scenario.RoomId, Wednesday, "14:00:00", "15:00:00", null,
            outsider: new { name = "Association Les Voisins", email = "contact@voisins.example" }));
        var outsider = Assert.Single(tracked.Published<BookingConfirmed>());
        Assert.Equal(((await BookedAsync(response)).Id, Audience.Outsider, (Guid?)null, 1m, 35.00m), (outsider.BookingId, outsider.Audience, outsider.MemberId, outsider.Hours, outsider.Amount));
    }

    [Fact]
    public async Task Given_a_workshop_at_250_a_month_from_15_March_Then_its_start_the_March_charge_of_137_10_and_its_end_are_each_published_once()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (memberId, _, activityId) = await scenario.MemberAsync();
        HttpResponseMessage response = null!;
        var tracked = await app.TrackAsync(async () => response = await scenario.Operator.PostAsJsonAsync("/api/spaces/residencies",
            new { resourceId = scenario.WorkshopId, memberId, activityId, start = new DateOnly(2026, 3, 15), noticeDays = 30, monthlyPrice = 250.00m }));
        var residencyId = await CreatedIdAsync(response);
        var started = Assert.Single(tracked.Published<ResidencyStarted>());
        Assert.Equal((residencyId, scenario.Structure.LilleOfficeId, scenario.PlaceId, scenario.WorkshopId, ResourceKind.Workshop, memberId, activityId, new DateOnly(2026, 3, 15), (DateOnly?)null, 250.00m),
            (started.ResidencyId, started.OfficeId, started.PlaceId, started.ResourceId, started.ResourceKind, started.MemberId, started.ActivityId, started.Start, started.End, started.MonthlyPrice));

        // The month's charge, as its scheduled message delivers it; delivered again, nothing.
        tracked = await app.PublishAsync(new ChargeResidencyMonth(residencyId, new DateOnly(2026, 3, 1)));
        var march = Assert.Single(tracked.Published<ResidencyMonthCharged>());
        Assert.Equal((residencyId, memberId, ResourceKind.Workshop, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15), 137.10m), // 250.00 × 17 / 31
            (march.ResidencyId, march.MemberId, march.ResourceKind, march.Month, march.ChargedOn, march.Amount));
        tracked = await app.PublishAsync(new ChargeResidencyMonth(residencyId, new DateOnly(2026, 3, 1)));
        Assert.Empty(tracked.Published<ResidencyMonthCharged>());

        tracked = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.NoContent,
            (await scenario.Operator.PostAsJsonAsync($"/api/spaces/residencies/{residencyId}/end", new { end = new DateOnly(2026, 5, 10) })).StatusCode));
        var ended = Assert.Single(tracked.Published<ResidencyEnded>());
        Assert.Equal((residencyId, memberId, new DateOnly(2026, 3, 15), new DateOnly(2026, 5, 10), Monday), (ended.ResidencyId, ended.MemberId, ended.Start, ended.End, ended.EndedOn));
        tracked = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.NoContent,
            (await scenario.Operator.PostAsJsonAsync($"/api/spaces/residencies/{residencyId}/end", new { end = new DateOnly(2026, 5, 10) })).StatusCode));
        Assert.Empty(tracked.Published<ResidencyEnded>());
    }

    [Fact]
    public async Task Given_a_concert_planned_moved_and_called_off_Then_each_schedule_and_the_cancellation_are_published_once()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (memberId, member, activityId) = await scenario.MemberAsync();
        HttpResponseMessage response = null!;
        var tracked = await app.TrackAsync(async () => response = await scenario.Operator.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/events",
            new { title = "Concert", description = (string?)null, isPublic = true, date = Tuesday, start = "18:00:00", end = "20:00:00", roomIds = new[] { scenario.RoomId } }));
        var eventId = await CreatedIdAsync(response);
        var planned = Assert.Single(tracked.Published<PlaceEventScheduled>());
        Assert.Equal((eventId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId, scenario.PlaceId, "Concert", true, Tuesday, new TimeOnly(18, 0), 2m),
            (planned.EventId, planned.EntityId, planned.OfficeId, planned.PlaceId, planned.Title, planned.IsPublic, planned.Date, planned.Start, planned.Hours));
        Assert.Equal([scenario.RoomId], planned.RoomIds);

        var waiting = await BookedAsync(await BookAsync(member, scenario.RoomId, Tuesday, "19:00:00", "20:00:00", activityId, waitIfFull: true));
        tracked = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK, (await scenario.Operator.PutAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/events/{eventId}/schedule",
            new { date = Tuesday, start = "17:00:00", end = "19:00:00" })).StatusCode));
        var moved = Assert.Single(tracked.Published<PlaceEventScheduled>());
        Assert.Equal((eventId, Tuesday, new TimeOnly(17, 0), new TimeOnly(19, 0), 2m), (moved.EventId, moved.Date, moved.Start, moved.End, moved.Hours));
        var letIn = Assert.Single(tracked.Published<BookingConfirmed>());
        Assert.Equal((waiting.Id, memberId, 1m, 20.00m, true), (letIn.BookingId, letIn.MemberId, letIn.Hours, letIn.Amount, letIn.WasWaiting));

        tracked = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK,
            (await scenario.Operator.PostAsync($"/api/spaces/places/{scenario.PlaceId}/events/{eventId}/cancellation", null)).StatusCode));
        var cancelled = Assert.Single(tracked.Published<PlaceEventCancelled>());
        Assert.Equal((eventId, scenario.PlaceId, Tuesday, Monday), (cancelled.EventId, cancelled.PlaceId, cancelled.Date, cancelled.CancelledOn));
        tracked = await app.TrackAsync(async () => await (await scenario.Operator.PostAsync($"/api/spaces/places/{scenario.PlaceId}/events/{eventId}/cancellation", null))
            .AssertProblemAsync(HttpStatusCode.Conflict));
        Assert.Empty(tracked.Published<PlaceEventCancelled>());
    }

    [Fact]
    public async Task Given_a_room_held_for_two_half_days_of_a_session_Then_the_hold_of_7_hours_and_its_release_are_each_published_once()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var holdId = Guid.NewGuid();
        RoomSlot[] slots = [new(Thursday, new TimeOnly(9, 0), new TimeOnly(12, 30)), new(Thursday, new TimeOnly(13, 30), new TimeOnly(17, 0))];
        var hold = new HoldRoom(holdId, scenario.Structure.EntityId, scenario.RoomId, slots, 8, "Formation", "Training");

        var tracked = await app.PublishAsync(hold);
        var taken = Assert.Single(tracked.Published<RoomHoldTaken>());
        Assert.Equal((holdId, scenario.Structure.LilleOfficeId, scenario.PlaceId, scenario.RoomId, ResourceKind.MeetingRoom, 7m),
            (taken.HoldId, taken.OfficeId, taken.PlaceId, taken.ResourceId, taken.ResourceKind, taken.Hours));
        Assert.Equal(slots, taken.Slots);
        Assert.Empty((await app.PublishAsync(hold)).Published<RoomHoldTaken>()); // held already

        tracked = await app.PublishAsync(new ReleaseRoom(holdId, scenario.RoomId, slots));
        var released = Assert.Single(tracked.Published<RoomHoldReleased>());
        Assert.Equal((holdId, scenario.RoomId, 7m), (released.HoldId, released.ResourceId, released.Hours));
        Assert.Equal(slots, released.Slots);
        Assert.Empty((await app.PublishAsync(new ReleaseRoom(holdId, scenario.RoomId, slots))).Published<RoomHoldReleased>());
    }
}
