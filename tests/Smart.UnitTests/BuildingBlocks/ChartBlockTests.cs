using Smart.BuildingBlocks.Documents;
using UglyToad.PdfPig;

namespace Smart.UnitTests.BuildingBlocks;

public sealed class ChartBlockTests
{
    private static PrintableDocument WithCharts() => new("Rapport d'activité 2026", "rapport",
    [
        new ChartBlock("Chiffre d'affaires par module", ChartKind.Bar, ["Spectacle vivant", "Formation"],
            [new ChartSeries("2025", [1200m, 0m]), new ChartSeries("2026", [3000m, -250m])]),
        new ChartBlock("Chiffre d'affaires mensuel", ChartKind.Line, ["janvier", "février", "mars"], [new ChartSeries("2026", [100m, 400m, 250m])]),
    ]);

    [Fact]
    public void Given_a_bar_and_a_line_chart_Then_the_page_draws_them_as_inline_SVG_with_one_bar_per_value_and_one_line_per_series()
    {
        var html = DocumentHtml.Render(WithCharts());

        Assert.Equal(2, html.Split("<svg").Length - 1);
        Assert.Equal(4 + 2 + 1, html.Split("<rect").Length - 1); // 4 bars, 2 legend squares of the bar chart, 1 of the line chart
        Assert.Single(html.Split("<polyline").Skip(1));
        Assert.Contains("Chiffre d&#39;affaires par module", html);
        Assert.Contains(">Spectacle vivant</text>", html);
        Assert.Contains(">3\u202f000</text>", html); // the axis reaches the highest value
    }

    [Fact]
    public void Given_charts_Then_the_PDF_draws_them_with_their_titles_legends_and_categories()
    {
        using var pdf = PdfDocument.Open(DocumentPdf.Render(WithCharts()));

        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Chiffre d'affaires par module", text);
        Assert.Contains("Chiffre d'affaires mensuel", text);
        Assert.Contains("2025", text);
        Assert.Contains("février", text);
    }

    [Fact]
    public void Given_values_Then_the_axis_runs_in_round_steps_from_below_the_lowest_to_above_the_highest()
    {
        var layout = new ChartLayout(new ChartBlock("t", ChartKind.Bar, ["a", "b"], [new ChartSeries("s", [-250m, 3000m])]));

        Assert.Equal((-1000m, 3000m, 1000m), (layout.Min, layout.Max, layout.Step));
        Assert.True(layout.Y(3000m) < layout.Y(0m));
    }
}
