using System.Text;
using static Smart.BuildingBlocks.Web.HtmlPage;

namespace Smart.BuildingBlocks.Documents;

/// <summary>A <see cref="PrintableDocument"/> as a printable HTML page: every text encoded, the logo inlined.</summary>
public static class DocumentHtml
{
    public static string Render(PrintableDocument document)
    {
        var html = Start(document.Title);
        if (document.Logo is { } logo)
        {
            html.Append($"<img class=\"logo\" alt=\"\" src=\"data:{Encode(logo.ContentType)};base64,{Convert.ToBase64String(logo.Content)}\">");
        }
        html.Append($"<h1>{Encode(document.Title)}</h1>");
        foreach (var block in document.Blocks)
        {
            Append(html, block);
        }
        return End(html);
    }

    private static void Append(StringBuilder html, DocumentBlock block)
    {
        switch (block)
        {
            case PartiesBlock parties:
                html.Append("<div class=\"parties\">");
                Party(html, parties.Issuer, parties.IssuerCaption);
                if (parties.Recipient is { } recipient) Party(html, recipient, parties.RecipientCaption);
                html.Append("</div>");
                break;
            case FactsBlock facts:
                html.Append("<p>").AppendJoin("<br>", facts.Facts.Select(f => $"{Encode(f.Label)} : <strong>{Encode(f.Value)}</strong>")).Append("</p>");
                break;
            case SectionBlock section:
                html.Append($"<h2>{Encode(section.Title)}</h2>");
                break;
            case TableBlock table:
                html.Append("<table><thead><tr>");
                foreach (var column in table.Columns) html.Append(Cell("th", column, column.Header));
                html.Append("</tr></thead><tbody>");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>");
                    for (var i = 0; i < table.Columns.Count; i++)
                    {
                        html.Append(Cell(row.Strong ? "th" : "td", table.Columns[i], i < row.Cells.Count ? row.Cells[i] : ""));
                    }
                    html.Append("</tr>");
                }
                html.Append("</tbody></table>");
                break;
            case TotalsBlock totals:
                html.Append("<table class=\"totals\"><tbody>");
                foreach (var line in totals.Lines)
                {
                    var tag = line.Strong ? "th" : "td";
                    html.Append($"<tr><{tag}>{Encode(line.Label)}</{tag}><{tag} class=\"n\">{Encode(line.Amount)}</{tag}></tr>");
                }
                html.Append("</tbody></table>");
                break;
            case ParagraphBlock paragraph:
                var text = Encode(paragraph.Text).Replace("\n", "<br>", StringComparison.Ordinal);
                html.Append(paragraph.Style switch
                {
                    TextStyle.Strong => $"<p><strong>{text}</strong></p>",
                    TextStyle.Small => $"<p class=\"small\">{text}</p>",
                    _ => $"<p>{text}</p>",
                });
                break;
            case ChartBlock chart:
                Chart(html, chart);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "No HTML for this kind of block.");
        }
    }

    /// <summary>The chart as inline SVG: no script, no image file, printed as it shows.</summary>
    private static void Chart(StringBuilder html, ChartBlock chart)
    {
        var layout = new ChartLayout(chart);
        string N(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        html.Append($"<figure><figcaption>{Encode(chart.Title)}</figcaption>")
            .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(ChartLayout.Width)} {N(ChartLayout.Height)}\" width=\"{N(ChartLayout.Width)}\" height=\"{N(ChartLayout.Height)}\" role=\"img\" aria-label=\"{Encode(chart.Title)}\" font-size=\"8\">");
        foreach (var (value, y) in layout.Ticks())
        {
            html.Append($"<line x1=\"{N(ChartLayout.PlotLeft)}\" y1=\"{N(y)}\" x2=\"{N(ChartLayout.PlotRight)}\" y2=\"{N(y)}\" stroke=\"#ccc\"/>")
                .Append($"<text x=\"{N(ChartLayout.PlotLeft - 4)}\" y=\"{N(y + 3)}\" text-anchor=\"end\">{Encode(FrenchFormat.Number(value, "#,0"))}</text>");
        }
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var color = ChartLayout.Colors[s % ChartLayout.Colors.Count];
            if (chart.Kind == ChartKind.Bar)
            {
                for (var c = 0; c < chart.Series[s].Values.Count; c++)
                {
                    var (x, y, width, height) = layout.Bar(c, s, chart.Series[s].Values[c]);
                    html.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"{color}\"/>");
                }
            }
            else
            {
                html.Append($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', layout.Line(s).Select(p => $"{N(p.X)},{N(p.Y)}"))}\"/>");
            }
            var (legendX, legendY) = ChartLayout.Legend(s);
            html.Append($"<rect x=\"{N(legendX)}\" y=\"{N(legendY)}\" width=\"8\" height=\"8\" fill=\"{color}\"/>")
                .Append($"<text x=\"{N(legendX + 12)}\" y=\"{N(legendY + 7)}\">{Encode(chart.Series[s].Name)}</text>");
        }
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var x = layout.CategoryX(c);
            html.Append($"<text x=\"{N(x)}\" y=\"{N(ChartLayout.PlotBottom + 10)}\" text-anchor=\"end\" transform=\"rotate(-30 {N(x)} {N(ChartLayout.PlotBottom + 10)})\">{Encode(chart.Categories[c])}</text>");
        }
        html.Append($"<line x1=\"{N(ChartLayout.PlotLeft)}\" y1=\"{N(layout.Y(0))}\" x2=\"{N(ChartLayout.PlotRight)}\" y2=\"{N(layout.Y(0))}\" stroke=\"#333\"/>")
            .Append("</svg></figure>");
    }

    private static void Party(StringBuilder html, DocumentParty party, string? caption)
    {
        html.Append("<address>");
        if (caption is not null) html.Append($"<small>{Encode(caption)}</small><br>");
        html.Append($"<strong>{Encode(party.Name)}</strong>");
        foreach (var line in party.Lines) html.Append($"<br>{Encode(line)}");
        html.Append("</address>");
    }

    private static string Cell(string tag, DocumentColumn column, string text) =>
        column.Numeric ? $"<{tag} class=\"n\">{Encode(text)}</{tag}>" : $"<{tag}>{Encode(text)}</{tag}>";
}
