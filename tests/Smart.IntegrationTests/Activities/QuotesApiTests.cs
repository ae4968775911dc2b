using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Domain.Quotes;
using Smart.Modules.Activities.Features.Invoicing;
using Smart.Modules.Activities.Features.Quotes;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using StoredInvoice = Smart.Modules.Activities.Domain.Invoicing.Invoice;
using StoredQuote = Smart.Modules.Activities.Domain.Quotes.Quote;

namespace Smart.IntegrationTests.Activities;

public sealed class QuotesApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Task<HttpResponseMessage> IssueQuoteAsync(HttpClient client, Guid activityId, Guid clientId, DateOnly? issueDate = null, DateOnly? validUntil = null,
        decimal? vatRate = null) =>
        client.PostAsJsonAsync("/api/activities/quotes", new
        {
            activityId, clientId, issueDate, validUntil = validUntil ?? Today.AddDays(30),
            lines = new[] { new { description = "Représentation", quantity = 2m, unitPrice = 450.00m, vatRate } },
        });

    [Fact]
    public async Task Given_a_quote_of_2_x_450_at_20_percent_When_accepted_Then_it_totals_1080_and_its_invoice_references_it_and_is_booked()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);

        var id = await CreatedIdAsync(await IssueQuoteAsync(member, activity, client));
        var quote = await member.GetApiAsync<QuoteView>($"/api/activities/quotes/{id}");
        Assert.Matches(@"^DE\d{4}-\d{6}$", quote!.Number);
        Assert.Equal((900.00m, 180.00m, 1080.00m, QuoteState.Open), (quote.TotalNet, quote.TotalVat, quote.TotalGross, quote.State));

        var response = await member.PostAsJsonAsync($"/api/activities/quotes/{id}/accept", new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var accepted = await response.Content.ReadApiAsync<QuoteAccepted>();
        var invoice = await member.GetApiAsync<InvoiceView>($"/api/activities/invoices/{accepted!.InvoiceId}");
        Assert.Equal((1080.00m, id), (invoice!.TotalGross, invoice.QuoteId));
        Assert.Matches(@"^FA\d{4}-\d{6}$", invoice.Number);
        var after = await member.GetApiAsync<QuoteView>($"/api/activities/quotes/{id}");
        Assert.Equal((QuoteState.Accepted, invoice.Id), (after!.State, after.InvoiceId));
        Assert.Contains("\"balance\":810", await member.GetStringAsync($"/api/activities/activities/{activity}/budget")); // 900 − 10 %

        var listed = await member.GetApiAsync<PagedResult<QuoteSummary>>($"/api/activities/activities/{activity}/quotes?state=Accepted");
        Assert.Equal(id, Assert.Single(listed!.Items).Id);
        Assert.Empty((await member.GetApiAsync<PagedResult<QuoteSummary>>($"/api/activities/activities/{activity}/quotes?state=Open"))!.Items);

        var html = await (await member.GetAsync($"/api/activities/quotes/{id}/html")).Content.ReadAsStringAsync();
        Assert.Contains($"Devis {quote.Number}", html);
        Assert.Contains("1 080,00 €", html.Replace('\u202f', ' '));
    }

    [Fact]
    public async Task Given_an_accepted_quote_When_accepted_or_declined_again_Then_409_and_no_second_invoice()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var id = await CreatedIdAsync(await IssueQuoteAsync(member, activity, await RegisterClientAsync(member)));
        await CreatedIdAsync(await member.PostAsJsonAsync($"/api/activities/quotes/{id}/accept", new { }), "invoiceId");
        var invoicesBefore = await StoredAsync<StoredInvoice>(app);

        var again = await (await member.PostAsJsonAsync($"/api/activities/quotes/{id}/accept", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("QuoteIsOpen", again.GetProperty("rule").GetString());
        await (await member.PostAsJsonAsync($"/api/activities/quotes/{id}/decline", new { reason = "Changed our mind" })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(invoicesBefore, await StoredAsync<StoredInvoice>(app));
    }

    [Fact]
    public async Task Given_a_quote_past_its_validity_Then_it_reads_expired_and_accepting_it_is_a_409_without_invoice()
    {
        var scenario = await new ActivitiesScenario(app).StartInOwnEntityAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var id = await CreatedIdAsync(await IssueQuoteAsync(member, activity, await RegisterClientAsync(member), new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)));
        var invoicesBefore = await StoredAsync<StoredInvoice>(app);

        Assert.Equal(QuoteState.Expired, (await member.GetApiAsync<QuoteView>($"/api/activities/quotes/{id}"))!.State);
        var late = await (await member.PostAsJsonAsync($"/api/activities/quotes/{id}/accept", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("AcceptedWhileValid", late.GetProperty("rule").GetString());
        Assert.Equal(id, Assert.Single((await member.GetApiAsync<PagedResult<QuoteSummary>>($"/api/activities/activities/{activity}/quotes?state=Expired"))!.Items).Id);

        Assert.Equal(invoicesBefore, await StoredAsync<StoredInvoice>(app));
    }

    [Fact]
    public async Task Given_a_declined_quote_Then_it_keeps_the_reason_and_cannot_be_accepted()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var id = await CreatedIdAsync(await IssueQuoteAsync(member, activity, await RegisterClientAsync(member)));

        var declined = await member.PostAsJsonAsync($"/api/activities/quotes/{id}/decline", new { reason = "Budget insuffisant" });
        Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);

        var quote = await member.GetApiAsync<QuoteView>($"/api/activities/quotes/{id}");
        Assert.Equal((QuoteState.Declined, "Budget insuffisant"), (quote!.State, quote.DeclineReason));
        await (await member.PostAsJsonAsync($"/api/activities/quotes/{id}/accept", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Given_bad_quote_input_Then_400_with_field_errors_and_nothing_written()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        var quotesBefore = await StoredAsync<StoredQuote>(app);

        await (await member.PostAsJsonAsync("/api/activities/quotes", new { activityId = activity, lines = Array.Empty<object>() }))
            .AssertFieldErrorsAsync("clientId", "validUntil", "lines");
        await (await member.PostAsJsonAsync("/api/activities/quotes", new
        {
            activityId = activity, clientId = client, issueDate = new DateOnly(2026, 3, 10), validUntil = new DateOnly(2026, 3, 1),
            lines = new[] { new { description = "", quantity = 0m, unitPrice = 1.001m, vatRate = 0.9m } },
        })).AssertFieldErrorsAsync("validUntil", "lines[0].description", "lines[0].quantity", "lines[0].unitPrice", "lines[0].vatRate");
        var id = await CreatedIdAsync(await IssueQuoteAsync(member, activity, client));
        await (await member.PostAsJsonAsync($"/api/activities/quotes/{id}/decline", new { reason = "" })).AssertFieldErrorsAsync("reason");
        await (await member.GetAsync($"/api/activities/activities/{activity}/quotes?state=Pending")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(quotesBefore + 1, await StoredAsync<StoredQuote>(app));
        Assert.Equal(QuoteState.Open, (await member.GetApiAsync<QuoteView>($"/api/activities/quotes/{id}"))!.State);
    }

    [Fact]
    public async Task Given_another_members_activity_or_quote_Then_404_and_nothing_written()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, owner) = await scenario.MemberAsync();
        var (_, other) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(owner);
        var client = await RegisterClientAsync(owner);
        var id = await CreatedIdAsync(await IssueQuoteAsync(owner, activity, client));
        var quotesBefore = await StoredAsync<StoredQuote>(app);
        var invoicesBefore = await StoredAsync<StoredInvoice>(app);

        await (await IssueQuoteAsync(other, activity, client)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/quotes/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/quotes/{id}/html")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/activities/{activity}/quotes")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/activities/quotes/{id}/accept", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/activities/quotes/{id}/decline", new { reason = "No" })).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal((quotesBefore, invoicesBefore), (await StoredAsync<StoredQuote>(app), await StoredAsync<StoredInvoice>(app)));
        Assert.Equal(QuoteState.Open, (await owner.GetApiAsync<QuoteView>($"/api/activities/quotes/{id}"))!.State);
    }

    [Fact]
    public async Task Given_a_training_activity_of_SmartFr_Then_quote_and_invoice_carry_0_percent_and_the_mention_while_other_kinds_and_entities_carry_20()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var training = await OpenActivityAsync(member, "Formations Alex", "Training");
        var concerts = await OpenActivityAsync(member, "Concerts", "LivePerformance");
        var client = await RegisterClientAsync(member);

        var quoteId = await CreatedIdAsync(await IssueQuoteAsync(member, training, client, vatRate: 0.20m));
        var quote = await member.GetApiAsync<QuoteView>($"/api/activities/quotes/{quoteId}");
        Assert.Equal((0m, 900.00m, "Exonération de TVA — article 261-4-4° a du CGI"), (quote!.Lines[0].VatRate, quote.TotalGross, quote.VatMention));
        var accepted = await (await member.PostAsJsonAsync($"/api/activities/quotes/{quoteId}/accept", new { })).Content.ReadApiAsync<QuoteAccepted>();
        var fromQuote = await member.GetApiAsync<InvoiceView>($"/api/activities/invoices/{accepted!.InvoiceId}");
        Assert.Equal((0m, quote.VatMention), (fromQuote!.TotalVat, fromQuote.VatMention));
        Assert.Contains("article 261-4-4&#176; a du CGI", await member.GetStringAsync($"/api/activities/invoices/{fromQuote.Id}/html"));

        var direct = await member.GetApiAsync<InvoiceView>($"/api/activities/invoices/{await CreatedIdAsync(await IssueInvoiceAsync(member, training, client, issueDate: null))}");
        Assert.Equal((0m, 1000.00m), (direct!.TotalVat, direct.TotalGross));
        var concert = await member.GetApiAsync<InvoiceView>($"/api/activities/invoices/{await CreatedIdAsync(await IssueInvoiceAsync(member, concerts, client, issueDate: null))}");
        Assert.Equal((0.20m, 200.00m, null), (concert!.Lines[0].VatRate, concert.TotalVat, concert.VatMention));

        // GrandsEnsemble does not exempt training.
        var otherMember = await OtherEntityMemberAsync(scenario);
        var otherTraining = await OpenActivityAsync(otherMember, "Formations", "Training");
        var otherClient = await RegisterClientAsync(otherMember);
        var otherInvoice = await otherMember.GetApiAsync<InvoiceView>(
            $"/api/activities/invoices/{await CreatedIdAsync(await IssueInvoiceAsync(otherMember, otherTraining, otherClient, issueDate: null))}");
        Assert.Equal((200.00m, null), (otherInvoice!.TotalVat, otherInvoice.VatMention));
    }

    private async Task<HttpClient> OtherEntityMemberAsync(ActivitiesScenario scenario)
    {
        var structure = scenario.Structure;
        var admin = await app.ClientAsync(Smart.BuildingBlocks.Security.SmartRoles.Admin, entityId: structure.OtherEntityId);
        var memberId = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName = "Sam", lastName = "Formateur", email = $"trainer-{Guid.NewGuid():N}@example.org", officeId = structure.OtherEntityOfficeId,
        }));
        await app.WaitForBusIdleAsync();
        return await app.ClientAsync(Smart.BuildingBlocks.Security.SmartRoles.Member, memberId, structure.OtherEntityId, structure.OtherEntityOfficeId);
    }

}
