namespace Smart.BuildingBlocks.Documents;

/// <summary>A postal address as documents print it: street lines, "59000 Lille", and the country when it is not France.</summary>
public static class AddressLines
{
    public static IReadOnlyList<string> Of(string line1, string? line2, string postalCode, string city, string country)
    {
        var lines = new List<string> { line1 };
        if (!string.IsNullOrWhiteSpace(line2)) lines.Add(line2);
        lines.Add($"{postalCode} {city}");
        if (!string.Equals(country, "FR", StringComparison.OrdinalIgnoreCase)) lines.Add(country.ToUpperInvariant());
        return lines;
    }
}
