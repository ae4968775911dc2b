using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Projections;
using Smart.Modules.Reporting.Tables;

namespace Smart.UnitTests.Reporting;

public sealed class WorkAccidentsTableTests
{
    private static decimal? Value(ReportTable table, ReportRow row, string column) => row.Values[table.Columns.ToList().FindIndex(c => c.Key == column)];

    private static AccidentCell Cell(AccidentWorker worker, decimal gdcHours, params (bool WithLostTime, int DaysLost)[] accidents) => new()
    {
        Worker = worker,
        GdcHours = gdcHours,
        Accidents = accidents.ToDictionary(_ => Guid.NewGuid(), a => new AccidentFigure(a.WithLostTime, a.DaysLost)),
    };

    [Fact]
    public void Given_the_2018_figures_Then_frequency_is_9_19_and_severity_0_23()
    {
        // 38 accidents with lost time totalling 971 calendar days, none without, over 4,135,413 hours.
        var lostTime = Enumerable.Range(0, 38).Select(i => (true, i == 0 ? 971 - 37 * 25 : 25)).ToArray();
        var table = WorkAccidentsSection.Build(4_135_413m, [Cell(AccidentWorker.Member, 0m, lostTime)]);

        var members = table.Rows[0];
        Assert.Equal(4_135_413m, Value(table, members, "heures"));
        Assert.Equal(38m, Value(table, members, "avec-arret"));
        Assert.Equal(971m, Value(table, members, "jours-perdus"));
        Assert.Equal(9.19m, Value(table, members, "frequence")); // 38 × 1,000,000 ÷ 4,135,413 = 9.1889
        Assert.Equal(0.23m, Value(table, members, "gravite")); // 971 × 1,000 ÷ 4,135,413 = 0.2348
        Assert.Equal(9.19m, Value(table, table.Total, "frequence"));
        Assert.Equal(0.23m, Value(table, table.Total, "gravite"));
    }

    [Fact]
    public void Given_members_and_gdc_employees_Then_the_total_rates_are_recomputed_from_the_summed_hours_and_accidents()
    {
        // Members: 100,000 h, 2 with lost time (10 + 5 days), 1 without; GDC: 50,000 h, 1 with lost time (30 days).
        var table = WorkAccidentsSection.Build(100_000m,
            [Cell(AccidentWorker.Member, 0m, (true, 10), (true, 5), (false, 0)), Cell(AccidentWorker.GdcEmployee, 50_000m, (true, 30))]);

        Assert.Equal(20m, Value(table, table.Rows[0], "frequence")); // 2 × 1e6 ÷ 100,000
        Assert.Equal(0.15m, Value(table, table.Rows[0], "gravite")); // 15 × 1e3 ÷ 100,000
        Assert.Equal(20m, Value(table, table.Rows[1], "frequence")); // 1 × 1e6 ÷ 50,000
        Assert.Equal(0.6m, Value(table, table.Rows[1], "gravite")); // 30 × 1e3 ÷ 50,000
        Assert.Equal(150_000m, Value(table, table.Total, "heures"));
        Assert.Equal(3m, Value(table, table.Total, "avec-arret"));
        Assert.Equal(1m, Value(table, table.Total, "sans-arret"));
        Assert.Equal(45m, Value(table, table.Total, "jours-perdus"));
        Assert.Equal(20m, Value(table, table.Total, "frequence")); // 3 × 1e6 ÷ 150,000
        Assert.Equal(0.3m, Value(table, table.Total, "gravite")); // 45 × 1e3 ÷ 150,000, not the mean of the rows' rates
    }

    [Fact]
    public void Given_no_hours_Then_the_rates_are_empty_rather_than_a_division_by_zero()
    {
        var table = WorkAccidentsSection.Build(0m, [Cell(AccidentWorker.Member, 0m, (true, 3))]);

        Assert.Null(Value(table, table.Total, "frequence"));
        Assert.Null(Value(table, table.Total, "gravite"));
    }
}
