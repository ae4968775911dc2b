using ArchUnitNET.Fluent;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// Rule 1: a module's implementation talks to other modules only through their contracts. Allowed: its own assembly,
/// Smart.BuildingBlocks, any <c>Smart.Modules.*.Contracts</c>, and the framework and packages (any assembly outside
/// Smart.*). So another module's implementation, the host, or any other Smart assembly is a violation.
/// </summary>
public sealed class ModuleIsolationRule(string module) : ArchitectureRule
{
    private readonly string _own = SmartArchitecture.ImplementationAssembly(module);

    protected override IArchRule Rule => DependOnlyOn(
        TypesIn(_own),
        target => IsAllowed(SmartArchitecture.AssemblyOf(target)),
        $"{_own}, {SmartArchitecture.BuildingBlocksAssembly}, Smart.Modules.*.Contracts and assemblies outside Smart.*");

    private bool IsAllowed(string assembly) =>
        assembly == _own
        || assembly == SmartArchitecture.BuildingBlocksAssembly
        || SmartArchitecture.IsContracts(assembly)
        || !assembly.StartsWith("Smart.", StringComparison.Ordinal);
}
