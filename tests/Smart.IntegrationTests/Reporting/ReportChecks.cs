using System.Net;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Reporting;
using Smart.Modules.Reporting.Contracts;

namespace Smart.IntegrationTests.Reporting;

/// <summary>What the report tests of one area share: reading the report once everything is projected, and the totals check.</summary>
public static class ReportChecks
{
    /// <summary>Waits until every message was handled and the daemon projected every fact, then reads the entity's report of <paramref name="year"/> as its admin.</summary>
    public static async Task<AnnualReport> SettledReportAsync(SmartApp app, Structure structure, int year)
    {
        await app.WaitForBusIdleAsync();
        await app.Services.GetRequiredService<IReportingStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var response = await (await app.AdminClientAsync(structure)).GetAsync($"/api/reporting/entities/{structure.EntityId}/reports/{year}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadApiAsync<AnnualReport>())!;
    }

    /// <summary>In each of the tables named, every additive column's total is the sum of its rows.</summary>
    public static void AssertTotalsAreSums(AnnualReport report, params string[] tables)
    {
        foreach (var table in report.Tables.Where(t => tables.Contains(t.Key)))
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                if (table.Columns[c].Distinct || table.Columns[c].Kind is ColumnKind.Ratio or ColumnKind.Percentage) continue;
                Assert.Equal(table.Rows.Sum(r => r.Values[c]), table.Total.Values[c]);
            }
        }
        Assert.Equal(tables.Length, report.Tables.Count(t => tables.Contains(t.Key)));
    }
}
