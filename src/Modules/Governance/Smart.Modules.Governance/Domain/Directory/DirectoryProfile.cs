using System.Text;
using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Governance.Domain.Directory;

/// <summary>What a member may show in the directory, each field opted in one by one.</summary>
public enum DirectoryField
{
    Trade,
    Skills,
    Office,
    Website,
    Phone,
    Email,
}

/// <summary>What a member writes about themself; shown only field by field, as they choose.</summary>
public sealed record DirectoryDetails(string? Trade, IReadOnlyList<string> Skills, string? Website, string? Phone, string? Email);

/// <summary>
/// A member's entry in the member directory (its id is the member's). The member keeps every detail they wrote, but
/// only the fields they chose to show are ever read out or searched: <see cref="SearchText"/> and
/// <see cref="ShownOfficeId"/> are built from the shown fields alone, so a hidden phone or office cannot even be found
/// by searching for it.
/// </summary>
internal sealed class DirectoryProfile : AggregateRoot
{
    private List<string> _skills = [];
    private List<DirectoryField> _shown = [];

    private DirectoryProfile()
    {
        DisplayName = SearchText = null!;
    }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    /// <summary>The member's name, always shown: a directory entry without a name would be of no use.</summary>
    public string DisplayName { get; private set; }

    public string? Trade { get; private set; }

    public IReadOnlyList<string> Skills => _skills;

    public string? Website { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public IReadOnlyList<DirectoryField> Shown => _shown;

    /// <summary>The office, when shown: what the office filter matches.</summary>
    public Guid? ShownOfficeId { get; private set; }

    /// <summary>The shown name, trade and skills, lower-cased and without accents: what the French full-text search indexes.</summary>
    public string SearchText { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static DirectoryProfile Publish(Guid memberId, Guid entityId, Guid officeId, string displayName, DirectoryDetails details,
        IEnumerable<DirectoryField> shown, DateTimeOffset now)
    {
        var profile = new DirectoryProfile { Id = memberId, EntityId = entityId };
        profile.Update(officeId, displayName, details, shown, now);
        return profile;
    }

    public void Update(Guid officeId, string displayName, DirectoryDetails details, IEnumerable<DirectoryField> shown, DateTimeOffset now)
    {
        OfficeId = officeId;
        DisplayName = displayName;
        Trade = Clean(details.Trade);
        _skills = details.Skills.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Website = Clean(details.Website);
        Phone = Clean(details.Phone);
        Email = Clean(details.Email)?.ToLowerInvariant();
        _shown = shown.Distinct().Order().ToList();
        ShownOfficeId = Shows(DirectoryField.Office) ? OfficeId : null;
        SearchText = Fold(string.Join(' ', new[] { DisplayName, Shows(DirectoryField.Trade) ? Trade : null }
            .Concat(Shows(DirectoryField.Skills) ? _skills : []).Where(t => !string.IsNullOrEmpty(t))));
        UpdatedAt = now;
    }

    public bool Shows(DirectoryField field) => _shown.Contains(field);

    /// <summary>A shown field's value, or null: the one way the directory reads a field out.</summary>
    public T? IfShown<T>(DirectoryField field, T? value) => Shows(field) ? value : default;

    /// <summary>
    /// Lower case without diacritics ("Comédienne" → "comedienne", "cœur" → "coeur"): the stored text and the searched
    /// words are folded alike, so a search typed with or without accents finds the same members, and PostgreSQL's French
    /// stemmer then joins singular and plural, masculine and feminine ("comedienne" and "comediens" → "comedien"). A
    /// table, not Unicode decomposition: the platform runs in invariant globalization mode, where only ASCII is normalized
    /// (upper-case letters are in the table too, for the same reason).
    /// </summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (Unaccented.TryGetValue(c, out var plain)) folded.Append(plain);
            else folded.Append(c);
        }
        return folded.ToString();
    }

    private static readonly Dictionary<char, string> Unaccented = new[]
    {
        ("àâäáãåÀÂÄÁÃÅ", "a"), ("çÇ", "c"), ("éèêëÉÈÊË", "e"), ("îïíìÎÏÍÌ", "i"), ("ôöóòõÔÖÓÒÕ", "o"), ("ùûüúÙÛÜÚ", "u"), ("ÿýŸÝ", "y"), ("ñÑ", "n"),
        ("œŒ", "oe"), ("æÆ", "ae"),
    }.SelectMany(p => p.Item1.Select(c => (c, p.Item2))).ToDictionary(p => p.c, p => p.Item2);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
