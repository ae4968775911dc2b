using ArchUnitNET.Fluent;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// Rule 3: the domain (namespace <c>Smart.Modules.&lt;M&gt;.Domain</c> and below) knows nothing of persistence,
/// messaging, HTTP or the container.
/// </summary>
public sealed class DomainPersistenceIgnoranceRule(string module) : ArchitectureRule
{
    public static readonly IReadOnlyList<string> ForbiddenNamespaces =
    [
        "Marten",
        "Npgsql",
        "NpgsqlTypes",
        "Wolverine",
        "JasperFx",
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
        "Microsoft.Extensions.DependencyInjection",
    ];

    private readonly string _domain = SmartArchitecture.ImplementationAssembly(module) + ".Domain";

    protected override IArchRule Rule => DependOnlyOn(
            TypesIn(SmartArchitecture.ImplementationAssembly(module))
                .And().FollowCustomPredicate(type => SmartArchitecture.IsInNamespace(type, _domain),
                    $"reside in namespace {_domain} or below"),
            target => !ForbiddenNamespaces.Any(root => SmartArchitecture.IsInNamespace(target, root)),
            "types outside " + string.Join(", ", ForbiddenNamespaces.Select(root => root + ".*")))
        .WithoutRequiringPositiveResults();
}
