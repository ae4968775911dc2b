using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Collections;

public sealed class CollectionsFiguresApiTests(CollectionsApp app) : IClassFixture<CollectionsApp>
{
    public sealed record Band(int FromDays, int? ToDays, int Count, decimal Outstanding);

    public sealed record RemindersOn(DateOnly Day, int Reminders);

    public sealed record Figures(IReadOnlyList<Band> AgeBands, decimal OpenOutstanding, decimal Invoiced, decimal DaysSalesOutstanding, IReadOnlyList<RemindersOn> RemindersPerDay,
        decimal RecoveryRate, decimal Provisioned, decimal WrittenOff);

    [Fact]
    public async Task Given_two_invoices_of_1200_one_paid_on_04_08_Then_1200_is_8_days_late_dso_19_5_one_reminder_on_04_07_and_half_recovered_and_bad_periods_are_400()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var (unpaid, paid) = (await scenario.IssueInvoiceAsync(), await scenario.IssueInvoiceAsync());
        Assert.Equal(HttpStatusCode.OK, (await (await scenario.OperatorAsync()).PostAsJsonAsync($"/api/collections/receivables/{paid}/payments",
            new { amount = 1200.00m, currency = "EUR", paidOn = "2026-03-01" })).StatusCode);
        // Day by day: a step is recorded on the day its message runs.
        await scenario.MoveToAsync(new DateOnly(2026, 4, 7));
        await scenario.MoveToAsync(new DateOnly(2026, 4, 8));
        var advisor = await scenario.AdvisorAsync(scenario.Activities.Structure.LilleOfficeId);

        var response = await advisor.GetAsync("/api/collections/figures?from=2026-03-01&to=2026-04-08");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var figures = (await response.Content.ReadFromJsonAsync<Figures>())!;
        Assert.Equal((1, 1200.00m), (figures.AgeBands.Single(b => b.FromDays == 1).Count, figures.AgeBands.Single(b => b.FromDays == 1).Outstanding));
        Assert.Equal((1200.00m, 2400.00m, 19.5m, 0.5m), (figures.OpenOutstanding, figures.Invoiced, figures.DaysSalesOutstanding, figures.RecoveryRate));
        Assert.Equal([new RemindersOn(new DateOnly(2026, 4, 7), 1)], figures.RemindersPerDay.ToArray());
        Assert.NotEqual(Guid.Empty, unpaid);

        // The Paris office has none of it; another entity's staff get 404; a bad period is a 400 naming the field.
        var paris = await (await scenario.AdvisorAsync(scenario.Activities.Structure.ParisOfficeId)).GetAsync("/api/collections/figures?from=2026-03-01&to=2026-04-08");
        Assert.Equal(0m, (await paris.Content.ReadFromJsonAsync<Figures>())!.OpenOutstanding);
        var stranger = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Activities.Structure.OtherEntityId);
        await (await stranger.GetAsync($"/api/collections/figures?entityId={scenario.Activities.Structure.EntityId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await advisor.GetAsync("/api/collections/figures?from=2026-04-08&to=2026-03-01")).AssertFieldErrorsAsync("to");
        await (await advisor.GetAsync("/api/collections/figures?from=abc")).AssertFieldErrorsAsync("from");
    }
}
