using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Tables;
using static Smart.Modules.Reporting.Tables.TableBuilder;

namespace Smart.UnitTests.Reporting;

public sealed class TableBuilderTests
{
    private static TableBuilder Contracts() => new("contrats", "Contrats", "Type",
        Distinct("salaries", "Salariés"), Count("contrats", "Contrats"), Quantity("jours", "Jours"), Quantity("heures", "Heures"),
        Quotient("etp", "ETP", "heures", null, 1607m), Quotient("jours-contrat", "Jours par contrat", "jours", "contrats"),
        Quotient("contrats-salarie", "Contrats par salarié", "contrats", "salaries"), Money("brut", "Brut"));

    private static decimal? Value(ReportTable table, ReportRow row, string column) => row.Values[table.Columns.ToList().FindIndex(c => c.Key == column)];

    [Fact]
    public void Given_rows_Then_additive_totals_are_the_sums_and_ratios_are_recomputed_from_the_summed_parts()
    {
        // CDDU: 2 persons, 5 contracts, 12 days, 96 h; CDD: 1 person (also in CDDU), 1 contract, 20 days, 140 h.
        var table = Contracts()
            .Row("CDDU", ("salaries", 2), ("contrats", 5), ("jours", 12), ("heures", 96), ("brut", 1234.565m))
            .Row("CDD", ("salaries", 1), ("contrats", 1), ("jours", 20), ("heures", 140), ("brut", 2800m))
            .DistinctTotal("salaries", 2)
            .Build();

        Assert.Equal(2.4m, Value(table, table.Rows[0], "jours-contrat"));
        Assert.Equal(20m, Value(table, table.Rows[1], "jours-contrat"));
        Assert.Equal(0.0597m, Value(table, table.Rows[0], "etp")); // 96 / 1607
        Assert.Equal(1234.57m, Value(table, table.Rows[0], "brut"));
        Assert.Equal(6m, Value(table, table.Total, "contrats"));
        Assert.Equal(32m, Value(table, table.Total, "jours"));
        Assert.Equal(236m, Value(table, table.Total, "heures"));
        Assert.Equal(4034.57m, Value(table, table.Total, "brut"));
        // Distinct persons are counted once over the table (2, not 3); ratios come from the total's own parts:
        Assert.Equal(2m, Value(table, table.Total, "salaries"));
        Assert.Equal(5.3333m, Value(table, table.Total, "jours-contrat")); // 32 / 6, not the mean of 2.4 and 20
        Assert.Equal(3m, Value(table, table.Total, "contrats-salarie")); // 6 / 2
        Assert.Equal(0.1469m, Value(table, table.Total, "etp")); // 236 / 1607
    }

    [Fact]
    public void Given_growth_and_share_columns_Then_the_total_row_has_the_overall_growth_and_a_100_percent_share()
    {
        var table = new TableBuilder("ca", "CA", "Module", Money("ca", "CA"), Money("avant", "N-1"), Growth("evolution", "Évolution", "ca", "avant"), Share("part", "Part", "ca"))
            .Row("Spectacle", ("ca", 3000m), ("avant", 2000m))
            .Row("Formation", ("ca", 1000m), ("avant", 0m))
            .Build();

        Assert.Equal(0.5m, Value(table, table.Rows[0], "evolution"));
        Assert.Null(Value(table, table.Rows[1], "evolution")); // nothing the year before: no growth rate
        Assert.Equal(0.75m, Value(table, table.Rows[0], "part"));
        Assert.Equal(0.25m, Value(table, table.Rows[1], "part"));
        Assert.Equal(1m, Value(table, table.Total, "evolution")); // 4000 / 2000 − 1
        Assert.Equal(1m, Value(table, table.Total, "part"));
    }

    [Fact]
    public void Given_a_distinct_column_without_its_total_or_an_unknown_column_Then_the_table_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Contracts().Row("CDDU", ("salaries", 1)).Build());
        Assert.Throws<ArgumentException>(() => Contracts().Row("CDDU", ("etp", 1)));
    }
}
