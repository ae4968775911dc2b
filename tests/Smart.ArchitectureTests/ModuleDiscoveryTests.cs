namespace Smart.ArchitectureTests;

public sealed class ModuleDiscoveryTests
{
    [Fact]
    public void Given_the_host_bin_folder_Then_should_find_exactly_the_six_modules()
    {
        // The one place the modules are named: a sanity check that discovery sees what the host ships.
        Assert.Equal(
            ["Activities", "Collections", "Governance", "Payroll", "Spaces", "Training"],
            ModuleAssemblies.ModuleNames());
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies.Modules), MemberType = typeof(ModuleAssemblies))]
    public void Given_a_module_Then_should_ship_its_implementation_and_its_contracts(string module)
    {
        using var assemblies = new ModuleAssemblies();

        Assert.Equal(ModuleAssemblies.ImplementationAssemblyName(module), assemblies.Implementation(module).Name.Name);
        Assert.Equal(ModuleAssemblies.ContractsAssemblyName(module), assemblies.Contracts(module).Name.Name);
    }
}
