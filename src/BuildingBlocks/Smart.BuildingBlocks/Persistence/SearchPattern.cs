namespace Smart.BuildingBlocks.Persistence;

public static class SearchPattern
{
    /// <summary>The escape character of <see cref="Containing"/>'s patterns; pass it to ILike (Npgsql otherwise escapes nothing).</summary>
    public const string Escape = "\\";

    /// <summary>A LIKE/ILIKE pattern matching the text anywhere, with the user's % and _ taken literally.</summary>
    public static string Containing(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
