using Mono.Cecil;

namespace Smart.ArchitectureTests.Rules;

/// <summary>A breach of a rule: the offending type and what it did, e.g. <c>A.Foo -> B.Bar (in method Baz)</c>.</summary>
public sealed record Violation(string Type, string Detail)
{
    public static Violation Of(TypeDependency dependency) =>
        new(dependency.OriginName, $"-> {dependency.TargetName} ({dependency.Context})");

    public override string ToString() => $"{Type} {Detail}";
}

/// <summary>
/// A rule over compiled assemblies. Rules name what is allowed; none exempts a type by name.
/// </summary>
public abstract class ArchitectureRule
{
    /// <summary>What the rule demands, in a sentence, shown when it fails.</summary>
    public abstract string Description { get; }

    /// <summary>Fails the test with every violation, one a line, or passes when there is none.</summary>
    public void Assert(IEnumerable<Violation> violations)
    {
        var list = violations.Distinct().Select(violation => violation.ToString()).Order(StringComparer.Ordinal).ToList();
        if (list.Count > 0)
        {
            Xunit.Assert.Fail($"{Description}{Environment.NewLine}{list.Count} violation(s):{Environment.NewLine}  "
                              + string.Join(Environment.NewLine + "  ", list));
        }
    }

    protected static IEnumerable<Violation> Distinct(IEnumerable<TypeDependency> dependencies) =>
        dependencies.Select(Violation.Of).Distinct();

    /// <summary>"Payroll" from "Smart.Modules.Payroll" or "Smart.Modules.Payroll.Contracts"; null for other assemblies.</summary>
    protected static string? ModuleOf(string assemblyName)
    {
        if (!assemblyName.StartsWith(ModuleAssemblies.ModulePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var module = assemblyName[ModuleAssemblies.ModulePrefix.Length..];
        return module.EndsWith(ModuleAssemblies.ContractsSuffix, StringComparison.Ordinal)
            ? module[..^ModuleAssemblies.ContractsSuffix.Length]
            : module;
    }

    protected static bool IsContracts(string assemblyName) =>
        assemblyName.StartsWith(ModuleAssemblies.ModulePrefix, StringComparison.Ordinal)
        && assemblyName.EndsWith(ModuleAssemblies.ContractsSuffix, StringComparison.Ordinal);

    protected static bool IsModuleImplementation(string assemblyName) =>
        assemblyName.StartsWith(ModuleAssemblies.ModulePrefix, StringComparison.Ordinal) && !IsContracts(assemblyName);

    protected static IEnumerable<TypeDefinition> AllTypes(AssemblyDefinition assembly) =>
        assembly.Modules.SelectMany(module => module.GetTypes());
}
