using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Features.Budget;
using Smart.Modules.Activities.Features.Financing;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Activities;

/// <summary>
/// Instalments come due with a clock the test moves: each is booked on its due date, exactly once, by its scheduled
/// message; nothing waits for real.
/// </summary>
public sealed class EquipmentScheduleTests(EquipmentScheduleTests.ClockApp app) : IClassFixture<EquipmentScheduleTests.ClockApp>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public sealed class ClockApp : SmartApp
    {
        public ClockApp() => WithManualClock(Start);
    }

    /// <summary>Bearer tokens expire with the clock: each step logs in again.</summary>
    private Task<HttpClient> MemberClientAsync(ActivitiesScenario scenario, Guid memberId) =>
        app.ClientAsync(SmartRoles.Member, memberId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId);

    private async Task<decimal> BalanceAfterAsync(DateTimeOffset moment, ActivitiesScenario scenario, Guid memberId, Guid activity)
    {
        app.Clock!.Advance(moment - app.Clock.GetUtcNow());
        await app.WaitForBusIdleAsync();
        var member = await MemberClientAsync(scenario, memberId);
        return (await member.GetApiAsync<BudgetView>($"/api/activities/activities/{activity}/budget"))!.Balance;
    }

    private async Task<int> RepaymentsAsync(Guid equipment) =>
        (await LedgerEntriesAsync(app, equipment)).Count(e => e.Kind == Smart.Modules.Activities.Domain.Budget.BudgetEntryKind.AdvanceRepayment);

    [Fact]
    public async Task Given_an_advance_of_1000_in_3_from_2_April_When_the_clock_moves_three_months_Then_each_instalment_is_booked_on_its_date_once()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (memberId, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        // 2,000.00 invoiced on 2 March 2026: SmartFr keeps 10 %, 1,800.00 is left.
        await CreatedIdAsync(await IssueInvoiceAsync(member, activity, await RegisterClientAsync(member), null, unitPrice: 2000.00m));
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: scenario.Structure.EntityId, officeId: scenario.Structure.LilleOfficeId);
        var equipment = await CreatedIdAsync(await advisor.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/treasury-advances",
            EquipmentApiTests.Advance(1000.00m, 1000.00m, 3, new DateOnly(2026, 4, 2), date: new DateOnly(2026, 3, 2))));

        Assert.Equal(1800.00m, await BalanceAfterAsync(Start, scenario, memberId, activity)); // −1,000.00 purchase, +1,000.00 advance
        Assert.Equal(1800.00m, await BalanceAfterAsync(new DateTimeOffset(2026, 4, 1, 23, 59, 0, TimeSpan.Zero), scenario, memberId, activity));
        Assert.Equal(0, await RepaymentsAsync(equipment));
        Assert.Equal(1466.67m, await BalanceAfterAsync(new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero), scenario, memberId, activity));
        Assert.Equal(1466.67m, await BalanceAfterAsync(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero), scenario, memberId, activity));
        Assert.Equal(1133.34m, await BalanceAfterAsync(new DateTimeOffset(2026, 5, 2, 6, 0, 0, TimeSpan.Zero), scenario, memberId, activity));
        Assert.Equal(800.00m, await BalanceAfterAsync(new DateTimeOffset(2026, 6, 2, 6, 0, 0, TimeSpan.Zero), scenario, memberId, activity));

        // A second message for instalment 2 (a new message, so no inbox knows it) books nothing more.
        await app.PublishAsync(new BookEquipmentInstalment(equipment, 2));
        Assert.Equal(800.00m, await BalanceAfterAsync(new DateTimeOffset(2026, 6, 3, 6, 0, 0, TimeSpan.Zero), scenario, memberId, activity));

        Assert.Equal(3, await RepaymentsAsync(equipment));
        var client = await MemberClientAsync(scenario, memberId);
        var entries = JsonDocument.Parse(await client.GetStringAsync($"/api/activities/activities/{activity}/budget/entries?from=2026-04-01")).RootElement
            .GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("date").GetString(), e.GetProperty("kind").GetString(), e.GetProperty("amount").GetDecimal()));
        Assert.Equal([("2026-04-02", "AdvanceRepayment", -333.33m), ("2026-05-02", "AdvanceRepayment", -333.33m), ("2026-06-02", "AdvanceRepayment", -333.34m)], entries);
        var view = JsonDocument.Parse(await client.GetStringAsync($"/api/activities/equipment/{equipment}")).RootElement;
        Assert.Equal(0m, view.GetProperty("outstanding").GetDecimal());
        Assert.All(view.GetProperty("schedule").EnumerateArray(), i => Assert.True(i.GetProperty("booked").GetBoolean()));
        Assert.Equal(0, await app.Database.ScalarAsync<int>("SELECT count(*) FROM wolverine.wolverine_dead_letters"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/activities/activities/{activity}/equipment")).StatusCode);
    }
}
