using Smart.ArchitectureTests.Rules;

namespace Smart.ArchitectureTests;

public sealed class InternalByDefaultTests
{
    private readonly InternalByDefaultRule _breaches = new(SmartArchitecture.Breaches.Module);

    [Theory]
    [MemberData(nameof(SmartArchitecture.Modules), MemberType = typeof(SmartArchitecture))]
    public void Given_a_module_Then_should_keep_handlers_aggregates_and_db_contexts_internal(string module) =>
        new InternalByDefaultRule(module).Check(SmartArchitecture.Loaded);

    [Fact]
    public void Given_a_public_handler_Then_should_report_it() =>
        Assert.EndsWith("is a public handler", Reported.For(_breaches, "Features.PublicBreachHandler"));

    [Fact]
    public void Given_a_public_handler_nested_in_a_public_type_Then_should_report_it() =>
        Assert.EndsWith("is a public handler", Reported.For(_breaches, "Features.PlaceBreach+Handler"));

    [Fact]
    public void Given_a_public_aggregate_Then_should_report_it() =>
        Assert.EndsWith("is a public aggregate", Reported.For(_breaches, "Domain.PublicAggregate"));

    [Fact]
    public void Given_a_public_db_context_Then_should_report_it() =>
        Assert.EndsWith("is a public DbContext", Reported.For(_breaches, "Features.BreachesDbContext"));

    [Fact]
    public void Given_a_public_handler_nested_in_an_internal_type_Then_should_report_only_the_breaches() =>
        Assert.Equal(
            Reported.Breach("Domain.PublicAggregate", "Features.BreachesDbContext", "Features.PlaceBreach+Handler",
                "Features.PublicBreachHandler"),
            Reported.Offenders(_breaches));
}
