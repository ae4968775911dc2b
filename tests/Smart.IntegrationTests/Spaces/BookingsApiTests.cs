using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Spaces.SpacesScenario;

namespace Smart.IntegrationTests.Spaces;

/// <summary>Bookings through HTTP on a clock standing at Monday 2026-03-02 09:00 in Lille: conflicts, prices, charges, the waiting list.</summary>
public sealed class BookingsApiTests(SpacesApp app) : IClassFixture<SpacesApp>
{
    [Fact]
    public async Task Given_a_meeting_room_for_12_booked_10_to_12_Then_11_to_13_is_409_and_12_to_13_is_201()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (memberId, member, activityId) = await scenario.MemberAsync();

        var first = await BookedAsync(await BookAsync(member, scenario.RoomId, Tuesday, "10:00:00", "12:00:00", activityId, attendees: 12));
        var overlap = await BookAsync(member, scenario.RoomId, Tuesday, "11:00:00", "13:00:00", activityId);
        var next = await BookedAsync(await BookAsync(member, scenario.RoomId, Tuesday, "12:00:00", "13:00:00", activityId));

        Assert.Equal("SlotIsFree", (await overlap.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal((memberId, "Member", 40.00m, "Confirmed", 40.00m), (first.MemberId, first.Audience, first.Price, first.Status, first.Charged)); // 2 h × 20.00
        Assert.Equal(20.00m, next.Price);
        Assert.Equal(2, await scenario.BookingsAsync(scenario.RoomId));
        Assert.Equal((1, -40.00m), await scenario.LedgerAsync(member, activityId, first.Id));
    }

    [Fact]
    public async Task Given_bad_bookings_Then_400_with_the_field_or_404_and_nothing_booked()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, activityId) = await scenario.MemberAsync();
        var (_, other, otherActivity) = await scenario.MemberAsync();
        var otherEntityOperator = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.OtherEntityId);
        var elsewhere = await CreatedIdAsync(await otherEntityOperator.PostAsJsonAsync("/api/spaces/places", SpacesScenario.Place(scenario.Structure.OtherEntityOfficeId, "Ailleurs")));
        var elsewhereRoom = await CreatedIdAsync(await otherEntityOperator.PostAsJsonAsync($"/api/spaces/places/{elsewhere}/resources", new { kind = "MeetingRoom", name = "Salle", capacity = 10 }));

        await (await BookAsync(member, scenario.RoomId, Tuesday, "12:00:00", "10:00:00", activityId)).AssertFieldErrorsAsync("end");
        await (await BookAsync(member, scenario.RoomId, Tuesday, "07:00:00", "09:00:00", activityId)).AssertFieldErrorsAsync("start"); // opens at 08:00
        await (await BookAsync(member, scenario.RoomId, new DateOnly(2026, 3, 8), "10:00:00", "12:00:00", activityId)).AssertFieldErrorsAsync("start"); // Sunday
        await (await BookAsync(member, scenario.RoomId, new DateOnly(2026, 3, 2), "08:00:00", "09:00:00", activityId)).AssertFieldErrorsAsync("date"); // 08:00 in Lille is past
        await (await BookAsync(member, scenario.RoomId, Tuesday, "10:00:00", "12:00:00", activityId, attendees: 0)).AssertFieldErrorsAsync("attendees");
        await (await BookAsync(member, scenario.RoomId, Tuesday, "10:00:00", "12:00:00", activityId: null)).AssertFieldErrorsAsync("activityId");
        await (await BookAsync(member, Guid.NewGuid(), Tuesday, "10:00:00", "12:00:00", activityId)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await BookAsync(member, elsewhereRoom, Tuesday, "10:00:00", "12:00:00", activityId)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await BookAsync(member, scenario.RoomId, Tuesday, "10:00:00", "12:00:00", otherActivity)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await BookAsync(member, scenario.RoomId, Tuesday, "10:00:00", "12:00:00", Guid.NewGuid())).AssertProblemAsync(HttpStatusCode.NotFound);
        var crowd = await BookAsync(member, scenario.RoomId, Tuesday, "10:00:00", "12:00:00", activityId, attendees: 13);
        Assert.Equal("RoomHoldsTheAttendees", (await crowd.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var outsider = await BookAsync(member, scenario.RoomId, Tuesday, "10:00:00", "12:00:00", null, outsider: new { name = "Jeanne Martin", email = "jeanne@example.org" });
        Assert.Equal("OutsidersAreBookedByStaff", (await outsider.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        Assert.Equal(0, await scenario.BookingsAsync(scenario.RoomId));
        var mine = await BookedAsync(await BookAsync(member, scenario.RoomId, Tuesday, "10:00:00", "12:00:00", activityId));
        await (await other.GetAsync($"/api/spaces/bookings/{mine.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync($"/api/spaces/bookings/{mine.Id}/cancellation", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Confirmed", (await member.GetFromJsonAsync<Booking>($"/api/spaces/bookings/{mine.Id}", Json))!.Status);
        Assert.Empty((await other.GetFromJsonAsync<PagedResult<Booking>>($"/api/spaces/bookings?resourceId={scenario.RoomId}", Json))!.Items);
    }

    [Fact]
    public async Task Given_coworking_for_a_member_Then_Friday_is_charged_nothing_and_Tuesday_the_15_day_rate()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, activityId) = await scenario.MemberAsync();

        var friday = await BookedAsync(await BookAsync(member, scenario.CoworkingId, Friday, "09:00:00", "18:00:00", activityId));
        var tuesday = await BookedAsync(await BookAsync(member, scenario.CoworkingId, Tuesday, "09:00:00", "18:00:00", activityId));

        Assert.Equal((0.00m, 0.00m), (friday.Price, friday.Charged));
        Assert.Equal((0, 0.00m), await scenario.LedgerAsync(member, activityId, friday.Id));
        Assert.Equal((15.00m, 15.00m), (tuesday.Price, tuesday.Charged));
        Assert.Equal((1, -15.00m), await scenario.LedgerAsync(member, activityId, tuesday.Id));
    }

    [Fact]
    public async Task Given_a_day_rate_of_15_capped_at_40_a_month_Then_a_member_pays_15_15_10_then_nothing_and_a_day_cancelled_in_time_gives_its_15_back()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, activityId) = await scenario.MemberAsync();
        var mezzanine = await scenario.ResourceAsync(new { kind = "CoworkingArea", name = "Mezzanine", capacity = 10 }, new { audience = "Member", day = 15.00m, monthlyCap = 40.00m });
        async Task<Booking> DayAsync(DateOnly date) => await BookedAsync(await BookAsync(member, mezzanine, date, "09:00:00", "18:00:00", activityId));

        var days = new List<Booking> { await DayAsync(Tuesday), await DayAsync(Wednesday), await DayAsync(Thursday), await DayAsync(new DateOnly(2026, 3, 7)) };
        Assert.Equal([15.00m, 15.00m, 10.00m, 0.00m], days.Select(b => b.Charged));
        Assert.True((await (await member.PostAsync($"/api/spaces/bookings/{days[1].Id}/cancellation", null)).Content.ReadFromJsonAsync<Cancellation>())!.Free);
        Assert.Equal(15.00m, (await DayAsync(new DateOnly(2026, 3, 9))).Price); // 40.00 − 15.00 − 10.00 left
        Assert.Equal(0.00m, (await DayAsync(new DateOnly(2026, 3, 10))).Price);
        Assert.Equal(15.00m, (await DayAsync(new DateOnly(2026, 4, 1))).Price); // a new month
        Assert.Equal((1, -10.00m), await scenario.LedgerAsync(member, activityId, days[2].Id));
    }

    [Fact]
    public async Task Given_20_desks_booked_Then_the_21st_waits_and_a_cancellation_confirms_and_charges_it()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, activityId) = await scenario.MemberAsync();
        var (_, late, lateActivity) = await scenario.MemberAsync();
        var desks = new List<Booking>();
        for (var i = 0; i < 20; i++)
        {
            desks.Add(await BookedAsync(await BookAsync(member, scenario.CoworkingId, Wednesday, "09:00:00", "18:00:00", activityId)));
        }

        var full = await BookAsync(late, scenario.CoworkingId, Wednesday, "09:00:00", "18:00:00", lateActivity);
        var waiting = await BookedAsync(await BookAsync(late, scenario.CoworkingId, Wednesday, "09:00:00", "18:00:00", lateActivity, waitIfFull: true));
        Assert.Equal("SlotIsFree", (await full.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(("Waiting", 15.00m, 0.00m), (waiting.Status, waiting.Price, waiting.Charged));
        Assert.Equal((0, 0.00m), await scenario.LedgerAsync(late, lateActivity, waiting.Id));

        var cancellation = (await (await member.PostAsync($"/api/spaces/bookings/{desks[7].Id}/cancellation", null)).Content.ReadFromJsonAsync<Cancellation>())!;

        Assert.Equal([waiting.Id], cancellation.Promoted);
        Assert.True(cancellation.Free); // two days ahead, under a 24 h notice
        var promoted = (await late.GetFromJsonAsync<Booking>($"/api/spaces/bookings/{waiting.Id}", Json))!;
        Assert.Equal(("Confirmed", 15.00m), (promoted.Status, promoted.Charged));
        Assert.Equal((1, -15.00m), await scenario.LedgerAsync(late, lateActivity, waiting.Id));
        Assert.Equal((2, 0.00m), await scenario.LedgerAsync(member, activityId, desks[7].Id)); // charged, then given back
        var again = await member.PostAsync($"/api/spaces/bookings/{desks[7].Id}/cancellation", null);
        Assert.Equal("BookingIsNotCancelled", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Given_a_closed_activity_or_a_budget_too_small_Then_the_booking_is_refused_with_the_reason()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, activityId) = await scenario.MemberAsync();
        var empty = await OpenActivityAsync(member, "Atelier sans budget");
        await app.WaitForBusIdleAsync();
        var closed = await OpenActivityAsync(member, "Projet terminé");
        var version = (await member.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/activities/activities/{closed}")).GetProperty("version").GetInt32();
        Assert.True((await member.PostAsJsonAsync($"/api/activities/activities/{closed}/close", new { expectedVersion = version })).IsSuccessStatusCode);

        var poor = await BookAsync(member, scenario.RoomId, Thursday, "10:00:00", "12:00:00", empty);
        var shut = await BookAsync(member, scenario.RoomId, Thursday, "10:00:00", "12:00:00", closed);

        var problem = await poor.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("BudgetCoversThePrice", problem.GetProperty("rule").GetString());
        Assert.Contains("0.00 available, not enough for 40.00", problem.GetProperty("detail").GetString());
        Assert.Equal("ActivityIsOpen", (await shut.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(0, await scenario.BookingsAsync(scenario.RoomId));
        // Free coworking on a Friday costs nothing: an activity without budget may take it.
        Assert.Equal("Confirmed", (await BookedAsync(await BookAsync(member, scenario.CoworkingId, Friday, "09:00:00", "18:00:00", empty))).Status);
        Assert.Equal(40.00m, (await BookedAsync(await BookAsync(member, scenario.RoomId, Thursday, "10:00:00", "12:00:00", activityId))).Price);
    }

    [Fact]
    public async Task Given_an_outsider_booked_by_staff_Then_it_is_priced_for_outsiders_charged_to_no_activity_and_listed_for_invoicing()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, _) = await scenario.MemberAsync();

        var booking = await BookedAsync(await BookAsync(scenario.Operator, scenario.RoomId, Thursday, "14:00:00", "17:00:00", null,
            outsider: new { name = "Association Les Voisins", email = "contact@voisins.example" }));

        Assert.Equal(("Outsider", 105.00m, 0.00m, "Association Les Voisins"), (booking.Audience, booking.Price, booking.Charged, booking.OutsiderName)); // 3 h × 35.00
        var listed = (await scenario.Operator.GetFromJsonAsync<PagedResult<Booking>>($"/api/spaces/outsider-bookings?placeId={scenario.PlaceId}&from=2026-03-01&to=2026-03-31", Json))!;
        Assert.Equal([booking.Id], listed.Items.Select(b => b.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/spaces/outsider-bookings")).StatusCode);
        await (await scenario.Operator.GetAsync("/api/spaces/outsider-bookings?from=2026-03-31&to=2026-03-01")).AssertFieldErrorsAsync("to");
    }

    [Fact]
    public async Task Given_a_laser_cutter_needing_a_qualification_Then_a_member_books_it_only_once_qualified()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (memberId, member, activityId) = await scenario.MemberAsync();
        var laser = await scenario.ResourceAsync(new { kind = "Machine", name = "Découpe laser", capacity = 1, requiredQualification = "Laser cutter" },
            new { audience = "Member", hourly = 12.00m });

        var refused = await BookAsync(member, laser, Tuesday, "14:00:00", "16:00:00", activityId);
        Assert.Equal("MemberHoldsTheQualification", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        await (await scenario.Operator.PostAsJsonAsync("/api/spaces/qualifications", new { memberId = Guid.Empty, name = "" })).AssertFieldErrorsAsync("memberId", "name");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/spaces/qualifications", new { memberId, name = "Laser cutter" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await scenario.Operator.PostAsJsonAsync("/api/spaces/qualifications", new { memberId, name = "laser CUTTER" })).StatusCode);

        Assert.Equal(24.00m, (await BookedAsync(await BookAsync(member, laser, Tuesday, "14:00:00", "16:00:00", activityId))).Price);
    }

    private sealed record Conflict(DateOnly Date, string Reason);

    private sealed record Series(List<Booking> Booked, List<Conflict> Conflicts);

    [Fact]
    public async Task Given_a_weekly_booking_over_10_weeks_with_one_week_taken_Then_9_are_booked_and_1_listed_as_conflicting()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, activityId) = await scenario.MemberAsync();
        var (_, other, otherActivity) = await scenario.MemberAsync();
        await BookedAsync(await BookAsync(other, scenario.RoomId, new DateOnly(2026, 3, 24), "11:00:00", "12:00:00", otherActivity));
        object Weekly(string rule, string end = "12:00:00") => new
        {
            booking = new { resourceId = scenario.RoomId, date = Tuesday, start = "10:00:00", end, activityId, attendees = 6 },
            rule,
        };

        await (await member.PostAsJsonAsync("/api/spaces/recurring-bookings", Weekly("FREQ=WEEKLY"))).AssertFieldErrorsAsync("rule");
        await (await member.PostAsJsonAsync("/api/spaces/recurring-bookings", Weekly("FREQ=WEEKLY;COUNT=10", end: "09:00:00"))).AssertFieldErrorsAsync("booking.end");
        var response = await member.PostAsJsonAsync("/api/spaces/recurring-bookings", Weekly("FREQ=WEEKLY;COUNT=10"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var series = (await response.Content.ReadFromJsonAsync<Series>(Json))!;
        Assert.Equal(9, series.Booked.Count);
        Assert.Equal(new DateOnly(2026, 3, 24), Assert.Single(series.Conflicts).Date);
        Assert.All(series.Booked, b => Assert.Equal((DayOfWeek.Tuesday, 40.00m, "Confirmed"), (b.Date.DayOfWeek, b.Price, b.Status)));
        Assert.Equal(10, await scenario.BookingsAsync(scenario.RoomId));
        Assert.Equal((1, -40.00m), await scenario.LedgerAsync(member, activityId, series.Booked[^1].Id));
        var otherEntityOperator = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.OtherEntityId);
        await (await otherEntityOperator.PostAsJsonAsync("/api/spaces/recurring-bookings", Weekly("FREQ=WEEKLY;COUNT=10"))).AssertProblemAsync(HttpStatusCode.NotFound);
        var again = await member.PostAsJsonAsync("/api/spaces/recurring-bookings", Weekly("FREQ=WEEKLY;COUNT=10"));
        Assert.Equal("SomeOccurrenceIsFree", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
    }
}
