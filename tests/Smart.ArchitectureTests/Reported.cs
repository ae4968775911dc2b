using Smart.ArchitectureTests.Rules;

namespace Smart.ArchitectureTests;

/// <summary>What a rule reports against the loaded architecture, for the tests that prove it fails on a breach.</summary>
internal static class Reported
{
    private const string Breaches = SmartArchitecture.ModulePrefix + SmartArchitecture.Breaches.Module;

    /// <summary>The offending types, sorted, e.g. "Smart.Modules.Breaches.Features.PayrollInAsyncLambda".</summary>
    public static IReadOnlyList<string> Offenders(ArchitectureRule rule) =>
        rule.Violations(SmartArchitecture.Loaded)
            .Select(violation => violation.Split(' ')[0])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The one violation reported for a type of the breaches (named without "Smart.Modules.Breaches.").</summary>
    public static string For(ArchitectureRule rule, string breach) =>
        Assert.Single(rule.Violations(SmartArchitecture.Loaded),
            violation => violation.StartsWith($"{Breaches}.{breach} ", StringComparison.Ordinal));

    /// <summary>Full names of types of the breaches, sorted like <see cref="Offenders"/>.</summary>
    public static IReadOnlyList<string> Breach(params string[] types) =>
        types.Select(type => $"{Breaches}.{type}").Order(StringComparer.Ordinal).ToList();
}
