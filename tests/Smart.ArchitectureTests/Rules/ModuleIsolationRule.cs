using Mono.Cecil;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// Rule 1: a module's implementation talks to other modules only through their contracts.
/// Allowed: its own assembly, any <c>Smart.Modules.*.Contracts</c>, <c>Smart.BuildingBlocks</c>, framework and packages.
/// Forbidden: another module's implementation assembly, and the host.
/// </summary>
public sealed class ModuleIsolationRule : ArchitectureRule
{
    public override string Description =>
        "A module implementation must not reference another module's implementation, nor Smart.Host "
        + "(use the other module's .Contracts).";

    public IReadOnlyList<Violation> Check(AssemblyDefinition implementation)
    {
        var own = implementation.Name.Name;
        var byType = Distinct(TypeDependencies.OfAssembly(implementation)
            .Where(dependency => IsForbidden(own, dependency.TargetAssembly)));

        // Second line: an assembly reference the compiler kept, even if no type reference was spotted.
        var byAssembly = implementation.Modules
            .SelectMany(module => module.AssemblyReferences)
            .Where(reference => IsForbidden(own, reference.Name))
            .Select(reference => new Violation($"assembly {own}", $"-> assembly {reference.Name} (assembly reference)"));

        return byType.Concat(byAssembly).ToList();
    }

    private static bool IsForbidden(string own, string target) =>
        target == ModuleAssemblies.HostAssemblyName
        || (IsModuleImplementation(target) && target != own);
}
