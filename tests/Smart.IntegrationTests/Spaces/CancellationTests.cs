using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using static Smart.IntegrationTests.Spaces.SpacesScenario;

namespace Smart.IntegrationTests.Spaces;

/// <summary>The room's 24 h policy on a clock the test moves: a cancellation 2 h before keeps the charge, 48 h before gives it back.</summary>
public sealed class CancellationTests(SpacesApp app) : IClassFixture<SpacesApp>
{
    [Fact]
    public async Task Given_a_24_hour_policy_Then_cancelling_2_hours_before_is_charged_and_48_hours_before_is_reversed()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (memberId, member, activityId) = await scenario.MemberAsync();
        // Tuesday 10:00 in Lille is 09:00 UTC; Thursday 08:00 is 07:00 UTC.
        var soon = await BookedAsync(await BookAsync(member, scenario.RoomId, Tuesday, "10:00:00", "12:00:00", activityId));
        var later = await BookedAsync(await BookAsync(member, scenario.RoomId, Thursday, "08:00:00", "10:00:00", activityId));
        Assert.Equal((1, -40.00m), await scenario.LedgerAsync(member, activityId, soon.Id));

        app.Clock!.Advance(new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow()); // Tuesday 07:00 UTC
        member = await app.ClientAsync(SmartRoles.Member, memberId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId); // tokens live an hour of this clock
        var late = (await (await member.PostAsync($"/api/spaces/bookings/{soon.Id}/cancellation", null)).Content.ReadFromJsonAsync<Cancellation>())!;
        var inTime = (await (await member.PostAsync($"/api/spaces/bookings/{later.Id}/cancellation", null)).Content.ReadFromJsonAsync<Cancellation>())!;

        Assert.Equal((false, 40.00m), (late.Free, late.Fee));
        Assert.Equal((1, -40.00m), await scenario.LedgerAsync(member, activityId, soon.Id));
        var cancelled = (await member.GetFromJsonAsync<Booking>($"/api/spaces/bookings/{soon.Id}", Json))!;
        Assert.Equal(("Cancelled", 40.00m, 40.00m), (cancelled.Status, cancelled.CancellationFee, cancelled.Charged));
        Assert.Equal((true, 0.00m), (inTime.Free, inTime.Fee));
        Assert.Equal((2, 0.00m), await scenario.LedgerAsync(member, activityId, later.Id));
        Assert.Equal(0.00m, (await member.GetFromJsonAsync<Booking>($"/api/spaces/bookings/{later.Id}", Json))!.Charged);
    }
}
