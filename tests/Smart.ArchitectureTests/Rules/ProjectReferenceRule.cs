using System.Xml.Linq;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// The project files say what the IL cannot: a <c>const</c> or an unused type taken from another module leaves no
/// trace in the compiled assembly. A module's project may reference only Smart.BuildingBlocks and <c>.Contracts</c>
/// projects (its own and other modules'); a <c>.Contracts</c> project references nothing at all (no project, package,
/// framework or assembly reference).
/// </summary>
public sealed class ProjectReferenceRule(string root, string module)
{
    private static readonly string[] ReferenceItems = ["ProjectReference", "PackageReference", "FrameworkReference", "Reference"];

    public string Description =>
        $"Under {root}, {SmartArchitecture.ImplementationAssembly(module)}.csproj may reference only "
        + $"{SmartArchitecture.BuildingBlocksAssembly} and Smart.Modules.*.Contracts projects, and "
        + $"{SmartArchitecture.ContractsAssembly(module)}.csproj nothing.";

    public void Check()
    {
        var violations = Violations();
        if (violations.Count > 0)
        {
            Assert.Fail($"{Description}{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", violations)}");
        }
    }

    /// <summary>Each violation as "Project.csproj references What (Item)".</summary>
    public IReadOnlyList<string> Violations()
    {
        var implementation = SmartArchitecture.ImplementationAssembly(module);
        var contracts = SmartArchitecture.ContractsAssembly(module);

        var fromImplementation = References(Project(implementation), "ProjectReference")
            .Where(reference => reference.Name != SmartArchitecture.BuildingBlocksAssembly
                                && !SmartArchitecture.IsContracts(reference.Name))
            .Select(reference => $"{implementation}.csproj references {reference.Name} (ProjectReference)");

        var fromContracts = ReferenceItems
            .SelectMany(item => References(Project(contracts), item))
            .Select(reference => $"{contracts}.csproj references {reference.Name} ({reference.Item})");

        return fromImplementation.Concat(fromContracts).ToList();
    }

    private string Project(string assembly)
    {
        var found = Directory.GetFiles(root, assembly + ".csproj", SearchOption.AllDirectories);
        return found.Length == 1
            ? found[0]
            : throw new InvalidOperationException($"Expected one {assembly}.csproj under {root}, found {found.Length}.");
    }

    /// <summary>The items of a kind, named by file name for project references and by Include for the others.</summary>
    private static IEnumerable<(string Name, string Item)> References(string project, string item) =>
        XDocument.Load(project).Descendants(item)
            .Select(element => (string?)element.Attribute("Include") ?? string.Empty)
            .Select(include => item == "ProjectReference"
                ? Path.GetFileNameWithoutExtension(include.Replace('\\', '/'))
                : include)
            .Select(name => (name, item));

    /// <summary>The repository root: the first folder above the test bin folder holding Smart.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(SmartArchitecture.BinDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Smart.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No Smart.sln above {SmartArchitecture.BinDirectory}.");
        }
    }
}
