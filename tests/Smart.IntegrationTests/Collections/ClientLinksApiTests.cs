using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Collections;

/// <summary>An invoice of 1,200.00 issued today (the tests of the class move one clock), due 30 days later; its client's link is valid 60 days (the default plan's).</summary>
public sealed class ClientLinksApiTests(CollectionsApp app) : IClassFixture<CollectionsApp>
{
    public sealed record Link(string Url, DateOnly ExpiresOn);

    [Fact]
    public async Task Given_the_client_s_link_Then_without_login_it_sees_1200_left_declares_a_payment_and_disputes_which_pauses_the_plan()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var invoice = await scenario.IssueInvoiceAsync();
        var link = await LinkAsync(scenario.Member, invoice);
        Assert.Equal(Today().AddDays(60), link.ExpiresOn);
        var anonymous = app.CreateClient();

        var page = await anonymous.GetAsync(Path(link));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var number = (await CollectionsScenario.GetAsync(scenario.Member, invoice)).Receivable.Number;
        Assert.Contains($"Facture {number}", html);
        Assert.Contains("<strong>1\u202f200,00 €</strong>", html);

        var declared = await anonymous.PostAsJsonAsync(Path(link) + "/payment-declaration", new { amount = 1200.00m, paidOn = Today(), reference = "VIR 123" });
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        var disputed = await anonymous.PostAsJsonAsync(Path(link) + "/dispute", new { reason = "Prestation non conforme." });
        Assert.Equal(HttpStatusCode.OK, disputed.StatusCode);
        await (await anonymous.PostAsJsonAsync(Path(link) + "/dispute", new { reason = "Encore." })).AssertProblemAsync(HttpStatusCode.Conflict);

        var detail = await CollectionsScenario.GetAsync(scenario.Member, invoice);
        Assert.Equal(("Disputed", 0m, 1200.00m), (detail.Receivable.Status, detail.Receivable.Received, detail.Receivable.Outstanding));
        Assert.Contains(detail.History, h => h.Kind == "PaymentDeclared" && h.Amount == 1200.00m && h.Description.Contains("VIR 123"));
        Assert.Contains(detail.History, h => h.Kind == "DisputeOpened" && h.Description.Contains("(client)"));
    }

    [Fact]
    public async Task Given_a_forged_or_expired_link_or_bad_input_Then_404_or_400_and_nothing_changes_and_the_reminder_carries_a_valid_link()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var invoice = await scenario.IssueInvoiceAsync();
        var link = await LinkAsync(scenario.Member, invoice);
        var anonymous = app.CreateClient();
        var token = Path(link).Split('/')[^1];
        var forged = Path(link)[..^token.Length] + (token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..]);

        await (await anonymous.GetAsync(forged)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/api/collections/client-links/not-a-token")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.PostAsJsonAsync(forged + "/dispute", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.PostAsJsonAsync(Path(link) + "/payment-declaration", new { amount = 0m, paidOn = Today() })).AssertFieldErrorsAsync("amount");
        await (await anonymous.PostAsJsonAsync(Path(link) + "/dispute", new { reason = "" })).AssertFieldErrorsAsync("reason");
        var (_, stranger) = await scenario.Activities.MemberAsync();
        await (await stranger.GetAsync($"/api/collections/receivables/{invoice}/client-link")).AssertProblemAsync(HttpStatusCode.NotFound);

        // The first reminder (due + 7) carries a link of its own, valid 60 days from then.
        var receivable = (await CollectionsScenario.GetAsync(scenario.Member, invoice)).Receivable;
        var number = receivable.Number;
        await scenario.MoveToAsync(receivable.Steps[0].PlannedOn);
        var reminder = app.Mails.ReceivedEmail
            .Single(m => m.TextBody?.Contains(number, StringComparison.Ordinal) == true);
        var mailed = reminder.TextBody!.Split(' ', '\n').Single(w => w.Contains("/api/collections/client-links/", StringComparison.Ordinal)).Trim();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(mailed).PathAndQuery)).StatusCode);

        // The first link expired the day after its last day.
        await scenario.MoveToAsync(link.ExpiresOn.AddDays(1));
        await (await anonymous.GetAsync(Path(link))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.PostAsJsonAsync(Path(link) + "/dispute", new { reason = "Trop tard." })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(mailed).PathAndQuery)).StatusCode);
        var history = (await CollectionsScenario.GetAsync(await scenario.OperatorAsync(), invoice)).History;
        Assert.DoesNotContain(history, h => h.Kind is "DisputeOpened" or "PaymentDeclared");
    }

    [Fact]
    public async Task Given_an_unpaid_company_invoice_Then_its_formal_notice_prints_with_the_40_euro_indemnity_for_its_readers_only_and_a_paid_one_has_none()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var (unpaid, paid) = (await scenario.IssueInvoiceAsync(), await scenario.IssueInvoiceAsync());
        var operatorClient = await scenario.OperatorAsync();
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{paid}/payments",
            new { amount = 1200.00m, currency = "EUR", paidOn = Today() })).StatusCode);

        var letter = await operatorClient.GetAsync($"/api/collections/receivables/{unpaid}/formal-notice");
        Assert.Equal(("text/html", HttpStatusCode.OK), (letter.Content.Headers.ContentType!.MediaType!, letter.StatusCode));
        var html = System.Net.WebUtility.HtmlDecode(await letter.Content.ReadAsStringAsync());
        Assert.Contains("Mise en demeure : facture", html);
        Assert.Contains($"Lettre recommandée avec accusé de réception<br>le {Today():dd/MM/yyyy}", html);
        Assert.Contains("indemnité forfaitaire pour frais de recouvrement de 40,00 € est due", html);
        // The same letter as a PDF, to print or to attach.
        var pdf = await operatorClient.GetAsync($"/api/collections/receivables/{unpaid}/formal-notice/pdf");
        var text = PdfText.Compact(await PdfText.ReadAsync(pdf));
        Assert.Contains(PdfText.Compact("Mise en demeure : facture"), text);
        Assert.Contains(PdfText.Compact("indemnité forfaitaire pour frais de recouvrement de 40,00 € est due"), text);

        await (await operatorClient.GetAsync($"/api/collections/receivables/{paid}/formal-notice")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await (await scenario.AdvisorAsync(scenario.Activities.Structure.ParisOfficeId)).GetAsync($"/api/collections/receivables/{unpaid}/formal-notice"))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await operatorClient.GetAsync($"/api/collections/receivables/{Guid.NewGuid()}/formal-notice")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await (await scenario.AdvisorAsync(scenario.Activities.Structure.ParisOfficeId)).GetAsync($"/api/collections/receivables/{unpaid}/formal-notice/pdf"))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<Link> LinkAsync(HttpClient client, Guid receivableId)
    {
        var response = await client.GetAsync($"/api/collections/receivables/{receivableId}/client-link");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Link>())!;
    }

    private DateOnly Today() => DateOnly.FromDateTime(app.Clock!.GetUtcNow().UtcDateTime);

    private static string Path(Link link) => new Uri(link.Url).AbsolutePath;
}
