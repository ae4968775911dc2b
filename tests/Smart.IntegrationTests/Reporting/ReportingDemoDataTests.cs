using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Seed;
using Smart.Modules.Governance.Seed;
using Smart.Modules.Payroll;
using Smart.Modules.Reporting;
using Smart.Modules.Reporting.Contracts;
using static Smart.IntegrationTests.Reporting.ReportingScenario;

namespace Smart.IntegrationTests.Reporting;

public sealed class ReportingDemoDataTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Fact]
    public async Task Given_the_demo_seeds_of_the_other_modules_Then_the_reports_of_this_year_and_the_last_have_plausible_figures_from_their_events()
    {
        var structure = await app.SeedStructureAsync(members: 150);
        await app.InvokeAsync(new SeedCooperativeLifeDemoData());
        await app.InvokeAsync(new SeedDemoAssemblies());
        await app.InvokeAsync(new SeedCooperativeLifeDemoData()); // publishes nothing new
        await app.InvokeAsync(new SeedDemoAssemblies());
        await app.InvokeAsync(new SeedActivitiesDemoData());
        await app.WaitForBusIdleAsync();
        await new PayrollModule().SeedDemoDataAsync(app.Services, CancellationToken.None);
        await app.WaitForBusIdleAsync();
        await app.Services.GetRequiredService<IReportingStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var staff = await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);
        var year = DateTime.UtcNow.Year;
        foreach (var reported in new[] { year, year - 1 })
        {
            var report = (await staff.GetApiAsync<AnnualReport>($"/api/reporting/entities/{structure.EntityId}/reports/{reported}"))!;
            Assert.Equal("SmartFr", report.EntityCode);
            Assert.True(Value(report, "membres-genre", "Total", "inscrits") > 100, $"{reported}: registered");
            Assert.True(Value(report, "membres-genre", "Total", "actifs") > 10, $"{reported}: active");
            // The seed's member life rules reach the report: its members are classified by them.
            Assert.True(Value(report, "typologie-bureaux", "Total", "inscrits") > 100, $"{reported}: classified");
            Assert.True(Value(report, "facturation-modules", "Total", "ca") > 10_000m, $"{reported}: revenue");
            Assert.True(Value(report, "facturation-modules", "Total", "documents") > 20, $"{reported}: documents");
        }
        var thisYear = (await staff.GetApiAsync<AnnualReport>($"/api/reporting/entities/{structure.EntityId}/reports/{year}"))!;
        Assert.True(Value(thisYear, "contrats-types", "Total", "contrats") > 0, "contracts");
        // Governance's seed publishes its register and its closed assembly as the real handlers do.
        var shareholders = Value(thisYear, "actionnaires-categories", "Total", "actionnaires");
        Assert.True(shareholders > 100, $"shareholders: {shareholders}");
        Assert.Equal(shareholders, Value(thisYear, "actionnaires-colleges", "Total", "actionnaires"));
        Assert.True(Value(thisYear, "actionnaires-categories", "Total", "encours") > 0m, "capital");
        Assert.Single(thisYear.Tables.Single(t => t.Key == "assemblees").Rows);
    }
}
