using Smart.Modules.Payroll;

namespace Smart.Modules.Breaches.Features;

/// <summary>Isolation breach hidden in an async lambda: another module's implementation type.</summary>
internal static class PayrollInAsyncLambda
{
    public static Func<Task<string>> Name => async () =>
    {
        await Task.Yield();
        return new PayrollModule().Name;
    };
}

/// <summary>Isolation breach in the state machine of an async method (a struct in Release builds).</summary>
internal static class PayrollInAsyncMethod
{
    public static async Task<string> NameAsync()
    {
        await Task.Yield();
        return new PayrollModule().Name;
    }
}

/// <summary>Isolation breach hidden in a generic argument.</summary>
internal sealed class PayrollAsGenericArgument
{
    private readonly List<PayrollModule> _modules = [];

    public int Count => _modules.Count;
}

/// <summary>Isolation breach: the host.</summary>
internal static class ReachesTheHost
{
    public static string Name => typeof(Program).Name;
}
