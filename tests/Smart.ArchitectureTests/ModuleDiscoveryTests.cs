using Smart.ArchitectureTests.Rules;

namespace Smart.ArchitectureTests;

public sealed class ModuleDiscoveryTests
{
    [Fact]
    public void Given_the_module_projects_under_src_Then_should_find_each_registered_by_the_host()
    {
        // Two independent derivations must agree, so that no module escapes the rules by not being discovered.
        var projects = Directory
            .GetFiles(Path.Combine(ProjectReferenceRule.RepositoryRoot, "src"), SmartArchitecture.ModulePrefix + "*.csproj",
                SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(SmartArchitecture.IsModuleImplementation)
            .Select(name => name[SmartArchitecture.ModulePrefix.Length..])
            .Order(StringComparer.Ordinal);

        Assert.NotEmpty(SmartArchitecture.ShippedModules);
        Assert.Equal(projects, SmartArchitecture.ShippedModules);
    }

    [Theory]
    [MemberData(nameof(SmartArchitecture.Modules), MemberType = typeof(SmartArchitecture))]
    public void Given_a_module_Then_should_ship_its_implementation_and_its_contracts(string module)
    {
        var loaded = SmartArchitecture.Loaded.Assemblies.Select(assembly => assembly.Name).ToList();

        Assert.Contains(SmartArchitecture.ImplementationAssembly(module), loaded);
        Assert.Contains(SmartArchitecture.ContractsAssembly(module), loaded);
    }
}
