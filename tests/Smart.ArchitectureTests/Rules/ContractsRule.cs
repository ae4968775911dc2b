using Mono.Cecil;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// Rule 2: a <c>.Contracts</c> assembly is a set of public records any module can take without pulling anything in:
/// it references the .NET base library only (<c>System</c>, <c>System.*</c>, <c>netstandard</c>, <c>mscorlib</c>).
/// Types it defines itself (including attributes the compiler embeds, such as <c>NullableAttribute</c>) are its own.
/// </summary>
public sealed class ContractsRule : ArchitectureRule
{
    public override string Description =>
        "A .Contracts assembly must reference only the .NET base library (System.*, netstandard, mscorlib): "
        + "no Smart.*, no EF Core, no ASP.NET Core, no packages.";

    public IReadOnlyList<Violation> Check(AssemblyDefinition contracts)
    {
        var own = contracts.Name.Name;
        var byType = Distinct(TypeDependencies.OfAssembly(contracts)
            .Where(dependency => dependency.TargetAssembly != own && !IsBaseLibrary(dependency.TargetAssembly)));

        var byAssembly = contracts.Modules
            .SelectMany(module => module.AssemblyReferences)
            .Where(reference => !IsBaseLibrary(reference.Name))
            .Select(reference => new Violation($"assembly {own}", $"-> assembly {reference.Name} (assembly reference)"));

        return byType.Concat(byAssembly).ToList();
    }

    public static bool IsBaseLibrary(string assemblyName) =>
        assemblyName is "System" or "netstandard" or "mscorlib"
        || assemblyName.StartsWith("System.", StringComparison.Ordinal);
}
