using Smart.ArchitectureTests.Rules;

namespace Smart.ArchitectureTests;

public sealed class InternalByDefaultTests
{
    private readonly InternalByDefaultRule _breaches = new(SmartArchitecture.Breaches.Module);

    [Theory]
    [MemberData(nameof(SmartArchitecture.Modules), MemberType = typeof(SmartArchitecture))]
    public void Given_a_module_Then_should_keep_its_aggregates_internal(string module) =>
        new InternalByDefaultRule(module).Check(SmartArchitecture.Loaded);

    [Fact]
    public void Given_a_public_aggregate_Then_should_report_it() =>
        Assert.EndsWith("is a public aggregate", Reported.For(_breaches, "Domain.PublicAggregate"));

    [Fact]
    public void Given_a_public_aggregate_nested_in_a_public_type_Then_should_report_it() =>
        Assert.EndsWith("is a public aggregate", Reported.For(_breaches, "Domain.ShownPlace+Aggregate"));

    [Fact]
    public void Given_a_public_aggregate_nested_in_an_internal_type_or_a_public_handler_Then_should_report_only_the_breaches() =>
        Assert.Equal(Reported.Breach("Domain.PublicAggregate", "Domain.ShownPlace+Aggregate"), Reported.Offenders(_breaches));
}
