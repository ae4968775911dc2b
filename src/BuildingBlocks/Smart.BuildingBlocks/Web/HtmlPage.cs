using System.Globalization;
using System.Net;
using System.Text;

namespace Smart.BuildingBlocks.Web;

/// <summary>
/// Printable HTML pages (invoices, quotes, payslips): one look for every module, every text HTML-encoded, amounts in
/// French format. The host runs with invariant globalization, so the French number format is spelled out here.
/// </summary>
public static class HtmlPage
{
    public const string ContentType = "text/html; charset=utf-8";

    private const string Style =
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.3em;text-align:left}.n{text-align:right}"
        + ".parties{display:flex;justify-content:space-between;gap:2em}.parties address{font-style:normal}.logo{float:right;max-height:60px}"
        + ".totals{margin-left:auto;width:auto}.small{font-size:.8em;color:#333}";

    public static readonly NumberFormatInfo French = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u202f", NumberGroupSizes = [3] };

    /// <summary>A page up to its open body, titled <paramref name="title"/>.</summary>
    public static StringBuilder Start(string title) => new StringBuilder()
        .Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">")
        .Append($"<title>{Encode(title)}</title><style>{Style}</style></head><body>");

    public static string End(StringBuilder page) => page.Append("</body></html>").ToString();

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>1234.5 → "1 234,50 €" (narrow no-break space between thousands).</summary>
    public static string Euros(decimal amount) => amount.ToString("N2", French) + " €";

    /// <summary>A rate as a percentage: 0.2 → "20 %"; <paramref name="format"/> says how many decimals show.</summary>
    public static string Percent(decimal rate, string format = "0.##") => (rate * 100).ToString(format, French) + " %";
}
