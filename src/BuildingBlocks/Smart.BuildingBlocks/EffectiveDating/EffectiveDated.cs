namespace Smart.BuildingBlocks.EffectiveDating;

/// <summary>A value that applies from a business date until the next version (a rate, a price list, a rule).</summary>
public interface IEffectiveDated
{
    DateOnly EffectiveFrom { get; }
}

/// <summary>
/// The one reading of "the value in force on a date": the latest version effective on or before it. A change applies
/// from its date, never retroactively, so the versions of the past keep answering for the past.
/// </summary>
public static class EffectiveDated
{
    /// <summary>The version in force on <paramref name="on"/>, or null before the first one.</summary>
    public static T? InForceOn<T>(this IEnumerable<T> versions, DateOnly on) where T : class, IEffectiveDated =>
        versions.Where(v => v.EffectiveFrom <= on).MaxBy(v => v.EffectiveFrom);
}
