using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Collections.Contracts;
using Wolverine.Tracking;

namespace Smart.IntegrationTests.Collections;

public sealed class PaymentsApiTests(CollectionsApp app) : IClassFixture<CollectionsApp>
{
    [Fact]
    public async Task Given_1200_due_When_paid_500_credited_200_and_paid_600_Then_700_then_500_left_then_settled_with_a_client_credit_of_100_and_InvoicePaid_once()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var invoiceId = await scenario.IssueInvoiceAsync();
        var operatorClient = await scenario.OperatorAsync();

        var opened = (await CollectionsScenario.GetAsync(operatorClient, invoiceId)).Receivable;
        Assert.Equal((1200.00m, 1200.00m, "Open", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), "Company"),
            (opened.Amount, opened.Outstanding, opened.Status, opened.IssueDate, opened.DueDate, opened.ClientTypology));
        Assert.Equal((scenario.ActivityId, scenario.MemberId, scenario.Activities.Structure.LilleOfficeId), (opened.ActivityId!.Value, opened.OwnerId, opened.OfficeId));

        var afterFirst = await PayAsync(operatorClient, invoiceId, 500.00m);
        Assert.Equal((700.00m, 0m, "Open"), (afterFirst.Outstanding, afterFirst.ClientCredit, afterFirst.Status));

        var creditNote = await scenario.Member.PostAsJsonAsync($"/api/activities/invoices/{invoiceId}/credit-notes", new { net = 166.67m, reason = "Un set annulé" });
        Assert.Equal(HttpStatusCode.Created, creditNote.StatusCode);
        await app.WaitForBusIdleAsync();
        var afterCredit = (await CollectionsScenario.GetAsync(operatorClient, invoiceId)).Receivable;
        Assert.Equal((200.00m, 500.00m), (afterCredit.Credited, afterCredit.Outstanding));

        ReceivableAfterPayment? settled = null;
        var session = await app.TrackAsync(async () => settled = await PayAsync(operatorClient, invoiceId, 600.00m));
        Assert.Equal((0m, 100.00m, "Paid", 1100.00m), (settled!.Outstanding, settled.ClientCredit, settled.Status, settled.Received));
        // One event, which Activities, Payroll and Reporting each handled once (one envelope per subscribing module).
        var published = session.Sent.MessagesOf<InvoicePaid>().Distinct().ToList();
        Assert.Equal(new InvoicePaid(invoiceId, scenario.ActivityId, 1000.00m, new DateOnly(2026, 3, 1)), Assert.Single(published));
        Assert.Equal(3, session.Executed.MessagesOf<InvoicePaid>().Count());
        Assert.Empty(session.DeadLetterReasons());

        // A payment after the settlement is the client's credit too, and publishes nothing.
        var again = await app.TrackAsync(async () => settled = await PayAsync(operatorClient, invoiceId, 50.00m));
        Assert.Equal((150.00m, "Paid"), (settled!.ClientCredit, settled.Status));
        Assert.Empty(again.Sent.MessagesOf<InvoicePaid>());

        var history = (await CollectionsScenario.GetAsync(scenario.Member, invoiceId)).History;
        Assert.Equal(["ReceivableOpened", "PaymentRecorded", "CreditNoteApplied", "PaymentRecorded", "ReceivableSettled", "PaymentRecorded"],
            history.Select(h => h.Kind).ToArray());
        Assert.Equal([1200.00m, 500.00m, 200.00m, 600.00m, 1000.00m, 50.00m], history.Select(h => h.Amount!.Value).ToArray());
    }

    [Theory]
    [InlineData("0", "EUR", "amount")]
    [InlineData("-10.00", "EUR", "amount")]
    [InlineData("10.00", "XYZ", "currency")]
    [InlineData("10.001", "EUR", "amount")]
    public async Task Given_a_bad_payment_Then_400_naming_the_field_and_nothing_changes(string amount, string currency, string field)
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var invoiceId = await scenario.IssueInvoiceAsync();
        var operatorClient = await scenario.OperatorAsync();

        var response = await operatorClient.PostAsync($"/api/collections/receivables/{invoiceId}/payments",
            JsonContent($"{{\"amount\":{amount},\"currency\":\"{currency}\",\"paidOn\":\"2026-03-01\"}}"));

        await response.AssertFieldErrorsAsync(field);
        var receivable = await CollectionsScenario.GetAsync(operatorClient, invoiceId);
        Assert.Equal((0m, 1200.00m), (receivable.Receivable.Received, receivable.Receivable.Outstanding));
        Assert.Single(receivable.History);
    }

    [Fact]
    public async Task Given_an_unknown_receivable_or_someone_elses_Then_404_and_a_member_may_not_record_payments()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var invoiceId = await scenario.IssueInvoiceAsync();
        var operatorClient = await scenario.OperatorAsync();
        var payment = new { amount = 10.00m, currency = "EUR", paidOn = "2026-03-01" };

        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{Guid.NewGuid()}/payments", payment)).StatusCode);
        var otherEntity = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Activities.Structure.OtherEntityId);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEntity.PostAsJsonAsync($"/api/collections/receivables/{invoiceId}/payments", payment)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.Member.PostAsJsonAsync($"/api/collections/receivables/{invoiceId}/payments", payment)).StatusCode);
        Assert.Equal(0m, (await CollectionsScenario.GetAsync(operatorClient, invoiceId)).Receivable.Received);
    }

    [Fact]
    public async Task Given_a_payment_dated_after_today_or_in_another_currency_Then_409_and_nothing_changes()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var invoiceId = await scenario.IssueInvoiceAsync();
        var operatorClient = await scenario.OperatorAsync();

        var future = await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoiceId}/payments",
            new { amount = 10.00m, currency = "EUR", paidOn = DateOnly.FromDateTime(app.Clock!.GetUtcNow().UtcDateTime).AddDays(1) });
        var francs = await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoiceId}/payments",
            new { amount = 10.00m, currency = "CHF", paidOn = "2026-03-01" });

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (future.StatusCode, francs.StatusCode));
        Assert.Single((await CollectionsScenario.GetAsync(operatorClient, invoiceId)).History);
    }

    private sealed record ReceivableAfterPayment(decimal Received, decimal Outstanding, decimal ClientCredit, string Status);

    private static async Task<ReceivableAfterPayment> PayAsync(HttpClient client, Guid receivableId, decimal amount)
    {
        var response = await client.PostAsJsonAsync($"/api/collections/receivables/{receivableId}/payments",
            new { amount, currency = "EUR", paidOn = "2026-03-01", reference = "VIR-2026-0042" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ReceivableAfterPayment>())!;
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
