using Smart.IntegrationTests.Infrastructure;
using Wolverine.Tracking;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Seed;
using static Smart.IntegrationTests.Reporting.ReportChecks;
using static Smart.IntegrationTests.Reporting.ReportingScenario;

namespace Smart.IntegrationTests.Reporting;

/// <summary>The demo's year at the 2018 scale (Smart:Demo:ReportingScale), at a tiny scale: delivered to Reporting's handlers only, once.</summary>
public sealed class ScaleDemoYearTests(SmartApp app) : IClassFixture<SmartApp>
{
    private static readonly (string Table, string Column)[] Cells =
        [("membres-genre", "inscrits"), ("facturation-modules", "documents"), ("contrats-types", "contrats")];

    [Fact]
    public async Task Given_the_scale_0_002_Then_last_years_report_gains_the_generated_members_and_invoices_and_a_second_delivery_changes_nothing()
    {
        var structure = await app.SeedStructureAsync(members: 20);
        var lastYear = DateTime.UtcNow.Year - 1;
        var before = Figures(await SettledReportAsync(app, structure, lastYear));

        ScaleYearEvents? year = null;
        var delivered = await app.TrackAsync(async () => (year, _) = await ScaleDemoYear.DeliverAsync(app.Services, 0.002, CancellationToken.None),
            timeout: TimeSpan.FromMinutes(3));
        // Only Reporting's handlers ran: a message several modules handle went to Reporting's own queue, named after its handler.
        var queues = delivered.Executed.Envelopes().Select(e => e.Destination!.ToString()).Distinct().ToList();
        Assert.NotEmpty(queues);
        Assert.DoesNotContain(queues, q => q.StartsWith("local://smart.modules.", StringComparison.Ordinal) && !q.StartsWith("local://smart.modules.reporting.", StringComparison.Ordinal));
        Assert.Contains(queues, q => q.StartsWith("local://smart.modules.reporting.", StringComparison.Ordinal));
        var after = Figures(await SettledReportAsync(app, structure, lastYear));
        Assert.NotNull(year);
        // ScaleYear's own output: 44 members, 440 invoices, 436 contracts at 0.002 of 2018's 22,000 / 220,000 / 218,000.
        Assert.Equal(year.Members.Count, after[0] - before[0]);
        Assert.Equal(year.Invoices.Count + year.CreditNotes.Count, after[1] - before[1]);
        Assert.Equal(year.Contracts.Count, after[2] - before[2]);

        await ScaleDemoYear.DeliverAsync(app.Services, 0.002, CancellationToken.None);
        Assert.Equal(after, Figures(await SettledReportAsync(app, structure, lastYear)));
    }

    private static decimal[] Figures(AnnualReport report) => Cells.Select(c => Value(report, c.Table, "Total", c.Column) ?? 0m).ToArray();
}
