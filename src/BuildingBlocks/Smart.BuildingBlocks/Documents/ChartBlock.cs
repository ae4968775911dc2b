namespace Smart.BuildingBlocks.Documents;

public enum ChartKind
{
    /// <summary>A group of bars per category, one per series.</summary>
    Bar,

    /// <summary>One line per series across the categories.</summary>
    Line,
}

/// <summary>A named series: one value per category of its chart.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);

/// <summary>
/// A bar or line chart under a title, with its values' axis and a legend: drawn as inline SVG on the HTML page and with
/// vector drawing in the PDF, from the same layout (<see cref="ChartLayout"/>), so both read the same.
/// </summary>
public sealed record ChartBlock(string Title, ChartKind Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series) : DocumentBlock;

/// <summary>Where a chart's pieces go, in points from its top left corner: the one geometry both renderers draw.</summary>
internal sealed class ChartLayout
{
    public const double Width = 495;
    public const double Height = 230;
    public static readonly IReadOnlyList<string> Colors = ["#2B6CB0", "#DD6B20", "#38A169", "#805AD5", "#D53F8C"];

    private const double Left = 70;
    private const double Right = 10;
    private const double Top = 22;
    private const double Bottom = 50;
    private const int Intervals = 4;

    private readonly ChartBlock _chart;

    public ChartLayout(ChartBlock chart)
    {
        _chart = chart;
        var values = chart.Series.SelectMany(s => s.Values).DefaultIfEmpty(0m).ToList();
        var (low, high) = (Math.Min(0m, values.Min()), Math.Max(0m, values.Max()));
        Step = NiceStep((high - low) / Intervals);
        Min = Math.Floor(low / Step) * Step;
        Max = Math.Max(Min + Step, Math.Ceiling(high / Step) * Step);
    }

    public decimal Min { get; }

    public decimal Max { get; }

    public decimal Step { get; }

    public static double PlotLeft => Left;

    public static double PlotRight => Width - Right;

    public static double PlotTop => Top;

    public static double PlotBottom => Height - Bottom;

    /// <summary>The values' axis: each gridline's value and height.</summary>
    public IEnumerable<(decimal Value, double Y)> Ticks()
    {
        for (var value = Min; value <= Max; value += Step) yield return (value, Y(value));
    }

    public double Y(decimal value) => PlotBottom - (double)((value - Min) / (Max - Min)) * (PlotBottom - PlotTop);

    private double Slot => (PlotRight - PlotLeft) / Math.Max(1, _chart.Categories.Count);

    /// <summary>The middle of a category on the horizontal axis, where its label goes.</summary>
    public double CategoryX(int category) => PlotLeft + Slot * (category + 0.5);

    /// <summary>A bar: left, top, width, height.</summary>
    public (double X, double Y, double Width, double Height) Bar(int category, int series, decimal value)
    {
        var width = Slot * 0.8 / Math.Max(1, _chart.Series.Count);
        var x = PlotLeft + Slot * category + Slot * 0.1 + width * series;
        var (top, bottom) = (Y(Math.Max(value, 0)), Y(Math.Min(value, 0)));
        return (x, top, width, bottom - top);
    }

    public IReadOnlyList<(double X, double Y)> Line(int series) =>
        _chart.Series[series].Values.Select((value, category) => (CategoryX(category), Y(value))).ToList();

    /// <summary>Where a series' legend square starts, on the line above the plot.</summary>
    public static (double X, double Y) Legend(int series) => (PlotLeft + series * 150, 4);

    /// <summary>1, 2, 2.5 or 5 times a power of ten: gridlines at round values.</summary>
    private static decimal NiceStep(decimal rough)
    {
        if (rough <= 0) return 1;
        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)rough)));
        foreach (var factor in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (power * factor >= rough) return power * factor;
        }
        return power * 10;
    }
}
