using System.Net;
using System.Net.Http.Json;
using System.Text;
using ClosedXML.Excel;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Reporting;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Features.Reports;
using UglyToad.PdfPig;
using static Smart.IntegrationTests.Reporting.ReportingScenario;

namespace Smart.IntegrationTests.Reporting;

/// <summary>One fixture year for the whole class: building it through the API is the slow part.</summary>
public sealed class ReportingFixture : IAsyncLifetime
{
    public ReportingApp App { get; } = new();

    public ReportingScenario Scenario { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Scenario = await new ReportingScenario(App).StartAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}

public sealed class AnnualReportTests(ReportingFixture fixture) : IClassFixture<ReportingFixture>
{
    private ReportingScenario Scenario => fixture.Scenario;

    private SmartApp App => fixture.App;

    [Fact]
    public async Task Given_the_fixture_year_Then_members_and_activities_are_the_hand_counted_ones_by_office_gender_and_age()
    {
        var report = await Scenario.ReportAsync();

        Assert.Equal(Year, report.Year);
        Assert.Equal(1607m, report.Definitions.AnnualHoursPerFte);
        // Lille: Alice and Bruno (registered 2025, so no new member), 2 active activities, 6,000 − 400 + 1,500 − 500 = 6,600.
        Assert.Equal<decimal?>([0m, 2m, 6600m], Row(report, "bureaux", "Lille")[4..]);
        Assert.Equal<decimal?>([1m, 1m, 6000m], Row(report, "bureaux", "Paris")[4..]);
        Assert.Equal<decimal?>([1m, 3m, 12600m], Row(report, "bureaux", "Total")[4..]);
        Assert.Equal(3m, Value(report, "membres-genre", "Total", "actifs"));
        Assert.Equal(2m, Value(report, "membres-genre", "Femmes", "actifs"));
        Assert.Equal(0.6667m, Value(report, "membres-genre", "Femmes", "part"));
        Assert.Equal(1m, Value(report, "membres-genre", "Hommes", "inscrits"));
        // Ages on 31 December 2026: Bruno 26, Alice 36, Chloé 56.
        Assert.Equal(1m, Value(report, "membres-age", "20–29 ans", "actifs"));
        Assert.Equal(1m, Value(report, "membres-age", "30–40 ans", "actifs"));
        Assert.Equal(1m, Value(report, "membres-age", "51 ans et plus", "nouveaux"));
        Assert.Equal(0m, Value(report, "membres-age", "41–50 ans", "inscrits"));
    }

    [Fact]
    public async Task Given_the_fixture_year_Then_invoicing_by_module_type_and_country_has_the_hand_counted_amounts_growth_and_shares()
    {
        var report = await Scenario.ReportAsync();

        // Module: activities, documents (invoices and credit notes), clients, net, previous year, growth, share.
        Assert.Equal<decimal?>([1m, 6m, 2m, 5600m, 2000m, 1.8m, 0.4444m], Row(report, "facturation-modules", "Spectacle vivant"));
        Assert.Equal<decimal?>([1m, 4m, 1m, 1000m, 0m, null, 0.0794m], Row(report, "facturation-modules", "Formation"));
        Assert.Equal<decimal?>([1m, 2m, 1m, 6000m, 0m, null, 0.4762m], Row(report, "facturation-modules", "Projets créatifs"));
        Assert.Equal<decimal?>([3m, 12m, 4m, 12600m, 2000m, 5.3m, 1m], Row(report, "facturation-modules", "Total"));
        Assert.Equal<decimal?>([10m, 13500m, 2000m, 1.0714m], Row(report, "facturation-types", "Factures"));
        Assert.Equal<decimal?>([2m, -900m, 0m, -0.0714m], Row(report, "facturation-types", "Avoirs"));
        Assert.Equal(12600m, Value(report, "facturation-types", "Total", "ca"));
        Assert.Equal<decimal?>([2m, 9m, 4600m, 0.3651m], Row(report, "facturation-pays", "FR"));
        Assert.Equal<decimal?>([2m, 3m, 8000m, 0.6349m], Row(report, "facturation-pays", "BE"));
        Assert.Equal(8000m, Value(report, "facturation-etranger", "Étranger", "ca"));
        Assert.Equal(0.6349m, Value(report, "facturation-etranger", "Étranger", "part"));
        Assert.Equal(12600m, Value(report, "facturation-mensuelle", "mars", "ca"));
        Assert.Equal(2000m, Value(report, "facturation-mensuelle", "juin", "ca-precedent"));
    }

