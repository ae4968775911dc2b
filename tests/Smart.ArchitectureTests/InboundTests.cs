using Smart.ArchitectureTests.Rules;

namespace Smart.ArchitectureTests;

public sealed class InboundTests
{
    private readonly InboundRule _breaches = new(SmartArchitecture.Breaches.Module);

    [Theory]
    [MemberData(nameof(SmartArchitecture.Modules), MemberType = typeof(SmartArchitecture))]
    public void Given_a_module_Then_its_handlers_of_other_modules_messages_sit_in_Inbound(string module) =>
        new InboundRule(module).Check(SmartArchitecture.Loaded);

    [Fact]
    public void Given_a_handler_of_another_modules_event_among_the_features_Then_should_report_it_and_not_the_one_in_Inbound() =>
        Assert.Equal(Reported.Breach("Features.InvoiceIssuedHandledAmongFeatures"), Reported.Offenders(_breaches));
}
