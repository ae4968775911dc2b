using Mono.Cecil;

namespace Smart.ArchitectureTests;

/// <summary>
/// Finds the module assemblies the host brought into the test bin folder and loads them with Mono.Cecil.
/// The list of modules is derived from the files present, never kept by hand: a new module is checked
/// by every rule the moment the host references it.
/// </summary>
public sealed class ModuleAssemblies : IDisposable
{
    public const string ModulePrefix = "Smart.Modules.";
    public const string ContractsSuffix = ".Contracts";
    public const string HostAssemblyName = "Smart.Host";
    public const string BuildingBlocksAssemblyName = "Smart.BuildingBlocks";

    private readonly DefaultAssemblyResolver _resolver = CreateResolver();
    private readonly Dictionary<string, AssemblyDefinition> _loaded = new(StringComparer.Ordinal);

    public static string BinDirectory => AppContext.BaseDirectory;

    /// <summary>Module names (e.g. "Payroll") from the files <c>Smart.Modules.*.dll</c> that are not contracts.</summary>
    public static IReadOnlyList<string> ModuleNames() =>
        Directory.GetFiles(BinDirectory, ModulePrefix + "*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(name => !name.EndsWith(ContractsSuffix, StringComparison.Ordinal))
            .Select(name => name[ModulePrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The theory data every module rule runs over.</summary>
    public static TheoryData<string> Modules
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var module in ModuleNames())
            {
                data.Add(module);
            }

            return data;
        }
    }

    public static string ImplementationAssemblyName(string module) => ModulePrefix + module;

    public static string ContractsAssemblyName(string module) => ModulePrefix + module + ContractsSuffix;

    /// <summary>
    /// A resolver that looks in the bin folder first (module, building blocks and package assemblies);
    /// on .NET, Cecil falls back to the trusted platform assemblies for the shared frameworks.
    /// One resolver per loader: Cecil's caches are not thread-safe and xUnit runs classes in parallel.
    /// </summary>
    public static DefaultAssemblyResolver CreateResolver()
    {
        var resolver = new DefaultAssemblyResolver();
        foreach (var directory in resolver.GetSearchDirectories())
        {
            resolver.RemoveSearchDirectory(directory);
        }

        resolver.AddSearchDirectory(BinDirectory);
        return resolver;
    }

    public AssemblyDefinition Implementation(string module) => Load(ImplementationAssemblyName(module));

    public AssemblyDefinition Contracts(string module) => Load(ContractsAssemblyName(module));

    public AssemblyDefinition Host() => Load(HostAssemblyName);

    public AssemblyDefinition Load(string assemblyName)
    {
        if (_loaded.TryGetValue(assemblyName, out var loaded))
        {
            return loaded;
        }

        var path = Path.Combine(BinDirectory, assemblyName + ".dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Assembly {assemblyName} is not in the test bin folder {BinDirectory}.", path);
        }

        var assembly = AssemblyDefinition.ReadAssembly(path, new ReaderParameters { AssemblyResolver = _resolver });
        _loaded[assemblyName] = assembly;
        return assembly;
    }

    public void Dispose()
    {
        foreach (var assembly in _loaded.Values)
        {
            assembly.Dispose();
        }

        _resolver.Dispose();
    }
}
