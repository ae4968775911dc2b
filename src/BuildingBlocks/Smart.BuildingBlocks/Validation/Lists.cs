using FluentValidation;

namespace Smart.BuildingBlocks.Validation;

/// <summary>
/// The lists a command carries (invoice lines, settings versions…). JSON binding lets through a missing list and null
/// items (<c>"lines": [null]</c>); these rules turn both into field errors before any other rule or the handler reads them.
/// </summary>
public static class Lists
{
    /// <summary>Present, with 1 to <paramref name="max"/> items; stops at the first failure so a missing list is one error, not a crash.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>> HasItems<T, TItem>(this IRuleBuilderInitial<T, IReadOnlyList<TItem>> rule, int max) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().Must(items => items.Count <= max).WithMessage($"At most {max} items.");

    /// <summary>Each item present (an error named like <c>lines[0]</c>), then valid.</summary>
    public static IRuleBuilderOptions<T, TItem> EachValid<T, TItem>(this IRuleBuilderInitialCollection<T, TItem> rule, IValidator<TItem> validator) =>
        rule.NotNull().SetValidator(validator);

    /// <summary>For rules on the whole list that read its items: they run only once every item is present.</summary>
    public static bool HasNoNullItem<TItem>(IReadOnlyList<TItem>? items) => items is not null && items.All(item => item is not null);
}
