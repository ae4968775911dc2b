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
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "No HTML for this kind of block.");
        }
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
