using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Tables;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Reporting.AnnualReportTests;
using static Smart.IntegrationTests.Reporting.ReportingScenario;

namespace Smart.IntegrationTests.Reporting;

/// <summary>
/// The fixture year (ReportingScenario, clock on 2 March 2026) plus, hand-counted:
/// <list type="bullet">
/// <item>Member life rules set through Governance's API: from 2 March 2026 SmartFr's (3,000 € or 3 contracts, 20 %), from
/// 1 June 2026 5,600.01 € or 4 contracts and 50 % — the June version is in force on 31 December.</item>
/// <item>Denis registers in Paris and does nothing: inactive.</item>
/// <item>Advisors: in Lille Claire (since 2025-09-01), Emma (from 2026-03-02) and Bruno until 2026-06-30; in Paris Farid
/// (from 2026-01-05). On 31 December: Lille 2, Paris 1.</item>
/// <item>Two contract-management (GDC) contracts published by Payroll: a CDD employee of 2 days, 14 hours, 300.00 gross
/// (a woman born 1995) starting 1 April 2026, and one of 2025 that the year does not count.</item>
/// </list>
/// Typology on 31 December: Alice 5,600.00 € and 3 contracts occasional (one cent and one contract short), Bruno 1,000 €
/// occasional, Chloé 6,000 € active, Denis inactive. Local budgets (10 % contribution on the 2 March invoices, 20 % of it
/// by the March rules): Lille (6,000 − 400 + 1,500 − 500) × 10 % × 20 % = 132.00; Paris 6,000 × 10 % × 20 % = 120.00.
/// </summary>
public sealed class OfficesReportFixture : IAsyncLifetime
{
    public ReportingApp App { get; } = new();

    public ReportingScenario Scenario { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Scenario = await new ReportingScenario(App).StartAsync();
        var admin = await App.AdminClientAsync(Scenario.Structure);
        await RulesAsync(admin, new DateOnly(2026, 3, 2), 3_000m, 3, 0.20m);
        await RulesAsync(admin, new DateOnly(2026, 6, 1), 5_600.01m, 4, 0.50m);
        await CreatedIdAsync(await admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName = "Denis", lastName = "Fixture", email = $"denis-{Guid.NewGuid():N}@example.org", gender = "Male",
            birthDate = new DateOnly(1985, 2, 1), officeId = Scenario.Structure.ParisOfficeId,
        }));
        await AdvisorAsync(admin, Scenario.Structure.LilleOfficeId, "Claire Lefebvre", "2025-09-01", null);
        await AdvisorAsync(admin, Scenario.Structure.LilleOfficeId, "Bruno Caron", "2024-01-08", "2026-06-30");
        await AdvisorAsync(admin, Scenario.Structure.LilleOfficeId, "Emma Roux", "2026-03-02", null);
        await AdvisorAsync(admin, Scenario.Structure.ParisOfficeId, "Farid Haddad", "2026-01-05", null);
        await App.PublishAsync(Gdc(new DateOnly(2026, 4, 1), 2m, 14m, 300m));
        await App.PublishAsync(Gdc(new DateOnly(2025, 11, 3), 1m, 7m, 150m));
        await Scenario.SettledAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();

    private async Task RulesAsync(HttpClient admin, DateOnly effectiveFrom, decimal activeRevenue, int activeContracts, decimal localBudgetShare)
    {
        var response = await admin.PostAsJsonAsync($"/api/governance/entities/{Scenario.EntityId}/member-life-rules", new
        {
            effectiveFrom, activeRevenue, activeContracts, localBudgetShare, sponsorMinimumMonths = 12, maxNewcomersPerSponsor = 3, newcomerMonths = 6,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task AdvisorAsync(HttpClient admin, Guid officeId, string fullName, string startsOn, string? endsOn)
    {
        var id = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/governance/advisors",
            new { officeId, fullName, email = $"{fullName.Replace(' ', '.')}-{Guid.NewGuid():N}@smart.coop", startsOn }));
        if (endsOn is null) return;
        var ended = await admin.PostAsJsonAsync($"/api/governance/advisors/{id}/end", new { endsOn });
        Assert.True(ended.IsSuccessStatusCode, await ended.Content.ReadAsStringAsync());
    }

    private GdcContractDeclared Gdc(DateOnly start, decimal days, decimal hours, decimal gross) =>
        new(Guid.NewGuid(), Scenario.EntityId, Scenario.Structure.LilleOfficeId, Guid.NewGuid(), Guid.NewGuid(), EmployeeGender.Female, new DateOnly(1995, 8, 1),
            ContractKind.Cdd, ContractCategory.Employee, start, start.AddDays((int)days - 1), days, hours, gross, 0m, start);
}

public sealed class OfficesReportTests(OfficesReportFixture fixture) : IClassFixture<OfficesReportFixture>
{
    private ReportingScenario Scenario => fixture.Scenario;

