using System.Xml.Linq;
using Smart.ArchitectureTests.Rules;

namespace Smart.ArchitectureTests;

/// <summary>
/// EF Core is the host's Identity store's alone (issue 10): the modules and the building blocks persist through Marten,
/// and no project but the host references an EF Core package, directly or through the building blocks every module
/// references; no folder of migrations lives elsewhere than the Identity store's.
/// </summary>
public sealed class EntityFrameworkTests
{
    private static readonly string Sources = Path.Combine(ProjectReferenceRule.RepositoryRoot, "src");

    [Fact]
    public void Given_the_projects_under_src_Then_only_the_host_references_an_EF_Core_package()
    {
        var referencing = Directory.GetFiles(Sources, "*.csproj", SearchOption.AllDirectories)
            .Where(project => XDocument.Load(project).Descendants("PackageReference")
                .Any(package => ((string?)package.Attribute("Include") ?? "").Contains("EntityFrameworkCore", StringComparison.Ordinal)))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["Smart.Host.csproj"], referencing);
    }

    [Fact]
    public void Given_the_folders_under_src_Then_the_only_migrations_are_the_Identity_stores()
    {
        var migrations = Directory.GetDirectories(Sources, "Migrations", SearchOption.AllDirectories)
            .Where(folder => !folder.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(folder => Path.GetRelativePath(Sources, folder).Replace('\\', '/'));

        Assert.Equal(["Host/Smart.Host/Identity/Migrations"], migrations);
    }
}
