using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Reporting;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Journal;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Payroll.GdcScenario;
using static Smart.IntegrationTests.Reporting.ReportingScenario;

namespace Smart.IntegrationTests.Reporting;

/// <summary>The work-accident table, from accidents recorded through Payroll's API on the fixture's members' contracts (70 hours in 2026).</summary>
public sealed class WorkAccidentsReportTests(ReportingFixture fixture) : IClassFixture<ReportingFixture>
{
    [Fact]
    public async Task Given_an_accident_revised_from_4_to_12_days_and_one_without_lost_time_Then_the_table_counts_them_and_recomputes_the_rates()
    {
        var scenario = fixture.Scenario;
        var app = fixture.App;
        var (aliceContract, brunoContract) = await ContractsAsync(app, scenario.EntityId);
        app.Clock!.Advance(TimeSpan.FromDays(18)); // 2026-03-20: both contracts (from 9 March) have started
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: scenario.EntityId, officeId: scenario.Structure.LilleOfficeId);

        var accidentId = await CreatedIdAsync(await advisor.PostAsJsonAsync($"/api/payroll/contracts/{aliceContract}/accidents",
            new { date = new DateOnly(2026, 3, 10), daysLost = 4, description = "Chute d'un praticable" }));
        await CreatedIdAsync(await advisor.PostAsJsonAsync($"/api/payroll/contracts/{brunoContract}/accidents",
            new { date = new DateOnly(2026, 3, 11), daysLost = 0, description = "Coupure légère, soignée sur place" }));
        await app.WaitForBusIdleAsync();
        AssertStatus(HttpStatusCode.OK, await advisor.PutAsJsonAsync($"/api/payroll/accidents/{accidentId}/days-lost", new { daysLost = 12 }));
        await scenario.SettledAsync();

        var report = await scenario.ReportAsync(await app.AdminClientAsync(scenario.Structure)); // the fixture admin's login is older than the clock's move

        Assert.Equal(70m, Value(report, "accidents-travail", "Membres", "heures"));
        Assert.Equal(1m, Value(report, "accidents-travail", "Membres", "avec-arret"));
        Assert.Equal(1m, Value(report, "accidents-travail", "Membres", "sans-arret"));
        Assert.Equal(12m, Value(report, "accidents-travail", "Membres", "jours-perdus")); // the revision replaces the 4 days
        Assert.Equal(14285.71m, Value(report, "accidents-travail", "Membres", "frequence")); // 1 × 1,000,000 ÷ 70
        Assert.Equal(171.43m, Value(report, "accidents-travail", "Membres", "gravite")); // 12 × 1,000 ÷ 70
        Assert.Equal(0m, Value(report, "accidents-travail", "Salariés en gestion de contrats", "heures"));
        Assert.Null(Value(report, "accidents-travail", "Salariés en gestion de contrats", "frequence"));
        Assert.Equal(14285.71m, Value(report, "accidents-travail", "Total", "frequence"));
        Assert.Equal(171.43m, Value(report, "accidents-travail", "Total", "gravite"));

        var table = report.Tables.Single(t => t.Key == "accidents-travail");
        for (var c = 0; c < table.Columns.Count; c++)
        {
            if (table.Columns[c].Kind is ColumnKind.Ratio) continue;
            Assert.Equal(table.Rows.Sum(r => r.Values[c]), table.Total.Values[c]);
        }
    }

    /// <summary>The Payroll contract ids of Alice's first CDDU (3 days from 9 March) and Bruno's CDD, as the journal recorded them.</summary>
    private static async Task<(Guid Alice, Guid Bruno)> ContractsAsync(SmartApp app, Guid entityId)
    {
        await using var session = app.Services.GetRequiredService<IReportingStore>().QuerySession();
        var contracts = (await session.Events.QueryRawEventDataOnly<ContractRecorded>().ToListAsync()).Where(c => c.EntityId == entityId).ToList();
        return (contracts.Single(c => c.Kind == ContractKind.Cddu && c.Days == 3).ContractId, contracts.Single(c => c.Kind == ContractKind.Cdd).ContractId);
    }
}
