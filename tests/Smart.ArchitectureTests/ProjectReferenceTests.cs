using Smart.ArchitectureTests.Rules;

namespace Smart.ArchitectureTests;

public sealed class ProjectReferenceTests
{
    [Theory]
    [MemberData(nameof(SmartArchitecture.Modules), MemberType = typeof(SmartArchitecture))]
    public void Given_a_module_project_Then_should_reference_only_building_blocks_and_contracts(string module) =>
        new ProjectReferenceRule(Path.Combine(ProjectReferenceRule.RepositoryRoot, "src"), module).Check();

    [Fact]
    public void Given_projects_referencing_a_module_the_host_building_blocks_and_a_package_Then_should_report_each()
    {
        var breaches = new ProjectReferenceRule(
            Path.Combine(ProjectReferenceRule.RepositoryRoot, "tests", "Smart.ArchitectureTests.Breaches"),
            SmartArchitecture.Breaches.Module);

        Assert.Equal(
            [
                "Smart.Modules.Breaches.Contracts.csproj references Microsoft.EntityFrameworkCore (PackageReference)",
                "Smart.Modules.Breaches.Contracts.csproj references Smart.BuildingBlocks (ProjectReference)",
                "Smart.Modules.Breaches.Contracts.csproj references Smart.Modules.Payroll (ProjectReference)",
                "Smart.Modules.Breaches.csproj references Smart.Host (ProjectReference)",
                "Smart.Modules.Breaches.csproj references Smart.Modules.Payroll (ProjectReference)",
            ],
            breaches.Violations().Order(StringComparer.Ordinal));
    }
}
