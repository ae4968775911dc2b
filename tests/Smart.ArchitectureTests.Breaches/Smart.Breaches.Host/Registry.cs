using Smart.Modules.Breaches;
using Smart.Modules.Breaches.Contracts;
using Smart.Modules.Breaches.Features;

namespace Smart.Breaches.Host;

/// <summary>Not a breach: a host may reach a module through its entry type and its contracts.</summary>
internal static class Registry
{
    public static string Entry => new BreachesModule().Name;

    public static BreachReported Reported => new(Guid.Empty, DateOnly.MinValue, []);
}

/// <summary>Host breach hidden in an async lambda: a module type other than its entry type.</summary>
internal static class HandlerInAsyncLambda
{
    public static Func<Task<string>> Handle => async () =>
    {
        await Task.Yield();
        return new PublicBreachHandler().Handle("breach");
    };
}
