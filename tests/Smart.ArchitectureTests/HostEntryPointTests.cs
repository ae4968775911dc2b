using Smart.ArchitectureTests.Rules;

namespace Smart.ArchitectureTests;

public sealed class HostEntryPointTests
{
    private readonly HostEntryPointRule _breachesHost =
        new(SmartArchitecture.Breaches.HostAssembly, SmartArchitecture.Breaches.Module);

    [Theory]
    [MemberData(nameof(SmartArchitecture.Modules), MemberType = typeof(SmartArchitecture))]
    public void Given_the_host_Then_should_reference_only_the_module_entry_type(string module) =>
        new HostEntryPointRule(SmartArchitecture.HostAssembly, module).Check(SmartArchitecture.Loaded);

    [Theory]
    [MemberData(nameof(SmartArchitecture.Modules), MemberType = typeof(SmartArchitecture))]
    public void Given_a_module_Then_should_expose_a_public_entry_type_implementing_IModule(string module) =>
        new ModuleEntryPointRule(module).Check(SmartArchitecture.Loaded);

    [Fact]
    public void Given_a_host_using_a_module_handler_in_an_async_lambda_Then_should_report_it_and_allow_entry_and_contracts()
    {
        var violation = Assert.Single(_breachesHost.Violations(SmartArchitecture.Loaded));

        Assert.StartsWith("Smart.Breaches.Host.HandlerInAsyncLambda ", violation);
        Assert.Contains("Smart.Modules.Breaches.Features.PublicBreachHandler (Smart.Modules.Breaches)", violation);
    }

    [Fact]
    public void Given_an_internal_entry_type_not_implementing_IModule_Then_should_report_both()
    {
        var violation = Reported.For(new ModuleEntryPointRule(SmartArchitecture.Breaches.Module), "BreachesModule");

        Assert.Contains("is not a public class", violation);
        Assert.Contains($"does not implement {ModuleEntryPointRule.ModuleInterface}", violation);
    }

    [Fact]
    public void Given_a_module_without_an_entry_type_Then_should_report_it() =>
        Assert.NotEmpty(new ModuleEntryPointRule("Missing").Violations(SmartArchitecture.Loaded));
}
