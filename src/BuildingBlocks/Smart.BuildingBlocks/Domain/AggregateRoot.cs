namespace Smart.BuildingBlocks.Domain;

/// <summary>
/// Base of every aggregate: identity, and the optimistic-concurrency version that turns a lost update into a 409.
/// Aggregate methods return what happened; the handler turns that into integration events (ADR 0004).
/// </summary>
public abstract class AggregateRoot
{
    public Guid Id { get; protected set; }

    /// <summary>Incremented on every save; a stale version makes the save fail with a conflict.</summary>
    public int Version { get; private set; }

    internal void IncrementVersion() => Version++;

    protected static void CheckRule(IBusinessRule rule) => BusinessRules.Check(rule);
}

public static class BusinessRules
{
    /// <summary>Throws <see cref="BusinessRuleViolationException"/> (409) when the rule is broken.</summary>
    public static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}

/// <summary>An invariant of the domain, checked by an aggregate before it changes.</summary>
public interface IBusinessRule
{
    bool IsBroken();

    string Message { get; }
}

/// <summary>A domain rule refused the change: answered as 409 Conflict.</summary>
public sealed class BusinessRuleViolationException(IBusinessRule rule) : Exception(rule.Message)
{
    public string Rule { get; } = rule.GetType().Name;
}

/// <summary>The resource does not exist or the caller may not see it: answered as 404.</summary>
public sealed class NotFoundException(string what, object id) : Exception($"{what} '{id}' was not found.");
