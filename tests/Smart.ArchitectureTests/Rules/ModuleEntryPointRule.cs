using Mono.Cecil;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// Each module exposes one entry point: a public class <c>Smart.Modules.&lt;M&gt;.&lt;M&gt;Module</c> implementing
/// <c>Smart.BuildingBlocks.Modules.IModule</c>. Rule 5 relies on it being there.
/// </summary>
public sealed class ModuleEntryPointRule : ArchitectureRule
{
    public const string ModuleInterface = "Smart.BuildingBlocks.Modules.IModule";

    public override string Description =>
        "A module must expose a public class Smart.Modules.<M>.<M>Module implementing " + ModuleInterface + ".";

    public IReadOnlyList<Violation> Check(AssemblyDefinition implementation, string module)
    {
        var name = HostEntryPointRule.EntryTypeName(module);
        var entry = implementation.MainModule.GetType(name);
        if (entry is null)
        {
            return [new Violation(name, $"is missing from {implementation.Name.Name}")];
        }

        var violations = new List<Violation>();
        if (!entry.IsPublic || !entry.IsClass || entry.IsInterface)
        {
            violations.Add(new Violation(name, "must be a public class"));
        }

        if (!Implements(entry, ModuleInterface))
        {
            violations.Add(new Violation(name, $"must implement {ModuleInterface}"));
        }

        return violations;
    }

    /// <summary>Declared on the type or on any of its base types (e.g. an abstract <c>Module</c> base class).</summary>
    public static bool Implements(TypeDefinition type, string interfaceFullName)
    {
        for (TypeDefinition? current = type; current is not null;)
        {
            if (current.Interfaces.Any(declared => declared.InterfaceType.FullName == interfaceFullName))
            {
                return true;
            }

            var baseType = current.BaseType;
            if (baseType is null || baseType.FullName == "System.Object")
            {
                return false;
            }

            current = (baseType is GenericInstanceType instance ? instance.ElementType : baseType).Resolve()
                      ?? throw new InvalidOperationException($"Cannot resolve base type {baseType.FullName} of {type.FullName}.");
        }

        return false;
    }
}
