using Mono.Cecil;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// Rule 4: handlers (classes named <c>...Handler</c>), aggregates (deriving from
/// <c>Smart.BuildingBlocks.Domain.AggregateRoot</c>) and DbContexts (deriving from
/// <c>Microsoft.EntityFrameworkCore.DbContext</c>) are not visible outside their module's assembly.
/// Visibility is the effective one: a public type nested in an internal type is not visible.
/// </summary>
public sealed class InternalByDefaultRule : ArchitectureRule
{
    public const string AggregateRoot = "Smart.BuildingBlocks.Domain.AggregateRoot";
    public const string DbContext = "Microsoft.EntityFrameworkCore.DbContext";

    public override string Description =>
        "Handlers, aggregates and DbContexts in a module must not be visible outside it (make them internal).";

    public IReadOnlyList<Violation> Check(AssemblyDefinition implementation) =>
        AllTypes(implementation)
            .Where(IsVisibleOutsideAssembly)
            .Select(type => Kind(type) is { } kind
                ? new Violation(TypeDependencies.DisplayName(type), $"is a public {kind}")
                : null)
            .OfType<Violation>()
            .ToList();

    private static string? Kind(TypeDefinition type)
    {
        if (type.IsInterface)
        {
            return null;
        }

        if (DerivesFrom(type, AggregateRoot))
        {
            return "aggregate";
        }

        if (DerivesFrom(type, DbContext))
        {
            return "DbContext";
        }

        var name = type.Name.Split('`')[0];
        return name.EndsWith("Handler", StringComparison.Ordinal) ? "handler" : null;
    }

    /// <summary>
    /// Public, or protected (which another assembly can reach by deriving), all the way out.
    /// </summary>
    public static bool IsVisibleOutsideAssembly(TypeDefinition type)
    {
        for (var current = type; current is not null; current = current.DeclaringType)
        {
            var visible = current.IsNested
                ? current.IsNestedPublic || current.IsNestedFamily || current.IsNestedFamilyOrAssembly
                : current.IsPublic;
            if (!visible)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Walks the base types, resolving each through the bin folder; an unresolvable base fails loudly.</summary>
    public static bool DerivesFrom(TypeDefinition type, string baseFullName)
    {
        var current = type.BaseType;
        while (current is not null)
        {
            var element = current is GenericInstanceType instance ? instance.ElementType : current;
            if (element.FullName == baseFullName)
            {
                return true;
            }

            if (element.FullName is "System.Object" or "System.ValueType" or "System.Enum" or "System.MulticastDelegate")
            {
                return false;
            }

            TypeDefinition? resolved;
            try
            {
                resolved = element.Resolve();
            }
            catch (AssemblyResolutionException exception)
            {
                throw new InvalidOperationException(
                    $"Cannot resolve base type {element.FullName} of {type.FullName}: {exception.Message}", exception);
            }

            current = resolved is null
                ? throw new InvalidOperationException($"Cannot resolve base type {element.FullName} of {type.FullName}.")
                : resolved.BaseType;
        }

        return false;
    }
}
