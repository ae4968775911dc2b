using Smart.ArchitectureTests.Rules;

namespace Smart.ArchitectureTests;

public sealed class ContractsTests
{
    private readonly ContractsRule _breaches = new(SmartArchitecture.Breaches.Module);

    [Theory]
    [MemberData(nameof(SmartArchitecture.Modules), MemberType = typeof(SmartArchitecture))]
    public void Given_a_module_contracts_assembly_Then_should_reference_only_the_base_library(string module) =>
        new ContractsRule(module).Check(SmartArchitecture.Loaded);

    [Fact]
    public void Given_contracts_referencing_a_package_Then_should_report_the_type() =>
        Assert.Contains("Microsoft.EntityFrameworkCore.DbContext (Microsoft.EntityFrameworkCore)",
            Reported.For(_breaches, "Contracts.PackageInContracts"));

    [Fact]
    public void Given_contracts_with_a_building_blocks_generic_argument_Then_should_report_the_type() =>
        Assert.Contains("Smart.BuildingBlocks.Domain.AggregateRoot (Smart.BuildingBlocks)",
            Reported.For(_breaches, "Contracts.BuildingBlocksInContracts"));

    [Fact]
    public void Given_contracts_using_a_module_implementation_in_an_async_lambda_Then_should_report_the_type() =>
        Assert.Contains("Smart.Modules.Payroll.PayrollModule (Smart.Modules.Payroll)",
            Reported.For(_breaches, "Contracts.ModuleInContractsAsyncLambda"));

    [Fact]
    public void Given_base_library_records_and_generated_code_Then_should_report_only_the_breaches() =>
        Assert.Equal(
            Reported.Breach("Contracts.BuildingBlocksInContracts", "Contracts.ModuleInContractsAsyncLambda",
                "Contracts.PackageInContracts"),
            Reported.Offenders(_breaches));
}
