using System.Net;
using System.Net.Http.Json;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Collections;

/// <summary>An invoice due 30 days after today, left unpaid: the collector's step comes at due + 60, legal action at due + 90.</summary>
public sealed class CollectorQueueApiTests(CollectionsApp app) : IClassFixture<CollectionsApp>
{
    public sealed record Queue(IReadOnlyList<CollectionsScenario.Receivable> Items, int Total);

    public sealed record Collector(DateOnly OpenedOn, Guid? CollectorId, DateOnly? LastCallOn, string? LastOutcome, DateOnly? PromisedOn, decimal? PromisedAmount);

    public sealed record WithCollector(Guid Id, Collector? Collector, string? Legal, IReadOnlyList<CollectionsScenario.Step> Steps);

    [Fact]
    public async Task Given_an_unpaid_invoice_at_due_plus_60_Then_it_is_in_its_office_s_queue_a_promise_to_pay_by_due_plus_100_moves_legal_action_to_plus_101_and_it_is_handed_off()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var invoice = await scenario.IssueInvoiceAsync();
        var due = (await CollectionsScenario.GetAsync(scenario.Member, invoice)).Receivable.DueDate;
        var lille = scenario.Activities.Structure.LilleOfficeId;

        await scenario.MoveToAsync(due.AddDays(59));
        Assert.DoesNotContain(invoice, await QueueAsync(await scenario.AdvisorAsync(lille)));
        await scenario.MoveToAsync(due.AddDays(60));
        var advisor = await scenario.AdvisorAsync(lille);
        Assert.Contains(invoice, await QueueAsync(advisor));
        Assert.DoesNotContain(invoice, await QueueAsync(await scenario.AdvisorAsync(scenario.Activities.Structure.ParisOfficeId)));

        var collectorId = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await advisor.PostAsJsonAsync($"/api/collections/receivables/{invoice}/collector/assignment", new { collectorId })).StatusCode);
        Assert.Equal([invoice], await QueueAsync(advisor, $"collectorId={collectorId}"));
        var call = await advisor.PostAsJsonAsync($"/api/collections/receivables/{invoice}/collector/calls",
            new { outcome = "Le trésorier promet un virement.", promisedOn = due.AddDays(100), promisedAmount = 1200.00m });
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        var promised = (await call.Content.ReadFromJsonAsync<WithCollector>())!;
        Assert.Equal((due.AddDays(100), 1200.00m), (promised.Collector!.PromisedOn, promised.Collector.PromisedAmount));
        Assert.Equal(due.AddDays(101), promised.Steps.Single(s => s.Template == "LegalAction").PlannedOn);

        await scenario.MoveToAsync(due.AddDays(90));
        Assert.Null(await LegalAsync(scenario, invoice));
        await scenario.MoveToAsync(due.AddDays(101));
        Assert.Equal("Proposed", await LegalAsync(scenario, invoice));
        var operatorClient = await scenario.OperatorAsync();
        var decided = await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoice}/legal-action", new { decision = "HandOff", note = "Dossier transmis à l'huissier." });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("HandedOff", await LegalAsync(scenario, invoice));
        await (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoice}/legal-action", new { decision = "Decline", note = "Non." }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Given_bad_input_another_office_or_a_receivable_not_in_the_queue_Then_400_404_or_409_and_nothing_changes()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var invoice = await scenario.IssueInvoiceAsync();
        var advisor = await scenario.AdvisorAsync(scenario.Activities.Structure.LilleOfficeId);
        var path = $"/api/collections/receivables/{invoice}/collector";

        await (await advisor.PostAsJsonAsync(path + "/calls", new { outcome = "" })).AssertFieldErrorsAsync("outcome");
        await (await advisor.PostAsJsonAsync(path + "/calls", new { outcome = "Promesse", promisedAmount = -5m })).AssertFieldErrorsAsync("promisedAmount", "promisedOn");
        await (await advisor.PostAsJsonAsync(path + "/assignment", new { collectorId = Guid.Empty })).AssertFieldErrorsAsync("collectorId");
        await (await advisor.GetAsync("/api/collections/collector-queue?page=0")).AssertFieldErrorsAsync("page");
        var operatorClient = await scenario.OperatorAsync();
        await (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoice}/legal-action", new { decision = "Sue", note = "x" })).AssertFieldErrorsAsync("decision");
        // Not yet in the queue (its plan has not reached the collector's step), nor legal action proposed.
        await (await advisor.PostAsJsonAsync(path + "/calls", new { outcome = "Appel." })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoice}/legal-action", new { decision = "HandOff", note = "x" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var paris = await scenario.AdvisorAsync(scenario.Activities.Structure.ParisOfficeId);
        await (await paris.PostAsJsonAsync(path + "/assignment", new { collectorId = Guid.NewGuid() })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await paris.PostAsJsonAsync(path + "/calls", new { outcome = "Appel." })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.Member.GetAsync("/api/collections/collector-queue")).StatusCode);

        Assert.Single((await CollectionsScenario.GetAsync(operatorClient, invoice)).History);
    }

    private static async Task<Guid[]> QueueAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/collections/collector-queue?pageSize=200&{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Queue>())!.Items.Select(r => r.Id).ToArray();
    }

    private static async Task<string?> LegalAsync(CollectionsScenario scenario, Guid invoice)
    {
        var response = await (await scenario.OperatorAsync()).GetAsync($"/api/collections/receivables/{invoice}");
        return (await response.Content.ReadFromJsonAsync<Detail>())!.Receivable.Legal;
    }

    private sealed record Detail(WithCollector Receivable);
}