    [Fact]
    public async Task Given_the_fixture_year_Then_contracts_FTE_days_per_contract_contracts_per_person_and_billing_bands_are_the_hand_counted_ones()
    {
        var report = await Scenario.ReportAsync();

        // 4 contracts, 2 persons, 10 days, 70 h: FTE 70 / 1,607 = 0.04, 2.5 days per contract, 2 contracts per person.
        Assert.Equal<decimal?>([2m, 4m, 10m, 70m], Row(report, "contrats-types", "Total")[..4]);
        Assert.Equal(0.04m, Math.Round(Value(report, "contrats-types", "Total", "etp")!.Value, 2));
        Assert.Equal(2.50m, Math.Round(Value(report, "contrats-types", "Total", "jours-contrat")!.Value, 2));
        Assert.Equal(2.00m, Math.Round(Value(report, "contrats-types", "Total", "contrats-salarie")!.Value, 2));
        Assert.Equal<decimal?>([1m, 3m, 6m, 42m, 0.0261m, 2m, 3m], Row(report, "contrats-types", "CDDU – artistique")[..7]);
        Assert.Equal<decimal?>([1m, 1m, 4m, 28m, 0.0174m, 4m, 1m], Row(report, "contrats-types", "CDD – employé")[..7]);
        Assert.True(Value(report, "contrats-types", "Total", "brut") > 0);
        Assert.Equal(3m, Value(report, "contrats-genre", "Femmes", "contrats"));
        Assert.Equal(1m, Value(report, "contrats-age", "20–29 ans", "contrats"));
        // Average monthly invoicing (÷ 12): Alice 5,600 → 466.67, Bruno 1,000 → 83.33, Chloé 6,000 → 500.00.
        Assert.Equal<decimal?>([2m, 0.6667m, 6600m], Row(report, "tranches-facturation", "0–500 €"));
        Assert.Equal<decimal?>([1m, 0.3333m, 6000m], Row(report, "tranches-facturation", "500–1\u202f500 €"));
        Assert.Equal<decimal?>([0m, 0m, 0m], Row(report, "tranches-facturation", "> 3\u202f000 €"));
    }

