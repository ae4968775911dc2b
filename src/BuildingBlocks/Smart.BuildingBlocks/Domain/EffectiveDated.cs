namespace Smart.BuildingBlocks.Domain;

/// <summary>
/// A value "in force on a date" (a rule, a rate, a plan): among versions each applying from a date, the latest one that
/// started on or before the date. A change applies from its date, never retroactively.
/// </summary>
public static class EffectiveDated
{
    public static T? InForce<T>(this IEnumerable<T> versions, Func<T, DateOnly> effectiveFrom, DateOnly date) where T : class =>
        versions.Where(v => effectiveFrom(v) <= date).MaxBy(effectiveFrom);
}
