using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace Smart.ArchitectureTests;

/// <summary>
/// The compiled Smart assemblies of the test bin folder, read once per test run by ArchUnitNET: the host, the building
/// blocks, every module and its contracts, and the deliberate breaches of tests/Smart.ArchitectureTests.Breaches.
/// </summary>
public static class SmartArchitecture
{
    public const string HostAssembly = "Smart.Host";
    public const string BuildingBlocksAssembly = "Smart.BuildingBlocks";
    public const string ModulePrefix = "Smart.Modules.";
    public const string ContractsSuffix = ".Contracts";

    /// <summary>
    /// A Wolverine/JasperFx source generator puts a type of the same name in this namespace in every assembly, and
    /// ArchUnitNET merges same-named types: a false dependency between modules. Every rule leaves it out; nothing else.
    /// </summary>
    public const string GeneratedNamespace = "JasperFx.Generated";

    /// <summary>
    /// Wolverine's pre-generated handler code (<c>codegen write</c>), compiled into the host: it constructs each module's
    /// handlers by design. The host rule leaves it out; every rule still checks the modules it calls.
    /// </summary>
    public const string WolverineCodegenNamespace = "Internal.Generated";

    private static readonly Lazy<Architecture> LoadedOnce = new(() =>
        new ArchLoader()
            .LoadFilteredDirectory(BinDirectory, HostAssembly + ".dll")
            .LoadFilteredDirectory(BinDirectory, BuildingBlocksAssembly + ".dll")
            .LoadFilteredDirectory(BinDirectory, ModulePrefix + "*.dll")
            .LoadFilteredDirectory(BinDirectory, Breaches.HostAssembly + ".dll")
            .Build());

    public static string BinDirectory => AppContext.BaseDirectory;

    public static Architecture Loaded => LoadedOnce.Value;

    /// <summary>
    /// The modules the host ships: every <c>Smart.Modules.&lt;M&gt;</c> implementation assembly Smart.Host references
    /// (it references each one from its modules registry). Never a hand-kept list: a new module is checked by every
    /// rule the moment the host registers it.
    /// </summary>
    public static IReadOnlyList<string> ShippedModules =>
        Loaded.Assemblies
            .Single(assembly => assembly.Name == HostAssembly)
            .ReferencedAssemblyNames
            .Where(IsModuleImplementation)
            .Select(name => name[ModulePrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The theory data every module rule runs over.</summary>
    public static TheoryData<string> Modules => new(ShippedModules);

    public static string ImplementationAssembly(string module) => ModulePrefix + module;

    public static string ContractsAssembly(string module) => ModulePrefix + module + ContractsSuffix;

    public static bool IsContracts(string assembly) =>
        assembly.StartsWith(ModulePrefix, StringComparison.Ordinal)
        && assembly.EndsWith(ContractsSuffix, StringComparison.Ordinal);

    public static bool IsModuleImplementation(string assembly) =>
        assembly.StartsWith(ModulePrefix, StringComparison.Ordinal) && !IsContracts(assembly);

    /// <summary>
    /// The simple name of the assembly defining a type: ArchUnitNET names loaded assemblies "Smart.Host" but the
    /// assemblies of referenced-only types by their full name ("Npgsql, Version=10.0.3.0, ...").
    /// </summary>
    public static string AssemblyOf(IType type) => type.Assembly.Name.Split(',')[0];

    /// <summary>True when the namespace is <paramref name="root"/> or one of its children (whole segments).</summary>
    public static bool IsInNamespace(IType type, string root) =>
        type.Namespace.FullName == root
        || type.Namespace.FullName.StartsWith(root + ".", StringComparison.Ordinal);

    /// <summary>The breaches the rules must report: a fake module "Breaches", its contracts and its fake host.</summary>
    public static class Breaches
    {
        public const string Module = "Breaches";
        public const string HostAssembly = "Smart.Breaches.Host";
    }
}
