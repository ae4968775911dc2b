using Smart.Modules.Reporting.Contracts;

namespace Smart.Modules.Reporting.Tables;

/// <summary>
/// The one way a report table is made (ADR 0098): a builder gives the columns and, for each row, the values of its
/// counted columns; this computes every ratio and percentage from its row, and the total row — additive columns as the
/// sum of the rows, distinct counts as counted once over the whole table (given by the builder), ratios recomputed from
/// the total's own numerator and denominator, never summed or averaged.
/// </summary>
internal sealed class TableBuilder(string key, string title, string labelTitle, params ReportColumn[] columns)
{
    private readonly List<(string Label, Dictionary<string, decimal> Values)> _rows = [];
    private readonly Dictionary<string, decimal> _distinctTotals = [];

    public static ReportColumn Count(string key, string title) => new(key, title, ColumnKind.Count);

    /// <summary>Distinct things (clients, persons) that a thing may be counted in several rows for: the total is given with <see cref="DistinctTotal"/>.</summary>
    public static ReportColumn Distinct(string key, string title) => new(key, title, ColumnKind.Count, Distinct: true);

    public static ReportColumn Money(string key, string title) => new(key, title, ColumnKind.Money);

    public static ReportColumn Quantity(string key, string title) => new(key, title, ColumnKind.Quantity);

    public static ReportColumn Quotient(string key, string title, string numerator, string? denominator, decimal divisor = 1, int decimals = 4) =>
        new(key, title, ColumnKind.Ratio, Numerator: numerator, Denominator: denominator, Divisor: divisor, Decimals: decimals);

    public static ReportColumn Growth(string key, string title, string current, string previous) =>
        new(key, title, ColumnKind.Percentage, Ratio: RatioKind.Growth, Numerator: current, Denominator: previous);

    public static ReportColumn Share(string key, string title, string of) => new(key, title, ColumnKind.Percentage, Ratio: RatioKind.Share, Numerator: of);

    /// <summary>A row; its values are those of the counted columns, by key (a column left out is 0).</summary>
    public TableBuilder Row(string label, params (string Key, decimal Value)[] values)
    {
        var known = columns.Where(c => !IsComputed(c)).Select(c => c.Key).ToHashSet();
        var unknown = values.Select(v => v.Key).FirstOrDefault(k => !known.Contains(k));
        if (unknown is not null) throw new ArgumentException($"Table {key} has no counted column {unknown}.", nameof(values));
        _rows.Add((label, values.ToDictionary(v => v.Key, v => v.Value)));
        return this;
    }

    /// <summary>The total of a distinct column: the things counted once over the whole table.</summary>
    public TableBuilder DistinctTotal(string column, decimal total)
    {
        _distinctTotals[column] = total;
        return this;
    }

    public ReportTable Build(string? note = null)
    {
        var totals = columns.Where(c => !IsComputed(c)).ToDictionary(c => c.Key, c => c.Distinct
            ? _distinctTotals.TryGetValue(c.Key, out var counted) ? counted : throw new InvalidOperationException($"Table {key} has no total for its distinct column {c.Key}.")
            : _rows.Sum(r => r.Values.GetValueOrDefault(c.Key)));
        var rows = _rows.Select(r => new ReportRow(r.Label, Values(r.Values, totals))).ToList();
        return new ReportTable(key, title, labelTitle, columns, rows, new ReportRow("Total", Values(totals, totals)), note);
    }

    private List<decimal?> Values(Dictionary<string, decimal> counted, Dictionary<string, decimal> totals) =>
        columns.Select(c => IsComputed(c) ? Ratio(c, counted, totals) : Round(c, counted.GetValueOrDefault(c.Key))).ToList();

    private static decimal? Ratio(ReportColumn column, Dictionary<string, decimal> counted, Dictionary<string, decimal> totals)
    {
        var numerator = counted.GetValueOrDefault(column.Numerator!);
        var denominator = column.Ratio switch
        {
            RatioKind.Share => totals.GetValueOrDefault(column.Numerator!),
            _ when column.Denominator is null => 1m,
            _ => counted.GetValueOrDefault(column.Denominator),
        };
        if (denominator == 0 || column.Divisor == 0) return null;
        var ratio = column.Ratio == RatioKind.Growth ? numerator / denominator - 1 : numerator / denominator / column.Divisor;
        return Math.Round(ratio, column.Decimals, MidpointRounding.AwayFromZero);
    }

    private static decimal Round(ReportColumn column, decimal value) => column.Kind == ColumnKind.Money ? Math.Round(value, 2, MidpointRounding.AwayFromZero) : value;

    private static bool IsComputed(ReportColumn column) => column.Kind is ColumnKind.Ratio or ColumnKind.Percentage;
}