    [Fact]
    public async Task Given_every_table_of_the_report_Then_each_additive_total_is_the_sum_of_its_rows()
    {
        var report = await Scenario.ReportAsync();

        Assert.Equal(24, report.Tables.Count);
        foreach (var table in report.Tables)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                if (column.Distinct || column.Kind is ColumnKind.Ratio or ColumnKind.Percentage) continue;
                Assert.True(table.Rows.Sum(r => r.Values[c]) == table.Total.Values[c], $"{table.Key}.{column.Key}: total {table.Total.Values[c]}, rows {table.Rows.Sum(r => r.Values[c])}");
            }
        }
    }

    [Fact]
    public async Task Given_a_redelivered_message_Then_it_counts_once()
    {
        var before = await Scenario.ReportAsync();
        var recorded = await App.QueryStoreAsync<IReportingStore, Smart.Modules.Reporting.Journal.InvoiceRecorded>(async session =>
            (Smart.Modules.Reporting.Journal.InvoiceRecorded)(await session.Events.FetchStreamAsync(Scenario.AnInvoiceId))[0].Data);

        await App.PublishAsync(new Smart.Modules.Activities.Contracts.InvoiceIssued(recorded.InvoiceId, "X", recorded.EntityId, recorded.ActivityId, recorded.ClientId,
            "Client", "PublicBody", recorded.IssueDate, recorded.IssueDate, recorded.Net, 0, recorded.Net, "EUR", 0, recorded.OfficeId, recorded.CoordinatorId, null,
            recorded.ClientCountry, Smart.Modules.Activities.Contracts.InvoiceDocumentType.Invoice, recorded.Kind));
        await Scenario.SettledAsync();

        Assert.Equal(Json(before), Json(await Scenario.ReportAsync()));
    }

    [Fact]
    public async Task Given_every_projection_rebuilt_from_the_journal_Then_the_report_is_the_same_byte_for_byte()
    {
        var before = await (await Scenario.Admin.GetAsync(Scenario.ReportUri)).Content.ReadAsByteArrayAsync();

        var platformAdmin = await App.ClientAsync(SmartRoles.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await platformAdmin.PostAsync("/api/reporting/projections/rebuild", null)).StatusCode);
        await Scenario.SettledAsync();

        var after = await (await Scenario.Admin.GetAsync(Scenario.ReportUri)).Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetString(before), Encoding.UTF8.GetString(after));
        await (await Scenario.Admin.PostAsync("/api/reporting/projections/rebuild", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Given_one_table_Then_JSON_and_CSV_serve_it_with_its_total_row()
    {
        var table = (await Scenario.Admin.GetFromJsonAsync<ReportTable>($"{Scenario.ReportUri}/tables/facturation-modules", ApiJson.Options))!;
        Assert.Equal("Facturation HT par module", table.Title);
        Assert.Equal(12600m, table.Total.Values[3]);

        var csv = await Scenario.Admin.GetAsync($"{Scenario.ReportUri}/tables/facturation-modules/csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Module,Activités facturées,Documents,Clients,Chiffre d'affaires net HT,Année précédente,Évolution,Part", lines[0]);
        Assert.Equal("Total,3,12,4,12600,2000,5.3,1", lines[^1]);
        Assert.Equal(5, lines.Length); // header, three modules, total

        await (await Scenario.Admin.GetAsync($"{Scenario.ReportUri}/tables/nope")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Scenario.Admin.GetAsync($"{Scenario.ReportUri}/tables/nope/csv")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_the_workbook_Then_it_has_one_sheet_per_table_with_numbers_as_numbers()
    {
        var response = await Scenario.Admin.GetAsync($"{Scenario.ReportUri}/xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(24, workbook.Worksheets.Count);
        var sheet = workbook.Worksheet("facturation-modules");
        Assert.Equal("Facturation HT par module", sheet.Cell(1, 1).GetString());
        Assert.Equal("Total", sheet.Cell(7, 1).GetString());
        Assert.Equal(12600d, sheet.Cell(7, 5).GetDouble());
    }

    [Fact]
    public async Task Given_the_printable_report_Then_the_page_has_its_charts_and_the_PDF_reads_back_in_French()
    {
        var html = WebUtility.HtmlDecode(await (await Scenario.Admin.GetAsync($"{Scenario.ReportUri}/html")).Content.ReadAsStringAsync());
        Assert.Contains($"Rapport d'activité {Year}", html);
        Assert.Equal(2, html.Split("<svg").Length - 1);
        Assert.Contains("<polyline", html);

        var pdf = await Scenario.Admin.GetAsync($"{Scenario.ReportUri}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("Facturation HT par module", text);
        Assert.Contains("Chiffre d'affaires net HT mois par mois", text);
        Assert.Contains("12 600,00 €", text.Replace('\u202f', ' '));
        Assert.Contains("Contrats par type et catégorie", text);
    }

    [Fact]
    public async Task Given_callers_who_may_not_see_the_report_or_a_year_out_of_range_Then_404_and_400()
    {
        var member = await App.ClientAsync(SmartRoles.Member, Guid.NewGuid(), Scenario.EntityId, Scenario.Structure.LilleOfficeId);
        await (await member.GetAsync(Scenario.ReportUri)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.GetAsync($"{Scenario.ReportUri}/pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        var otherEntity = await App.ClientAsync(SmartRoles.Operator, entityId: Scenario.Structure.OtherEntityId);
        await (await otherEntity.GetAsync(Scenario.ReportUri)).AssertProblemAsync(HttpStatusCode.NotFound);
        var platformAdmin = await App.ClientAsync(SmartRoles.Admin);
        await (await platformAdmin.GetAsync($"/api/reporting/entities/{Guid.NewGuid()}/reports/{Year}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await platformAdmin.GetAsync(Scenario.ReportUri)).StatusCode);
        var advisor = await App.ClientAsync(SmartRoles.Advisor, entityId: Scenario.EntityId, officeId: Scenario.Structure.ParisOfficeId);
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync($"{Scenario.ReportUri}/xlsx")).StatusCode);

        await (await Scenario.Admin.GetAsync($"/api/reporting/entities/{Scenario.EntityId}/reports/1999")).AssertFieldErrorsAsync("year");
        await (await Scenario.Admin.GetAsync($"/api/reporting/entities/{Scenario.EntityId}/reports/2027/html")).AssertFieldErrorsAsync("year");
    }

    [Fact]
    public async Task Given_new_definitions_from_a_date_Then_reports_of_later_years_use_them_and_bad_ones_are_400()
    {
        var defaults = (await Scenario.Admin.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/reporting/definitions", ApiJson.Options))!;
        Assert.Equal(1607m, Assert.Single(defaults).GetProperty("annualHoursPerFte").GetDecimal());

        await (await Scenario.Admin.PutAsJsonAsync("/api/reporting/definitions", new
        {
            effectiveFrom = new DateOnly(2026, 1, 1), annualHoursPerFte = 0m, billingBandLimits = new[] { 1500m, 500m }, monthlyAverage = "CalendarMonths", homeCountry = "France",
        })).AssertFieldErrorsAsync("annualHoursPerFte", "billingBandLimits", "homeCountry");
        await (await Scenario.Admin.PutAsJsonAsync("/api/reporting/definitions", new
        {
            effectiveFrom = new DateOnly(2026, 1, 1), annualHoursPerFte = 1600m, billingBandLimits = new[] { 500m }, monthlyAverage = "InvoicedMonths", homeCountry = "FR",
        })).AssertFieldErrorsAsync("effectiveFrom"); // before today: never retroactive
        var operatorClient = await App.ClientAsync(SmartRoles.Operator, entityId: Scenario.EntityId);
        await (await operatorClient.PutAsJsonAsync("/api/reporting/definitions", new { })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var put = await Scenario.Admin.PutAsJsonAsync("/api/reporting/definitions", new
        {
            effectiveFrom = new DateOnly(2026, 6, 1), annualHoursPerFte = 1600m, billingBandLimits = new[] { 1500m }, monthlyAverage = "InvoicedMonths", homeCountry = "BE",
        });
        Assert.True(put.StatusCode == HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());
        try
        {
            var report = await Scenario.ReportAsync();
            Assert.Equal(0.0438m, Value(report, "contrats-types", "Total", "etp")); // 70 / 1,600
            // Over the months invoiced (all in March): Alice 5,600, Bruno 1,000, Chloé 6,000 a month: all but Bruno above 1,500.
            Assert.Equal<decimal?>([1m, 0.3333m, 1000m], Row(report, "tranches-facturation", "0–1\u202f500 €"));
            Assert.Equal<decimal?>([2m, 0.6667m, 11600m], Row(report, "tranches-facturation", "> 1\u202f500 €"));
            Assert.Equal(8000m, Value(report, "facturation-etranger", "BE (pays de l'entité)", "ca"));
        }
        finally
        {
            // Back to the defaults' figures for the other tests of the class.
            await Scenario.Admin.PutAsJsonAsync("/api/reporting/definitions", new
            {
                effectiveFrom = new DateOnly(2026, 6, 1), annualHoursPerFte = 1607m, billingBandLimits = new[] { 500m, 1500m, 3000m }, monthlyAverage = "CalendarMonths",
                homeCountry = "FR",
            });
        }
    }

    internal static decimal?[] Row(AnnualReport report, string table, string row)
    {
        var t = report.Tables.Single(x => x.Key == table);
        return [.. (row == "Total" ? t.Total : t.Rows.Single(x => x.Label == row)).Values];
    }

    private static string Json(AnnualReport report) => System.Text.Json.JsonSerializer.Serialize(report);
}
