namespace Smart.BuildingBlocks.Domain;

/// <summary>A legal number: its series' prefix, the year and the rank in the year, e.g. FA2026-000042 (see <c>LegalNumbering</c>).</summary>
public sealed record LegalNumber(string Series, int Year, int Sequence)
{
    public override string ToString() => $"{Series}{Year}-{Sequence:D6}";
}