    [Fact]
    public async Task Given_the_fixture_year_Then_the_offices_table_holds_advisors_sessions_new_members_active_activities_and_revenue()
    {
        var report = await Scenario.ReportAsync();

        // advisors on 31 December, information sessions, workshops, participants, new members, active activities, net revenue
        Assert.Equal<decimal?>([2m, 1m, 0m, 1m, 0m, 2m, 6600m], Row(report, "bureaux", "Lille"));
        Assert.Equal<decimal?>([1m, 1m, 1m, 2m, 2m, 1m, 6000m], Row(report, "bureaux", "Paris"));
        Assert.Equal<decimal?>([3m, 2m, 1m, 3m, 2m, 3m, 12600m], Row(report, "bureaux", "Total"));
        Assert.DoesNotContain(report.Tables, t => t.Key is "membres-bureaux" or "formation-bureaux");
    }

    [Fact]
    public async Task Given_rules_set_in_Governance_Then_members_are_classified_by_those_in_force_on_31_December_and_budgets_by_those_of_each_invoice_date()
    {
        var report = await Scenario.ReportAsync();

        // registered, inactive, occasional, active, share of the active, local budget
        Assert.Equal<decimal?>([2m, 0m, 2m, 0m, 0m, 132.00m], Row(report, "typologie-bureaux", "Lille"));
        Assert.Equal<decimal?>([2m, 1m, 0m, 1m, 1m, 120.00m], Row(report, "typologie-bureaux", "Paris"));
        Assert.Equal<decimal?>([4m, 1m, 2m, 1m, 1m, 252.00m], Row(report, "typologie-bureaux", "Total"));
        Assert.Contains("5\u202f600,01 €", report.Tables.Single(t => t.Key == "typologie-bureaux").Note);
    }

    [Fact]
    public async Task Given_GDC_contracts_Then_the_contracts_tables_count_them_apart_by_kind_and_in_the_gender_and_age_bands()
    {
        var report = await Scenario.ReportAsync();

        // salaried, contracts, days, hours, FTE (14 ÷ 1,607), days per contract, contracts per person, gross
        Assert.Equal<decimal?>([1m, 1m, 2m, 14m, 0.0087m, 2m, 1m, 300m], Row(report, "contrats-types", $"{ContractsSection.GdcLabel} – CDD – employé"));
        Assert.Equal<decimal?>([3m, 5m, 12m, 84m], Row(report, "contrats-types", "Total")[..4]);
        Assert.Equal(4m, Value(report, "contrats-genre", "Femmes", "contrats")); // Alice's 3 and the GDC employee's
        Assert.Equal(2m, Value(report, "contrats-age", "30–40 ans", "salaries")); // Alice (36) and the GDC employee (born 1995: 31 on 31 December 2026)
        Assert.Equal(5m, Value(report, "contrats-age", "Total", "contrats"));
        Assert.Equal(14m, Value(report, "accidents-travail", "Salariés en gestion de contrats", "heures"));
    }

    [Fact]
    public async Task Given_a_platform_admin_Then_the_cooperative_report_has_a_row_per_entity_and_counts_a_person_once_in_the_total()
    {
        var platformAdmin = await fixture.App.ClientAsync(SmartRoles.Admin);
        var code = (await platformAdmin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/governance/entities/{Scenario.EntityId}")).GetProperty("code").GetString()!;

        var response = await platformAdmin.GetAsync($"/api/reporting/reports/{Year}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadApiAsync<AnnualReport>())!;
        var table = Assert.Single(report.Tables);
        Assert.Equal("entites", table.Key);
        // registered, active persons, salaried persons (Alice, Bruno, the 2026 GDC employee), net revenue
        Assert.Equal<decimal?>([4m, 3m, 3m, 12600m], Row(report, "entites", code));
        Assert.Equal(table.Rows.Sum(r => r.Values[0]), table.Total.Values[0]);
        Assert.Equal(table.Rows.Sum(r => r.Values[3]), table.Total.Values[3]);
        Assert.True(table.Total.Values[1] <= table.Rows.Sum(r => r.Values[1]));
    }

    [Fact]
    public async Task Given_staff_of_one_entity_or_a_year_out_of_range_Then_the_cooperative_report_is_404_or_400()
    {
        var entityAdmin = await fixture.App.AdminClientAsync(Scenario.Structure);
        var advisor = await fixture.App.ClientAsync(SmartRoles.Advisor, entityId: Scenario.EntityId, officeId: Scenario.Structure.LilleOfficeId);
        var platformAdmin = await fixture.App.ClientAsync(SmartRoles.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await entityAdmin.GetAsync($"/api/reporting/reports/{Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/api/reporting/reports/{Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platformAdmin.GetAsync("/api/reporting/reports/1999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/api/reporting/entities/{Scenario.Structure.OtherEntityId}/reports/{Year}/tables/typologie-bureaux"))
            .StatusCode);
    }
}
