using System.Globalization;

namespace Smart.BuildingBlocks.Documents;

/// <summary>French formats of the documents that amounts and rates do not cover (<see cref="Web.HtmlPage.Euros"/> does those).</summary>
public static class FrenchFormat
{
    /// <summary>2026-03-09 → "09/03/2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A quantity or a number of hours: 7.5 → "7,5", 1234 → "1 234".</summary>
    public static string Number(decimal value, string format = "#,0.###") => value.ToString(format, Web.HtmlPage.French);
}
