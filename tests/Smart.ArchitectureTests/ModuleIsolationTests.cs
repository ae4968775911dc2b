using Smart.ArchitectureTests.Rules;

namespace Smart.ArchitectureTests;

public sealed class ModuleIsolationTests
{
    private readonly ModuleIsolationRule _breaches = new(SmartArchitecture.Breaches.Module);

    [Theory]
    [MemberData(nameof(SmartArchitecture.Modules), MemberType = typeof(SmartArchitecture))]
    public void Given_a_module_Then_should_not_reference_another_module_implementation_nor_the_host(string module) =>
        new ModuleIsolationRule(module).Check(SmartArchitecture.Loaded);

    [Fact]
    public void Given_another_module_implementation_used_in_an_async_lambda_Then_should_report_the_type() =>
        Assert.Contains("Smart.Modules.Payroll.PayrollModule (Smart.Modules.Payroll)",
            Reported.For(_breaches, "Features.PayrollInAsyncLambda"));

    [Fact]
    public void Given_another_module_implementation_used_in_an_async_method_Then_should_report_the_type() =>
        Assert.Contains("Smart.Modules.Payroll.PayrollModule (Smart.Modules.Payroll)",
            Reported.For(_breaches, "Features.PayrollInAsyncMethod"));

    [Fact]
    public void Given_another_module_implementation_as_a_generic_argument_Then_should_report_the_type() =>
        Assert.Contains("Smart.Modules.Payroll.PayrollModule (Smart.Modules.Payroll)",
            Reported.For(_breaches, "Features.PayrollAsGenericArgument"));

    [Fact]
    public void Given_a_reference_to_the_host_Then_should_report_the_type() =>
        Assert.Contains("Program (Smart.Host)", Reported.For(_breaches, "Features.ReachesTheHost"));

    [Fact]
    public void Given_building_blocks_contracts_packages_and_generated_code_Then_should_report_only_the_breaches() =>
        Assert.Equal(
            Reported.Breach("Features.PayrollAsGenericArgument", "Features.PayrollInAsyncLambda", "Features.PayrollInAsyncMethod",
                "Features.ReachesTheHost"),
            Reported.Offenders(_breaches));
}
