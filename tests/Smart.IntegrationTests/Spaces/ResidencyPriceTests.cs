using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Spaces;

/// <summary>A residency's monthly price changed from a date, on a clock the test moves: the months charged stay, the next one is prorated by price.</summary>
public sealed class ResidencyPriceTests(SpacesApp app) : IClassFixture<SpacesApp>
{
    private sealed record Price(DateOnly EffectiveFrom, decimal MonthlyPrice);

    private sealed record ChargedMonth(DateOnly Month, decimal Amount, Guid ChargeId);

    private sealed record Residency(Guid Id, decimal MonthlyPrice, List<Price> Prices, List<ChargedMonth> Months);

    [Fact]
    public async Task Given_250_a_month_from_15_March_raised_to_300_from_16_May_on_1_April_Then_March_and_April_stay_and_May_is_charged_275_81()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (memberId, member, activityId) = await scenario.MemberAsync();
        var residencyId = await CreatedIdAsync(await scenario.Operator.PostAsJsonAsync("/api/spaces/residencies",
            new { resourceId = scenario.WorkshopId, memberId, activityId, start = new DateOnly(2026, 3, 15), noticeDays = 30, monthlyPrice = 250.00m }));
        app.Clock!.Advance(new DateTimeOffset(2026, 4, 1, 6, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        await app.WaitForBusIdleAsync();
        await app.WaitForBusIdleAsync();
        var op = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.EntityId); // tokens live an hour of this clock
        member = await app.ClientAsync(SmartRoles.Member, memberId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId);
        var price = $"/api/spaces/residencies/{residencyId}/price";
        Task<Residency> ReadAsync() => op.GetFromJsonAsync<Residency>($"/api/spaces/residencies/{residencyId}")!;
        Assert.Equal([137.10m, 250.00m], (await ReadAsync()).Months.Select(m => m.Amount));

        await (await op.PutAsJsonAsync(price, new { monthlyPrice = 0m, from = new DateOnly(1, 1, 1) })).AssertFieldErrorsAsync("monthlyPrice", "from");
        await (await op.PutAsJsonAsync(price, new { monthlyPrice = 300.123m, from = new DateOnly(2026, 5, 16) })).AssertFieldErrorsAsync("monthlyPrice");
        await (await op.PutAsJsonAsync(price, new { monthlyPrice = 300.00m, from = new DateOnly(2026, 3, 31) })).AssertFieldErrorsAsync("from"); // yesterday
        var charged = await op.PutAsJsonAsync(price, new { monthlyPrice = 300.00m, from = new DateOnly(2026, 4, 20) });
        Assert.Equal("PriceChangesAfterTheChargedMonths", (await charged.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var otherEntity = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.OtherEntityId);
        await (await otherEntity.PutAsJsonAsync(price, new { monthlyPrice = 300.00m, from = new DateOnly(2026, 5, 16) })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await op.PutAsJsonAsync($"/api/spaces/residencies/{Guid.NewGuid()}/price", new { monthlyPrice = 300.00m, from = new DateOnly(2026, 5, 16) }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync(price, new { monthlyPrice = 200.00m, from = new DateOnly(2026, 5, 16) })).StatusCode);
        Assert.Equal([new Price(new DateOnly(2026, 3, 15), 250.00m)], (await ReadAsync()).Prices);

        Assert.Equal(HttpStatusCode.NoContent, (await op.PutAsJsonAsync(price, new { monthlyPrice = 300.00m, from = new DateOnly(2026, 5, 16) })).StatusCode);

        var changed = await ReadAsync();
        Assert.Equal([new Price(new DateOnly(2026, 3, 15), 250.00m), new Price(new DateOnly(2026, 5, 16), 300.00m)], changed.Prices);
        Assert.Equal(250.00m, changed.MonthlyPrice);
        // May is due on 1 May at 00:00 in Lille (30 April, 22:00 UTC): 15 days at 250.00 and 16 at 300.00, over 31 days.
        app.Clock.Advance(new DateTimeOffset(2026, 4, 30, 22, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        await app.WaitForBusIdleAsync();
        await app.WaitForBusIdleAsync();
        op = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.EntityId);
        member = await app.ClientAsync(SmartRoles.Member, memberId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId);
        var months = (await ReadAsync()).Months;
        Assert.Equal([137.10m, 250.00m, 275.81m], months.Select(m => m.Amount)); // (15 × 250.00 + 16 × 300.00) / 31
        Assert.Equal((1, -275.81m), await scenario.LedgerAsync(member, activityId, months[2].ChargeId));
        Assert.Equal((1, -250.00m), await scenario.LedgerAsync(member, activityId, months[1].ChargeId));
    }
}
