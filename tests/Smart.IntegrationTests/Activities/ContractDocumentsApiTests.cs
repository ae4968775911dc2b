using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Domain.ContractDocuments;
using Smart.Modules.Activities.Features.ContractDocuments;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using StoredContractDocument = Smart.Modules.Activities.Domain.ContractDocuments.ContractDocument;

namespace Smart.IntegrationTests.Activities;

public sealed class ContractDocumentsApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    private static object SaleOfShow(Guid activityId, Guid clientId) => new
    {
        activityId, clientId, kind = "SaleOfShow",
        details = new { showTitle = "Les Échappées", venue = "Théâtre du Nord, Lille", performanceDates = new[] { new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 14) }, performances = 2 },
        price = 2400.00m,
    };

    [Fact]
    public async Task Given_a_sale_of_a_show_and_a_funding_agreement_Then_they_are_numbered_in_the_contract_series_and_listed_by_kind()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);

        var show = await CreatedIdAsync(await member.PostAsJsonAsync("/api/activities/contract-documents", SaleOfShow(activity, client)));
        var funding = await CreatedIdAsync(await member.PostAsJsonAsync("/api/activities/contract-documents", new
        {
            activityId = activity, clientId = client, kind = "FundingAgreement",
            details = new { funder = "DRAC Hauts-de-France", purpose = "Création 2026", amount = 15000.00m },
        }));

        var sale = await member.GetApiAsync<ContractDocumentView>($"/api/activities/contract-documents/{show}");
        Assert.Matches(@"^CT\d{4}-\d{6}$", sale!.Number);
        Assert.Equal((ContractKind.SaleOfShow, 2400.00m, 0.20m, 480.00m, 2880.00m), (sale.Kind, sale.Net, sale.VatRate, sale.Vat, sale.Gross));
        var showDetails = Assert.IsType<SaleOfShowDetails>(sale.Details);
        Assert.Equal("Théâtre du Nord, Lille", showDetails.Venue);
        Assert.Equal(new DateOnly(2026, 3, 14), showDetails.PerformanceDates[0]);
        var grant = await member.GetApiAsync<ContractDocumentView>($"/api/activities/contract-documents/{funding}");
        Assert.Equal((null, null), (grant!.Net, grant.Vat));
        Assert.Equal(15000.00m, Assert.IsType<FundingAgreementDetails>(grant.Details).Amount);

        Assert.Equal(2, (await member.GetApiAsync<PagedResult<ContractDocumentSummary>>($"/api/activities/activities/{activity}/contract-documents"))!.Total);
        var shows = await member.GetApiAsync<PagedResult<ContractDocumentSummary>>($"/api/activities/activities/{activity}/contract-documents?kind=SaleOfShow");
        Assert.Equal(show, Assert.Single(shows!.Items).Id);

        // Printable: the kind's French title, its details (dates in order), the price; the grant shows its amount, no VAT.
        var page = await member.GetAsync($"/api/activities/contract-documents/{show}/html");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()).Replace('\u202f', ' ');
        Assert.Contains($"<h1>Contrat de cession du droit d'exploitation d'un spectacle n° {sale.Number}</h1>", html);
        Assert.Contains("<td>Dates</td><td>14/03/2026, 15/03/2026</td>", html);
        Assert.Contains("<td>Prix HT</td><td class=\"n\">2 400,00 €</td></tr><tr><td>TVA 20 %</td><td class=\"n\">480,00 €</td></tr><tr><th>Total TTC</th><th class=\"n\">2 880,00 €</th>", html);
        var grantHtml = (await member.GetStringAsync($"/api/activities/contract-documents/{funding}/html")).Replace('\u202f', ' ');
        Assert.Contains("<td>Montant</td><td>15 000,00 €</td>", grantHtml);
        Assert.DoesNotContain("TTC", grantHtml);
    }

    [Fact]
    public async Task Given_a_course_agreement_of_an_exempt_training_activity_Then_it_carries_0_percent_and_the_mention()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member, "Formations", "Training");
        var client = await RegisterClientAsync(member);

        var id = await CreatedIdAsync(await member.PostAsJsonAsync("/api/activities/contract-documents", new
        {
            activityId = activity, clientId = client, kind = "CourseAgreement",
            details = new { courseTitle = "Initiation à la PAO", hours = 14m, courseDates = new[] { new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 3) }, learners = 8 },
            price = 1400.00m, vatRate = 0.20m,
        }));

        var course = await member.GetApiAsync<ContractDocumentView>($"/api/activities/contract-documents/{id}");
        Assert.Equal((0m, 0m, 1400.00m), (course!.VatRate, course.Vat, course.Gross));
        Assert.Equal("Exonération de TVA — article 261-4-4° a du CGI", course.VatMention);
    }

    [Fact]
    public async Task Given_missing_or_foreign_details_Then_400_naming_the_fields_and_nothing_written()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        var before = await CountAsync();

        await (await member.PostAsJsonAsync("/api/activities/contract-documents", new
        {
            activityId = activity, clientId = client, kind = "SaleOfShow", details = new { showTitle = "Les Échappées", funder = "DRAC" },
        })).AssertFieldErrorsAsync("details.venue", "details.performanceDates", "details.performances", "details.funder", "price");
        await (await member.PostAsJsonAsync("/api/activities/contract-documents", new
        {
            activityId = activity, clientId = client, kind = "AuthorInvoice",
            details = new { workTitle = "Affiche", rightsFrom = new DateOnly(2026, 6, 1), rightsUntil = new DateOnly(2026, 1, 1) }, price = 500m,
        })).AssertFieldErrorsAsync("details.rightsUntil");
        await (await member.PostAsJsonAsync("/api/activities/contract-documents", new
        {
            activityId = activity, clientId = client, kind = "FundingAgreement", details = new { funder = "DRAC", purpose = "Création" }, price = 10m,
        })).AssertFieldErrorsAsync("details.amount", "price");
        await (await member.PostAsJsonAsync("/api/activities/contract-documents", new { activityId = activity, clientId = client, kind = "Lease", details = new { } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await member.GetAsync($"/api/activities/activities/{activity}/contract-documents?kind=Lease")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Given_another_members_activity_or_document_Then_404_and_nothing_written()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, owner) = await scenario.MemberAsync();
        var (_, other) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(owner);
        var client = await RegisterClientAsync(owner);
        var id = await CreatedIdAsync(await owner.PostAsJsonAsync("/api/activities/contract-documents", SaleOfShow(activity, client)));
        var before = await CountAsync();

        await (await other.PostAsJsonAsync("/api/activities/contract-documents", SaleOfShow(activity, client))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/contract-documents/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/contract-documents/{id}/html")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/activities/{activity}/contract-documents")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, await CountAsync());
    }

    private Task<int> CountAsync() => StoredAsync<StoredContractDocument>(app);
}
