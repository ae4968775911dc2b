using System.Net;
using System.Net.Http.Json;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Features.Budget;
using Smart.Modules.Activities.Features.Invoicing;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using StoredCreditNote = Smart.Modules.Activities.Domain.Invoicing.CreditNote;
using StoredInvoice = Smart.Modules.Activities.Domain.Invoicing.Invoice;
using StoredLedgerEntry = Smart.Modules.Activities.Domain.Budget.LedgerEntry;

namespace Smart.IntegrationTests.Activities;

public sealed class InvoicingTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Fact]
    public async Task Given_SmartFrs_rate_change_Then_1000_invoiced_on_14_12_2022_costs_85_on_15_12_2022_costs_100_and_a_250_credit_note_leaves_675()
    {
        var scenario = await new ActivitiesScenario(app).StartInOwnEntityAsync();
        var (_, member) = await scenario.MemberAsync();
        var before = await OpenActivityAsync(member, "Before the AG vote");
        var after = await OpenActivityAsync(member, "After the AG vote");
        var client = await RegisterClientAsync(member);

        var first = await CreatedIdAsync(await IssueInvoiceAsync(member, before, client, new DateOnly(2022, 12, 14)));
        var second = await CreatedIdAsync(await IssueInvoiceAsync(member, after, client, new DateOnly(2022, 12, 15)));

        var invoice14 = await member.GetApiAsync<InvoiceView>($"/api/activities/invoices/{first}");
        var invoice15 = await member.GetApiAsync<InvoiceView>($"/api/activities/invoices/{second}");
        Assert.Equal((1000.00m, 200.00m, 1200.00m), (invoice15!.TotalNet, invoice15.TotalVat, invoice15.TotalGross));
        Assert.Equal((0.085m, 85.00m), (invoice14!.ContributionRate, invoice14.ContributionAmount));
        Assert.Equal((0.10m, 100.00m), (invoice15.ContributionRate, invoice15.ContributionAmount));
        Assert.Equal(915.00m, (await member.GetApiAsync<BudgetView>($"/api/activities/activities/{before}/budget"))!.Balance);
        Assert.Equal(900.00m, (await member.GetApiAsync<BudgetView>($"/api/activities/activities/{after}/budget"))!.Balance);
        Assert.Equal(new DateOnly(2023, 1, 14), invoice15.DueDate); // public body: 30 days

        var credit = await member.PostAsJsonAsync($"/api/activities/invoices/{second}/credit-notes", new { net = 250.00m, issueDate = new DateOnly(2022, 12, 20), reason = "One set cancelled" });
        await CreatedIdAsync(credit);

        Assert.Equal(675.00m, (await member.GetApiAsync<BudgetView>($"/api/activities/activities/{after}/budget"))!.Balance);
        var credited = await member.GetApiAsync<InvoiceView>($"/api/activities/invoices/{second}");
        Assert.Equal((250.00m, 750.00m), (credited!.CreditedNet, credited.RemainingToCredit));
        var entries = await member.GetStringAsync($"/api/activities/activities/{after}/budget/entries?from=2022-12-20&to=2022-12-20");
        Assert.Contains("-250", entries);
        Assert.Contains("\"amount\":25", entries);
    }

    [Fact]
    public async Task Given_an_issued_invoice_Then_it_reads_as_JSON_and_as_a_printable_HTML_document()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        var id = await CreatedIdAsync(await IssueInvoiceAsync(member, activity, client, issueDate: null, unitPrice: 1234.50m));

        var invoice = await member.GetApiAsync<InvoiceView>($"/api/activities/invoices/{id}");
        var html = await member.GetAsync($"/api/activities/invoices/{id}/html");

        Assert.Matches(@"^FA\d{4}-\d{6}$", invoice!.Number);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains($"Facture {invoice.Number}", page);
        Assert.Contains("1 481,40 €", page.Replace('\u202f', ' ').Replace('\u00a0', ' ')); // 1,234.50 + 20 % VAT
        Assert.Contains("Th&#233;&#226;tre du Nord", page);

        // Immutable once issued: no method changes or deletes it; corrections go through credit notes.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await member.PutAsJsonAsync($"/api/activities/invoices/{id}", new { issueDate = "2026-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await member.PatchAsJsonAsync($"/api/activities/invoices/{id}", new { totalNet = 1m })).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await member.DeleteAsync($"/api/activities/invoices/{id}")).StatusCode);
        var unchanged = (await member.GetApiAsync<InvoiceView>($"/api/activities/invoices/{id}"))!;
        Assert.Equal((invoice.Number, 1234.50m, 1481.40m), (unchanged.Number, unchanged.TotalNet, unchanged.TotalGross));
    }

    [Fact]
    public async Task Given_bad_invoice_input_Then_400_with_field_errors_and_nothing_written()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var invoicesBefore = await StoredAsync<StoredInvoice>(app);
        var entriesBefore = await StoredAsync<StoredLedgerEntry>(app);

        await (await member.PostAsJsonAsync("/api/activities/invoices", new { activityId = activity, lines = Array.Empty<object>() }))
            .AssertFieldErrorsAsync("clientId", "lines");
        await (await member.PostAsJsonAsync("/api/activities/invoices", new
        {
            activityId = activity, clientId = Guid.NewGuid(),
            lines = new[] { new { description = "", quantity = -1m, unitPrice = 10.001m, vatRate = 0.9m } },
        })).AssertFieldErrorsAsync("lines[0].description", "lines[0].quantity", "lines[0].unitPrice", "lines[0].vatRate");

        Assert.Equal(invoicesBefore, await StoredAsync<StoredInvoice>(app));
        Assert.Equal(entriesBefore, await StoredAsync<StoredLedgerEntry>(app));
    }

    [Fact]
    public async Task Given_someone_elses_activity_or_invoice_Then_404_and_nothing_written()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, owner) = await scenario.MemberAsync();
        var (_, other) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(owner);
        var client = await RegisterClientAsync(owner);
        var invoice = await CreatedIdAsync(await IssueInvoiceAsync(owner, activity, client, issueDate: null));
        var invoicesBefore = await StoredAsync<StoredInvoice>(app);

        await (await IssueInvoiceAsync(other, activity, client, issueDate: null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/invoices/{invoice}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/invoices/{invoice}/html")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/activities/invoices/{invoice}/credit-notes", new { net = 10m, reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/activities/{activity}/budget")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(invoice.ToString(), await other.GetStringAsync("/api/activities/invoices"));

        Assert.Equal(invoicesBefore, await StoredAsync<StoredInvoice>(app));
    }

    [Fact]
    public async Task Given_a_post_dated_invoice_or_a_credit_beyond_what_remains_Then_400_or_409_and_nothing_written()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        var invoice = await CreatedIdAsync(await IssueInvoiceAsync(member, activity, client, issueDate: null));
        var creditNotesBefore = await StoredAsync<StoredCreditNote>(app);

        await (await IssueInvoiceAsync(member, activity, client, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2))).AssertFieldErrorsAsync("issueDate");
        var tooMuch = await member.PostAsJsonAsync($"/api/activities/invoices/{invoice}/credit-notes", new { net = 1000.01m, reason = "Too much" });
        Assert.Equal("CreditIsWithinWhatRemains", (await tooMuch.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        await (await member.PostAsJsonAsync($"/api/activities/invoices/{invoice}/credit-notes", new { net = 0m, reason = "" }))
            .AssertFieldErrorsAsync("net", "reason");

        Assert.Equal(creditNotesBefore, await StoredAsync<StoredCreditNote>(app));
    }

    [Fact]
    public async Task Given_the_ledger_Then_the_database_refuses_to_edit_or_delete_an_entry()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        await CreatedIdAsync(await IssueInvoiceAsync(member, activity, await RegisterClientAsync(member), issueDate: null));

        var update = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => app.Database.ScalarAsync<int>(
            "WITH changed AS (UPDATE activities.mt_events SET data = '{}' WHERE stream_id = @p0 RETURNING 1) SELECT count(*) FROM changed", activity));
        var delete = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => app.Database.ScalarAsync<int>(
            "WITH gone AS (DELETE FROM activities.mt_events WHERE stream_id = @p0 RETURNING 1) SELECT count(*) FROM gone", activity));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
    }

}
