using System.Net;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using System.Net.Http.Json;
using static Smart.IntegrationTests.Spaces.SpacesScenario;

namespace Smart.IntegrationTests.Spaces;

/// <summary>
/// Callers racing for the last slot, at the same instant: the resource's day is one document saved with the revision it
/// read, so exactly one wins (201) and the others get the conflict (409), never two bookings in one slot.
/// </summary>
public sealed class BookingConcurrencyTests(SpacesApp app) : IClassFixture<SpacesApp>
{
    [Fact]
    public async Task Given_two_callers_for_the_last_slot_of_a_room_Then_one_gets_201_and_the_other_409_every_time()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, first, firstActivity) = await scenario.MemberAsync();
        var (_, second, secondActivity) = await scenario.MemberAsync();

        for (var hour = 8; hour < 20; hour++)
        {
            var start = $"{hour:00}:00:00";
            var end = $"{hour + 1:00}:00:00";
            var answers = await Task.WhenAll(
                BookAsync(first, scenario.RoomId, Wednesday, start, end, firstActivity),
                BookAsync(second, scenario.RoomId, Wednesday, start, end, secondActivity));

            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        }
        var booked = (await scenario.Operator.GetFromJsonAsync<PagedResult<Booking>>($"/api/spaces/bookings?resourceId={scenario.RoomId}&from=2026-03-04&to=2026-03-04", Json))!;
        Assert.Equal(12, booked.Total);
    }

    [Fact]
    public async Task Given_ten_callers_for_the_last_three_desks_Then_exactly_three_are_booked()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, activityId) = await scenario.MemberAsync();
        for (var i = 0; i < 17; i++)
        {
            await BookedAsync(await BookAsync(member, scenario.CoworkingId, Thursday, "09:00:00", "18:00:00", activityId));
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => BookAsync(member, scenario.CoworkingId, Thursday, "09:00:00", "18:00:00", activityId)));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(20, await scenario.BookingsAsync(scenario.CoworkingId));
    }
}
