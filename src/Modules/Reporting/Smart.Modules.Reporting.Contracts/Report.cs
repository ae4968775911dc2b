namespace Smart.Modules.Reporting.Contracts;

// The annual activity report as the API serves it (JSON, CSV, XLSX, HTML, PDF are renderings of this one model).

/// <summary>What a column holds, hence how it is formatted and how its total is made.</summary>
public enum ColumnKind
{
    /// <summary>A number of things (members, documents, contracts): additive unless <see cref="ReportColumn.Distinct"/>.</summary>
    Count,

    /// <summary>Euros excl. VAT, to the cent: additive.</summary>
    Money,

    /// <summary>Hours or days worked: additive.</summary>
    Quantity,

    /// <summary>A quotient (FTE, days per contract, contracts per person), recomputed on the total row, never summed.</summary>
    Ratio,

    /// <summary>A share or a growth (0.125 is 12.5 %), recomputed on the total row, never summed.</summary>
    Percentage,
}

/// <summary>How a <see cref="ColumnKind.Ratio"/> or <see cref="ColumnKind.Percentage"/> column is computed from other columns of its row.</summary>
public enum RatioKind
{
    /// <summary>numerator ÷ denominator (or ÷ 1 without one) ÷ divisor.</summary>
    Quotient,

    /// <summary>numerator ÷ denominator − 1: the change from the previous year.</summary>
    Growth,

    /// <summary>numerator ÷ the numerator column's total: the row's share.</summary>
    Share,
}

/// <summary>A column of numbers; the row's label is the table's first column, <see cref="ReportTable.LabelTitle"/>.</summary>
/// <param name="Distinct">A count of distinct things a thing may fall in twice (a client of two modules): its total is counted, not summed.</param>
/// <param name="Numerator">For a ratio or percentage: the key of the column above the line.</param>
/// <param name="Denominator">For a quotient or growth: the key of the column below the line; none divides by 1.</param>
/// <param name="Divisor">For a quotient: a constant it is further divided by (the annual hours of one FTE, 12 months).</param>
public sealed record ReportColumn(string Key, string Title, ColumnKind Kind, bool Distinct = false, RatioKind Ratio = RatioKind.Quotient,
    string? Numerator = null, string? Denominator = null, decimal Divisor = 1, int Decimals = 4);

/// <summary>A row: its label and one value per column (null where a ratio has a zero denominator).</summary>
public sealed record ReportRow(string Label, IReadOnlyList<decimal?> Values);

/// <summary>A table of the report; <see cref="Total"/> sums the additive columns of <see cref="Rows"/> and recomputes the ratios.</summary>
public sealed record ReportTable(string Key, string Title, string LabelTitle, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows,
    ReportRow Total, string? Note = null);

/// <summary>The definitions a report was computed with (in force on the 31 December of its year).</summary>
public sealed record ReportDefinitionsUsed(DateOnly EffectiveFrom, decimal AnnualHoursPerFte, IReadOnlyList<decimal> BillingBandLimits,
    string MonthlyAverage, string HomeCountry);

/// <summary>An entity's annual activity report for a year.</summary>
public sealed record AnnualReport(Guid EntityId, string EntityCode, int Year, ReportDefinitionsUsed Definitions, IReadOnlyList<ReportTable> Tables);
