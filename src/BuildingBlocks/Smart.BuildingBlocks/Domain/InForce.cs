using Marten.Services.BatchQuerying;

namespace Smart.BuildingBlocks.Domain;

/// <summary>A version of a setting (a rate, a rule, a table, payment terms, fees) that applies from a date until the next version.</summary>
public interface IEffectiveDated
{
    DateOnly EffectiveFrom { get; }
}

/// <summary>
/// The one way to read "the value in force on a date": the latest version effective on or before it. A change applies
/// from its date, never retroactively, so what was in force on a past date stays reproducible.
/// </summary>
public static class InForce
{
    /// <summary>The version in force on <paramref name="date"/>, or null before the first one.</summary>
    public static T? InForceOn<T>(this IEnumerable<T> versions, DateOnly date) where T : IEffectiveDated =>
        versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom);

    /// <summary>The version in force on <paramref name="date"/>; none is a conflict (409) saying what is missing.</summary>
    public static T RequiredOn<T>(this IEnumerable<T> versions, DateOnly date, string what) where T : IEffectiveDated =>
        versions.InForceOn(date) ?? throw Missing(what, date);

    /// <summary>For a database query: the versions effective on or before <paramref name="date"/>, the one in force first.</summary>
    public static IOrderedQueryable<T> EffectiveOn<T>(this IQueryable<T> versions, DateOnly date) where T : class, IEffectiveDated =>
        versions.Where(v => v.EffectiveFrom <= date).OrderByDescending(v => v.EffectiveFrom);

    /// <summary>In a Marten batch (one round trip with other reads): the version in force on <paramref name="date"/>, or null before the first one.</summary>
    public static Task<T?> InForceOn<T>(this IBatchedQueryable<T> versions, DateOnly date) where T : class, IEffectiveDated =>
        versions.Where(v => v.EffectiveFrom <= date).OrderByDescending(v => v.EffectiveFrom).FirstOrDefault();

    /// <summary>Nothing in force: e.g. "No minimum wage is in force on 2026-01-01." (409).</summary>
    public static BusinessRuleViolationException Missing(string what, DateOnly date) => new(new NothingInForce(what, date));

    private sealed record NothingInForce(string What, DateOnly Date) : IBusinessRule
    {
        public bool IsBroken() => true;

        public string Message => $"No {What} is in force on {Date:yyyy-MM-dd}.";
    }
}
