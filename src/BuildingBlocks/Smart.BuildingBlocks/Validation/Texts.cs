using FluentValidation;

namespace Smart.BuildingBlocks.Validation;

/// <summary>
/// PostgreSQL can neither store nor compare text holding the NUL character (it fails with 22021), so such text is bad
/// input. JSON bodies are checked as they are read (<see cref="Web.HttpJson"/>); this rule is for text that comes another
/// way: query strings (searches) and form fields.
/// </summary>
public static class Texts
{
    public const string NulMessage = "Text cannot contain the NUL character (\\u0000).";

    public static IRuleBuilderOptions<T, TText> HasNoNul<T, TText>(this IRuleBuilder<T, TText> rule) where TText : IEnumerable<char>? =>
        rule.Must(text => text is null || !text.Contains('\0')).WithMessage(NulMessage);
}
