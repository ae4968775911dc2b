using ArchUnitNET.Fluent;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// Rule 2: a <c>.Contracts</c> assembly is a set of public records any module can take without pulling anything in:
/// its types depend on its own types and the .NET base library only (<c>System</c>, <c>System.*</c>,
/// <c>netstandard</c>, <c>mscorlib</c>): no package, no Smart.BuildingBlocks, no module implementation.
/// </summary>
public sealed class ContractsRule(string module) : ArchitectureRule
{
    private readonly string _own = SmartArchitecture.ContractsAssembly(module);

    protected override IArchRule Rule => DependOnlyOn(
            TypesIn(_own),
            target => SmartArchitecture.AssemblyOf(target) == _own || IsBaseLibrary(SmartArchitecture.AssemblyOf(target)),
            $"{_own} and the .NET base library (System.*, netstandard, mscorlib)")
        .WithoutRequiringPositiveResults();

    public static bool IsBaseLibrary(string assembly) =>
        assembly is "System" or "netstandard" or "mscorlib"
        || assembly.StartsWith("System.", StringComparison.Ordinal);
}
