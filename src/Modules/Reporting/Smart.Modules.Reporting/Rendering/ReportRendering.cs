using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Smart.BuildingBlocks.Documents;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Tables;

namespace Smart.Modules.Reporting.Rendering;

/// <summary>How a value of a column reads in French: counts whole, euros to the cent, ratios to two decimals, percentages to one.</summary>
internal static class ReportFormat
{
    public static string Cell(ReportColumn column, decimal? value) => value is not { } v ? "—" : column.Kind switch
    {
        ColumnKind.Count => FrenchFormat.Number(v, "#,0"),
        ColumnKind.Money => HtmlPage.Euros(v),
        ColumnKind.Quantity => FrenchFormat.Number(v, "#,0.##"),
        ColumnKind.Ratio => FrenchFormat.Number(v, "#,0.00"),
        _ => HtmlPage.Percent(v, "0.0"),
    };
}

/// <summary>The report as a printable document (HTML page and PDF), in French, every table with its total and two charts.</summary>
internal static class ReportDocument
{
    public static PrintableDocument Build(AnnualReport report)
    {
        var blocks = new List<DocumentBlock>
        {
            new FactsBlock(
            [
                new DocumentFact("Entité", report.EntityCode),
                new DocumentFact("Année", report.Year.ToString(CultureInfo.InvariantCulture)),
                new DocumentFact("Heures annuelles d'un ETP", FrenchFormat.Number(report.Definitions.AnnualHoursPerFte, "#,0.##")),
                new DocumentFact("Définitions en vigueur depuis le", FrenchFormat.Date(report.Definitions.EffectiveFrom)),
            ]),
        };
        foreach (var table in report.Tables)
        {
            blocks.Add(new SectionBlock(table.Title));
            if (table.Key == InvoicingSection.ByModule)
            {
                blocks.Add(new ChartBlock("Chiffre d'affaires net HT par module (€)", ChartKind.Bar, table.Rows.Select(r => r.Label).ToList(),
                [
                    Series(table, "ca-precedent", (report.Year - 1).ToString(CultureInfo.InvariantCulture)),
                    Series(table, "ca", report.Year.ToString(CultureInfo.InvariantCulture)),
                ]));
            }
            else if (table.Key == InvoicingSection.Monthly)
            {
                blocks.Add(new ChartBlock("Chiffre d'affaires net HT mois par mois (€)", ChartKind.Line, table.Rows.Select(r => r.Label).ToList(),
                [
                    Series(table, "ca-precedent", (report.Year - 1).ToString(CultureInfo.InvariantCulture)),
                    Series(table, "ca", report.Year.ToString(CultureInfo.InvariantCulture)),
                ]));
            }
            blocks.Add(new TableBlock(
                [new DocumentColumn(table.LabelTitle, 2.2), .. table.Columns.Select(c => new DocumentColumn(c.Title, 1, Numeric: true))],
                [.. table.Rows.Select(r => Row(table, r, strong: false)), Row(table, table.Total, strong: true)]));
            if (table.Note is not null) blocks.Add(new ParagraphBlock(table.Note, TextStyle.Small));
        }
        return new PrintableDocument($"Rapport d'activité {report.Year} – {report.EntityCode}", $"rapport-activite-{report.EntityCode}-{report.Year}", blocks);
    }

    private static ChartSeries Series(ReportTable table, string column, string name)
    {
        var index = table.Columns.ToList().FindIndex(c => c.Key == column);
        return new ChartSeries(name, table.Rows.Select(r => r.Values[index] ?? 0m).ToList());
    }

    private static DocumentRow Row(ReportTable table, ReportRow row, bool strong) =>
        new([row.Label, .. table.Columns.Select((c, i) => ReportFormat.Cell(c, row.Values[i]))], strong);
}

/// <summary>A table as CSV (RFC 4180, UTF-8): a header, the rows, the total; numbers unformatted with a decimal point, for spreadsheets and scripts.</summary>
internal static class ReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Render(ReportTable table)
    {
        var csv = new StringBuilder();
        Line(csv, [table.LabelTitle, .. table.Columns.Select(c => c.Title)]);
        foreach (var row in table.Rows.Append(table.Total))
        {
            Line(csv, [row.Label, .. row.Values.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? "")]);
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static void Line(StringBuilder csv, IEnumerable<string> cells) =>
        csv.AppendJoin(',', cells.Select(c => c.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : c)).Append("\r\n");
}

/// <summary>The report as an Excel workbook: one sheet per table (named by its key), numbers as numbers with a French display format.</summary>
internal static class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Render(AnnualReport report)
    {
        using var workbook = new XLWorkbook();
        foreach (var table in report.Tables)
        {
            // Excel limits a sheet's name to 31 characters.
            var sheet = workbook.Worksheets.Add(table.Key.Length > 31 ? table.Key[..31] : table.Key);
            sheet.Cell(1, 1).Value = table.Title;
            sheet.Cell(1, 1).Style.Font.Bold = true;
            sheet.Cell(3, 1).Value = table.LabelTitle;
            for (var c = 0; c < table.Columns.Count; c++) sheet.Cell(3, c + 2).Value = table.Columns[c].Title;
            sheet.Row(3).Style.Font.Bold = true;
            var line = 4;
            foreach (var row in table.Rows.Append(table.Total))
            {
                sheet.Cell(line, 1).Value = row.Label;
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    if (row.Values[c] is not { } value) continue;
                    var cell = sheet.Cell(line, c + 2);
                    cell.Value = value;
                    cell.Style.NumberFormat.Format = table.Columns[c].Kind switch
                    {
                        ColumnKind.Count => "#,##0",
                        ColumnKind.Money => "#,##0.00 €",
                        ColumnKind.Percentage => "0.0%",
                        _ => "#,##0.00",
                    };
                }
                line++;
            }
            sheet.Row(line - 1).Style.Font.Bold = true;
            if (table.Note is not null) sheet.Cell(line + 1, 1).Value = table.Note;
            // Fixed widths: measuring the contents needs fonts a server may not have.
            sheet.Column(1).Width = 45;
            sheet.Columns(2, table.Columns.Count + 1).Width = 18;
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
