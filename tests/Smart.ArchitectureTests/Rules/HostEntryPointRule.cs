using Mono.Cecil;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// Rule 5: the host knows a module only by its entry point <c>Smart.Modules.&lt;M&gt;.&lt;M&gt;Module</c>; anything
/// else it needs from a module comes from the module's contracts.
/// </summary>
public sealed class HostEntryPointRule : ArchitectureRule
{
    public override string Description =>
        "Smart.Host may reference, in a module's implementation assembly, only the module's entry type <M>Module.";

    public static string EntryTypeName(string module) => $"{ModuleAssemblies.ModulePrefix}{module}.{module}Module";

    public IReadOnlyList<Violation> Check(AssemblyDefinition host, string module)
    {
        var implementation = ModuleAssemblies.ImplementationAssemblyName(module);
        var entry = EntryTypeName(module);
        return Distinct(TypeDependencies.OfAssembly(host)
                .Where(dependency => dependency.TargetAssembly == implementation
                                     && dependency.TargetName != entry))
            .ToList();
    }
}
