namespace Smart.BuildingBlocks.Persistence;

public static class SearchPattern
{
    /// <summary>A LIKE/ILIKE pattern matching the text anywhere, with the user's % and _ taken literally.</summary>
    public static string Containing(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
