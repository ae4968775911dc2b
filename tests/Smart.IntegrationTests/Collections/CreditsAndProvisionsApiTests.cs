using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Collections.Contracts;
using Wolverine.Tracking;

namespace Smart.IntegrationTests.Collections;

public sealed class CreditsAndProvisionsApiTests(CollectionsApp app) : IClassFixture<CollectionsApp>
{
    public sealed record Policy(IReadOnlyList<Tier> Tiers, bool IsDefault);

    public sealed record Tier(int DaysAfterDue, decimal Rate);

    [Fact]
    public async Task Given_a_client_credit_of_100_When_30_is_refunded_and_70_applied_to_its_next_invoice_Then_70_then_0_credit_and_1130_left_on_the_next()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var (first, next) = (await scenario.IssueInvoiceAsync(), await scenario.IssueInvoiceAsync());
        var operatorClient = await scenario.OperatorAsync();
        await PayAsync(operatorClient, first, 1300.00m);

        var refund = await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{first}/credit/refund", new { amount = 30.00m, reference = "RBT-2026-001" });
        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        Assert.Equal(70.00m, (await CollectionsScenario.GetAsync(operatorClient, first)).Receivable.ClientCredit);

        var tooMuch = await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{first}/credit/application", new { toReceivableId = next, amount = 70.01m });
        await tooMuch.AssertProblemAsync(HttpStatusCode.Conflict);
        var apply = await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{first}/credit/application", new { toReceivableId = next, amount = 70.00m });
        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        var (given, taken) = ((await CollectionsScenario.GetAsync(operatorClient, first)), (await CollectionsScenario.GetAsync(operatorClient, next)));
        Assert.Equal((0m, 100.00m), (given.Receivable.ClientCredit, given.Receivable.CreditUsed));
        Assert.Equal((70.00m, 1130.00m), (taken.Receivable.Received, taken.Receivable.Outstanding));
        Assert.Equal(["ReceivableOpened", "PaymentRecorded", "ReceivableSettled", "ClientCreditRefunded", "ClientCreditApplied"], given.History.Select(h => h.Kind).ToArray());
        Assert.Contains(taken.History, h => h.Kind == "PaymentRecorded" && h.Description.Contains(given.Receivable.Number));
    }

    [Fact]
    public async Task Given_bad_or_foreign_credit_requests_Then_400_naming_the_field_or_404_and_nothing_changes()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var (first, next) = (await scenario.IssueInvoiceAsync(), await scenario.IssueInvoiceAsync());
        var operatorClient = await scenario.OperatorAsync();
        await PayAsync(operatorClient, first, 1300.00m);

        await (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{first}/credit/refund", new { amount = 0m })).AssertFieldErrorsAsync("amount");
        await (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{first}/credit/application", new { toReceivableId = Guid.Empty, amount = -1m }))
            .AssertFieldErrorsAsync("toReceivableId", "amount");
        var stranger = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Activities.Structure.OtherEntityId);
        await (await stranger.PostAsJsonAsync($"/api/collections/receivables/{first}/credit/refund", new { amount = 10m })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{first}/credit/application", new { toReceivableId = Guid.NewGuid(), amount = 10m }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync($"/api/collections/receivables/{first}/credit/application", new { toReceivableId = next, amount = 10m }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.Member.PostAsJsonAsync($"/api/collections/receivables/{first}/credit/refund", new { amount = 10m })).StatusCode);

        Assert.Equal(100.00m, (await CollectionsScenario.GetAsync(operatorClient, first)).Receivable.ClientCredit);
        Assert.Equal(0m, (await CollectionsScenario.GetAsync(operatorClient, next)).Receivable.Received);
    }

    [Fact]
    public async Task Given_a_policy_of_30_percent_at_due_plus_90_and_100_at_plus_200_Then_360_on_06_29_300_after_200_paid_1000_on_10_17_and_nothing_once_paid()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var admin = await app.AdminClientAsync(scenario.Activities.Structure);
        var set = await admin.PostAsJsonAsync("/api/collections/provision-policies", new
        {
            entityId = scenario.Activities.Structure.EntityId, effectiveFrom = "2026-03-01", tiers = new[] { new { daysAfterDue = 200, rate = 1.0m }, new { daysAfterDue = 90, rate = 0.3m } },
        });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var policy = (await (await admin.GetAsync("/api/collections/provision-policies?on=2026-03-01")).Content.ReadFromJsonAsync<Policy>())!;
        Assert.Equal([new Tier(90, 0.3m), new Tier(200, 1.0m)], policy.Tiers.ToArray());
        var invoice = await scenario.IssueInvoiceAsync();

        await scenario.MoveToAsync(new DateOnly(2026, 6, 28));
        var operatorClient = await scenario.OperatorAsync();
        Assert.Equal(0m, (await CollectionsScenario.GetAsync(operatorClient, invoice)).Receivable.Provisioned);
        await scenario.MoveToAsync(new DateOnly(2026, 6, 29));
        operatorClient = await scenario.OperatorAsync();
        Assert.Equal(360.00m, (await CollectionsScenario.GetAsync(operatorClient, invoice)).Receivable.Provisioned);
        await PayAsync(operatorClient, invoice, 200.00m, "2026-06-29");
        Assert.Equal(300.00m, (await CollectionsScenario.GetAsync(operatorClient, invoice)).Receivable.Provisioned);

        await scenario.MoveToAsync(new DateOnly(2026, 10, 17));
        operatorClient = await scenario.OperatorAsync();
        Assert.Equal(1000.00m, (await CollectionsScenario.GetAsync(operatorClient, invoice)).Receivable.Provisioned);
        ITrackedSession? paid = null;
        paid = await app.TrackAsync(() => PayAsync(operatorClient, invoice, 1000.00m, "2026-10-17"));
        var detail = await CollectionsScenario.GetAsync(operatorClient, invoice);
        Assert.Equal((0m, "Paid"), (detail.Receivable.Provisioned, detail.Receivable.Status));
        Assert.Single(paid.Sent.MessagesOf<InvoicePaid>().Distinct());
        Assert.Equal([360.00m, 60.00m, 700.00m, 1000.00m], detail.History.Where(h => h.Kind.StartsWith("Provision", StringComparison.Ordinal)).Select(h => h.Amount!.Value).ToArray());
    }

    [Fact]
    public async Task Given_a_bad_retroactive_or_foreign_provision_policy_Then_400_409_or_404_and_the_default_stays()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var admin = await app.AdminClientAsync(scenario.Activities.Structure);
        var entityId = scenario.Activities.Structure.EntityId;

        await (await admin.PostAsJsonAsync("/api/collections/provision-policies", new
        {
            entityId, effectiveFrom = "2026-06-01", tiers = new[] { new { daysAfterDue = 90, rate = 0.6m }, new { daysAfterDue = 200, rate = 0.5m } },
        })).AssertFieldErrorsAsync("tiers");
        await (await admin.PostAsJsonAsync("/api/collections/provision-policies", new
        {
            entityId, effectiveFrom = "2026-06-01", tiers = new[] { new { daysAfterDue = 0, rate = 1.5m } },
        })).AssertFieldErrorsAsync("tiers[0].daysAfterDue", "tiers[0].rate");
        await (await admin.PostAsJsonAsync("/api/collections/provision-policies", new
        {
            entityId, effectiveFrom = "2026-02-01", tiers = new[] { new { daysAfterDue = 90, rate = 1m } },
        })).AssertProblemAsync(HttpStatusCode.Conflict);
        var otherAdmin = await app.ClientAsync(SmartRoles.Admin, entityId: scenario.Activities.Structure.OtherEntityId);
        await (await otherAdmin.PostAsJsonAsync("/api/collections/provision-policies", new
        {
            entityId, effectiveFrom = "2026-06-01", tiers = new[] { new { daysAfterDue = 90, rate = 1m } },
        })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.GetAsync($"/api/collections/provision-policies?entityId={entityId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var policy = (await (await admin.GetAsync("/api/collections/provision-policies?on=2026-12-31")).Content.ReadFromJsonAsync<Policy>())!;
        Assert.True(policy.IsDefault || policy.Tiers.SequenceEqual([new Tier(90, 0.3m), new Tier(200, 1.0m)]));
    }

    private static async Task PayAsync(HttpClient client, Guid receivableId, decimal amount, string paidOn = "2026-03-01")
    {
        var response = await client.PostAsJsonAsync($"/api/collections/receivables/{receivableId}/payments", new { amount, currency = "EUR", paidOn });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
