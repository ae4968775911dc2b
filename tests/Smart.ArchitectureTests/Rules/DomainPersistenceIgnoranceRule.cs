using Mono.Cecil;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// Rule 3: the domain (<c>Smart.Modules.&lt;M&gt;.Domain</c> and below) knows nothing of persistence, HTTP or the
/// container: no type from EF Core, ASP.NET Core, Npgsql or Microsoft.Extensions.DependencyInjection.
/// </summary>
public sealed class DomainPersistenceIgnoranceRule : ArchitectureRule
{
    public static readonly IReadOnlyList<string> ForbiddenNamespaces =
    [
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
        "Marten",
        "Npgsql",
        "NpgsqlTypes",
        "Microsoft.Extensions.DependencyInjection",
    ];

    public override string Description =>
        "Domain types must not reference " + string.Join(", ", ForbiddenNamespaces.Select(ns => ns + "*")) + ".";

    public IReadOnlyList<Violation> Check(AssemblyDefinition implementation)
    {
        var domain = implementation.Name.Name + ".Domain";
        return Distinct(implementation.Modules
                .SelectMany(module => module.Types)
                .Where(type => TypeDependencies.IsInNamespace(type.Namespace, domain))
                .SelectMany(TypeDependencies.Of)
                .Where(dependency => ForbiddenNamespaces.Any(root =>
                    TypeDependencies.IsInNamespace(dependency.TargetNamespace, root))))
            .ToList();
    }
}
