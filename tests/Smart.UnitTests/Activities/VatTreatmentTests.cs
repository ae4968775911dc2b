using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Invoicing;

namespace Smart.UnitTests.Activities;

public sealed class VatTreatmentTests
{
    private const string Mention = "Exonération de TVA — article 261-4-4° a du CGI";

    [Theory]
    [InlineData(null)]
    [InlineData("0.20")]
    [InlineData("0.055")]
    public void Given_a_training_activity_of_an_exempt_entity_Then_every_line_carries_0_percent_and_the_mention_whatever_is_asked(string? requested)
    {
        var vat = VatTreatment.For(ActivityKind.Training, 0.20m, trainingVatExempt: true, Mention);
        var line = new InvoiceLine("Formation PAO — 2 jours", 2, 700.00m, vat.RateFor(requested is null ? null : decimal.Parse(requested, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal((0m, 1400.00m, 0m, Mention), (line.VatRate, line.Net, line.Vat, vat.Mention));
    }

    [Theory]
    [InlineData("LivePerformance", true)]
    [InlineData("CreativeProjects", true)]
    [InlineData("Training", false)]
    public void Given_another_kind_or_an_entity_without_exemption_Then_the_entity_rate_of_20_percent_applies_without_mention(string kindName, bool exempt)
    {
        var kind = Enum.Parse<ActivityKind>(kindName);
        var vat = VatTreatment.For(kind, 0.20m, exempt, exempt ? Mention : null);
        var line = new InvoiceLine("Prestation", 1, 1000.00m, vat.RateFor(null));

        Assert.Equal((0.20m, 200.00m, (string?)null), (line.VatRate, line.Vat, vat.Mention));
        Assert.Equal(0.055m, vat.RateFor(0.055m));
    }
}
