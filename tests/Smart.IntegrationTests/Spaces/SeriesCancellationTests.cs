using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using static Smart.IntegrationTests.Spaces.SpacesScenario;

namespace Smart.IntegrationTests.Spaces;

/// <summary>A weekly series of the room (40.00 an occurrence, free to cancel until 24 h before) cancelled whole, on a clock the test moves.</summary>
public sealed class SeriesCancellationTests(SpacesApp app) : IClassFixture<SpacesApp>
{
    private sealed record Series(Guid SeriesId, List<Booking> Booked);

    private sealed record SeriesCancellation(Guid SeriesId, List<Cancellation> Cancelled, int Kept);

    [Fact]
    public async Task Given_10_Tuesdays_from_3_March_cancelled_on_10_March_at_9_Then_3_March_stays_10_March_keeps_its_40_fee_and_the_8_others_are_given_back()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (memberId, member, activityId) = await scenario.MemberAsync();
        var (otherId, _, _) = await scenario.MemberAsync();
        var booked = await member.PostAsJsonAsync("/api/spaces/recurring-bookings", new
        {
            booking = new { resourceId = scenario.RoomId, date = Tuesday, start = "10:00:00", end = "12:00:00", activityId, attendees = 6 },
            rule = "FREQ=WEEKLY;COUNT=10",
        });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var series = (await booked.Content.ReadFromJsonAsync<Series>(Json))!;
        Assert.Equal($"/api/spaces/bookings?seriesId={series.SeriesId}", booked.Headers.Location?.ToString());
        Assert.All(series.Booked, b => Assert.Equal(series.SeriesId, b.SeriesId));

        // Tuesday 10 March, 08:00 UTC (09:00 in Lille): 3 March is over; 10 March starts in an hour, under the 24 h notice.
        app.Clock!.Advance(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        member = await app.ClientAsync(SmartRoles.Member, memberId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId); // tokens live an hour of this clock
        var other = await app.ClientAsync(SmartRoles.Member, otherId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId);
        var cancel = $"/api/spaces/recurring-bookings/{series.SeriesId}/cancellation";
        await (await member.PostAsJsonAsync(cancel, new { from = new DateOnly(2026, 3, 9) })).AssertFieldErrorsAsync("from");
        await (await member.PostAsJsonAsync(cancel, new { from = "someday" })).AssertFieldErrorsAsync("from");
        await (await other.PostAsJsonAsync(cancel, new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.PostAsJsonAsync($"/api/spaces/recurring-bookings/{Guid.NewGuid()}/cancellation", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await member.GetFromJsonAsync<PagedResult<Booking>>($"/api/spaces/bookings?seriesId={series.SeriesId}&status=Cancelled", Json))!.Total);

        var cancellation = (await (await member.PostAsJsonAsync(cancel, new { })).Content.ReadFromJsonAsync<SeriesCancellation>(Json))!;

        Assert.Equal((9, 1), (cancellation.Cancelled.Count, cancellation.Kept));
        Assert.Equal((series.Booked[1].Id, false, 40.00m), (cancellation.Cancelled[0].BookingId, cancellation.Cancelled[0].Free, cancellation.Cancelled[0].Fee));
        Assert.All(cancellation.Cancelled.Skip(1), c => Assert.Equal((true, 0.00m), (c.Free, c.Fee)));
        var bookings = (await member.GetFromJsonAsync<PagedResult<Booking>>($"/api/spaces/bookings?seriesId={series.SeriesId}", Json))!.Items;
        Assert.Equal([("Confirmed", 40.00m), ("Cancelled", 40.00m)], bookings.Take(2).Select(b => (b.Status, b.Charged)));
        Assert.All(bookings.Skip(2), b => Assert.Equal(("Cancelled", 0.00m), (b.Status, b.Charged)));
        Assert.Equal((1, -40.00m), await scenario.LedgerAsync(member, activityId, series.Booked[0].Id));
        Assert.Equal((1, -40.00m), await scenario.LedgerAsync(member, activityId, series.Booked[1].Id));
        Assert.Equal((2, 0.00m), await scenario.LedgerAsync(member, activityId, series.Booked[9].Id)); // charged, then given back
        var again = await member.PostAsJsonAsync(cancel, new { });
        Assert.Equal("SeriesHasOccurrencesAhead", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        // The freed Tuesdays are bookable again.
        var op = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.EntityId);
        var outsider = new { name = "Les Voisins", email = "v@example.org" };
        Assert.Equal("Confirmed", (await BookedAsync(await BookAsync(op, scenario.RoomId, new DateOnly(2026, 3, 17), "10:00:00", "12:00:00", null, outsider: outsider))).Status);
    }
}
