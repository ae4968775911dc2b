using Smart.Modules.Reporting.Definitions;

namespace Smart.UnitTests.Reporting;

public sealed class DefinitionsTests
{
    private static readonly DefinitionsVersion Defaults = DefinitionsVersion.Default;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(499.99, 0)]
    [InlineData(500, 1)]
    [InlineData(1499.99, 1)]
    [InlineData(1500, 2)]
    [InlineData(3000, 3)]
    [InlineData(-120, 0)]
    public void Given_a_monthly_average_Then_its_band_includes_its_lower_limit_and_excludes_its_upper_one(decimal average, int band) =>
        Assert.Equal(band, Defaults.BillingBand(average));

    [Fact]
    public void Given_the_default_bands_Then_their_labels_read_as_the_reports_print_them() =>
        Assert.Equal(["0–500 €", "500–1\u202f500 €", "1\u202f500–3\u202f000 €", "> 3\u202f000 €"], Defaults.BillingBandLabels());

    [Fact]
    public void Given_6000_invoiced_in_March_alone_Then_the_average_is_500_over_calendar_months_and_6000_over_invoiced_months()
    {
        Assert.Equal(500m, Defaults.MonthlyInvoicing(6000m, 1));
        Assert.Equal(1, Defaults.BillingBand(Defaults.MonthlyInvoicing(6000m, 1)));
        var overInvoicedMonths = Defaults with { MonthlyAverage = MonthlyAverage.InvoicedMonths };
        Assert.Equal(6000m, overInvoicedMonths.MonthlyInvoicing(6000m, 1));
        Assert.Equal(3, overInvoicedMonths.BillingBand(6000m));
        Assert.Equal(0m, overInvoicedMonths.MonthlyInvoicing(0m, 0));
    }

    [Fact]
    public void Given_hours_Then_FTE_is_hours_over_the_annual_hours() =>
        Assert.Equal(2.00m, Math.Round(Defaults.Fte(3214m), 2));

    [Theory]
    [InlineData(2007, 0)] // 19 on 31 December 2026
    [InlineData(2006, 1)] // 20
    [InlineData(1997, 1)] // 29
    [InlineData(1996, 2)] // 30
    [InlineData(1986, 2)] // 40
    [InlineData(1985, 3)] // 41
    [InlineData(1976, 3)] // 50
    [InlineData(1975, 4)] // 51
    public void Given_a_birth_year_Then_the_age_band_is_that_of_the_age_on_31_December(int born, int band) =>
        Assert.Equal(band, AgeBands.Of(new DateOnly(born, 12, 31), 2026));

    [Fact]
    public void Given_no_birth_date_Then_the_band_is_not_told() => Assert.Equal("Non renseigné", AgeBands.Labels[AgeBands.Of(null, 2026)]);

    [Fact]
    public void Given_versions_Then_the_one_in_force_on_a_date_applies_and_the_defaults_before_the_first()
    {
        var definitions = ReportDefinitions.For(Guid.NewGuid());
        definitions.Set(Defaults with { EffectiveFrom = new DateOnly(2026, 1, 1), AnnualHoursPerFte = 1600m });
        definitions.Set(Defaults with { EffectiveFrom = new DateOnly(2027, 1, 1), AnnualHoursPerFte = 1550m });
        definitions.Set(Defaults with { EffectiveFrom = new DateOnly(2026, 1, 1), AnnualHoursPerFte = 1607.5m }); // same date: replaced

        Assert.Equal(1607m, definitions.On(new DateOnly(2025, 12, 31)).AnnualHoursPerFte);
        Assert.Equal(1607.5m, definitions.On(new DateOnly(2026, 12, 31)).AnnualHoursPerFte);
        Assert.Equal(1550m, definitions.On(new DateOnly(2027, 12, 31)).AnnualHoursPerFte);
        Assert.Equal(2, definitions.Versions.Count);
    }
}
