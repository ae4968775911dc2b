namespace Smart.Host.OpenApi;

/// <summary>
/// OpenAPI schema ids: a type's own name (generic arguments first, as Swashbuckle does), prefixed with its module's name
/// when another module has a type of the same name. Modules name things in their own language, so names repeat
/// (Activities' contract-document <c>ContractKind</c> is not Payroll's employment <c>ContractKind</c>), and one
/// document cannot hold two schemas under one id.
/// </summary>
internal static class ModuleSchemaIds
{
    private const string ModuleNamespace = "Smart.Modules.";

    /// <summary>The modules the host registers and the contracts they see (never the whole AppDomain, whose satellite assemblies may not even name themselves).</summary>
    private static readonly Lazy<HashSet<string>> NamesInSeveralModules = new(() =>
        ModulesRegistry.All.Select(m => m.GetType().Assembly)
            .SelectMany(a => a.GetReferencedAssemblies().Where(r => r.Name?.StartsWith(ModuleNamespace, StringComparison.Ordinal) == true).Select(System.Reflection.Assembly.Load).Prepend(a))
            .Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => ModuleOf(t) is not null)
            .GroupBy(t => t.Name)
            .Where(g => g.Select(ModuleOf).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToHashSet());

    public static string For(Type type)
    {
        if (type.IsConstructedGenericType)
        {
            return string.Concat(type.GetGenericArguments().Select(For)) + type.Name.Split('`')[0];
        }
        var name = type.Name.Replace("[]", "Array", StringComparison.Ordinal);
        return ModuleOf(type) is { } module && NamesInSeveralModules.Value.Contains(type.Name) ? module + name : name;
    }

    /// <summary>"Payroll" for a type in Smart.Modules.Payroll(.Contracts)…, null outside the modules.</summary>
    private static string? ModuleOf(Type type) =>
        type.Namespace is { } ns && ns.StartsWith(ModuleNamespace, StringComparison.Ordinal)
            ? ns[ModuleNamespace.Length..].Split('.')[0]
            : null;
}
