using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Spaces;

/// <summary>A workshop rented by the month, on a clock the test moves: each month charged on its first day by a scheduled message, once.</summary>
public sealed class ResidencyTests(SpacesApp app) : IClassFixture<SpacesApp>
{
    private sealed record Residency(Guid Id, Guid MemberId, DateOnly Start, DateOnly? End, decimal MonthlyPrice, List<System.Text.Json.JsonElement> Months);

    [Fact]
    public async Task Given_250_a_month_from_15_March_Then_March_is_charged_137_10_on_the_15th_and_April_250_on_the_1st_once()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (memberId, member, activityId) = await scenario.MemberAsync();
        var (otherId, other, _) = await scenario.MemberAsync();
        var start = new { resourceId = scenario.WorkshopId, memberId, activityId, start = new DateOnly(2026, 3, 15), noticeDays = 30, monthlyPrice = 250.00m };

        await (await scenario.Operator.PostAsJsonAsync("/api/spaces/residencies", start with { monthlyPrice = 0m, noticeDays = -1 })).AssertFieldErrorsAsync("monthlyPrice", "noticeDays");
        await (await scenario.Operator.PostAsJsonAsync("/api/spaces/residencies", start with { activityId = Guid.NewGuid() })).AssertProblemAsync(HttpStatusCode.NotFound);
        var room = await scenario.Operator.PostAsJsonAsync("/api/spaces/residencies", start with { resourceId = scenario.RoomId });
        Assert.Equal("ResourceIsRentedMonthly", (await room.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/spaces/residencies", start)).StatusCode);
        var residencyId = await CreatedIdAsync(await scenario.Operator.PostAsJsonAsync("/api/spaces/residencies", start));
        var taken = await scenario.Operator.PostAsJsonAsync("/api/spaces/residencies", start with { start = new DateOnly(2026, 6, 1) });
        Assert.Equal("ResourceHasRoomForAResident", (await taken.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Single(await app.ScheduledAsync("spaces.charge-residency-month.v1", $"\"residencyId\":\"{residencyId}\""));
        await (await other.GetAsync($"/api/spaces/residencies/{residencyId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // Due on 15 March at 00:00 in Lille (14 March, 23:00 UTC): not an hour before.
        app.Clock!.Advance(new DateTimeOffset(2026, 3, 14, 22, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        await app.WaitForBusIdleAsync();
        var operatorClient = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.EntityId);
        Assert.Empty((await operatorClient.GetFromJsonAsync<Residency>($"/api/spaces/residencies/{residencyId}"))!.Months);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.WaitForBusIdleAsync();
        operatorClient = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.EntityId);
        var charged = (await operatorClient.GetFromJsonAsync<Residency>($"/api/spaces/residencies/{residencyId}"))!.Months;
        Assert.Equal(137.10m, Assert.Single(charged).GetProperty("amount").GetDecimal()); // 250.00 × 17 / 31
        var marchCharge = charged[0].GetProperty("chargeId").GetGuid();

        app.Clock.Advance(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        await app.WaitForBusIdleAsync();
        await app.WaitForBusIdleAsync();
        operatorClient = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.EntityId);
        member = await app.ClientAsync(SmartRoles.Member, memberId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId);
        var months = (await operatorClient.GetFromJsonAsync<Residency>($"/api/spaces/residencies/{residencyId}"))!.Months;
        Assert.Equal([137.10m, 250.00m], months.Select(m => m.GetProperty("amount").GetDecimal()));
        Assert.Equal(new DateOnly(2026, 4, 1), DateOnly.Parse(months[1].GetProperty("chargedOn").GetString()!));
        Assert.Equal((1, -137.10m), await scenario.LedgerAsync(member, activityId, marchCharge));
        Assert.Equal((1, -250.00m), await scenario.LedgerAsync(member, activityId, months[1].GetProperty("chargeId").GetGuid()));
        Assert.Single(await app.ScheduledAsync("spaces.charge-residency-month.v1", $"\"residencyId\":\"{residencyId}\",\"month\":\"2026-05-01\""));

        // Delivered again (a replay): nothing more is charged.
        await app.PublishAsync(new Smart.Modules.Spaces.Features.Residencies.ChargeResidencyMonth(residencyId, new DateOnly(2026, 4, 1)));
        Assert.Equal((1, -250.00m), await scenario.LedgerAsync(member, activityId, months[1].GetProperty("chargeId").GetGuid()));
        Assert.Equal(2, (await operatorClient.GetFromJsonAsync<Residency>($"/api/spaces/residencies/{residencyId}"))!.Months.Count);

        // Notice given on 1 April for 10 May: May is charged 10/31 of 250.00, and nothing after.
        await (await member.PostAsJsonAsync($"/api/spaces/residencies/{residencyId}/end", new { end = new DateOnly(1, 1, 1) })).AssertFieldErrorsAsync("end");
        other = await app.ClientAsync(SmartRoles.Member, otherId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId);
        await (await other.PostAsJsonAsync($"/api/spaces/residencies/{residencyId}/end", new { end = new DateOnly(2026, 6, 30) })).AssertProblemAsync(HttpStatusCode.NotFound);
        var early = await member.PostAsJsonAsync($"/api/spaces/residencies/{residencyId}/end", new { end = new DateOnly(2026, 4, 20) });
        Assert.Equal("NoticeIsRespected", (await early.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await member.PostAsJsonAsync($"/api/spaces/residencies/{residencyId}/end", new { end = new DateOnly(2026, 5, 10) })).StatusCode);
        app.Clock.Advance(new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        await app.WaitForBusIdleAsync();
        operatorClient = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.EntityId);
        var ended = (await operatorClient.GetFromJsonAsync<Residency>($"/api/spaces/residencies/{residencyId}"))!;
        Assert.Equal(new DateOnly(2026, 5, 10), ended.End);
        Assert.Equal([137.10m, 250.00m, 80.65m], ended.Months.Select(m => m.GetProperty("amount").GetDecimal()));
        Assert.Empty(await app.ScheduledAsync("spaces.charge-residency-month.v1", $"\"residencyId\":\"{residencyId}\""));
    }
}
