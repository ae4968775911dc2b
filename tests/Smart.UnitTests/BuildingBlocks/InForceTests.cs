using Smart.BuildingBlocks.Domain;

namespace Smart.UnitTests.BuildingBlocks;

public sealed class InForceTests
{
    private sealed record ContributionRate(DateOnly EffectiveFrom, decimal Rate) : IEffectiveDated;

    // SmartFr: 8.5 % until the general assembly's vote, 10 % from 2022-12-15.
    private static readonly ContributionRate[] SmartFr = [new(new DateOnly(2022, 12, 15), 0.10m), new(new DateOnly(2017, 1, 1), 0.085m)];

    [Theory]
    [InlineData("2017-01-01", "0.085")]
    [InlineData("2022-12-14", "0.085")]
    [InlineData("2022-12-15", "0.10")]
    [InlineData("2026-11-30", "0.10")]
    public void Given_versions_in_any_order_Then_the_latest_effective_on_or_before_the_date_is_in_force(string date, string rate) =>
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), SmartFr.InForceOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))!.Rate);

    [Fact]
    public void Given_a_date_before_the_first_version_Then_nothing_is_in_force_and_a_required_value_is_a_conflict_saying_what()
    {
        Assert.Null(SmartFr.InForceOn(new DateOnly(2016, 12, 31)));

        var missing = Assert.Throws<BusinessRuleViolationException>(() => SmartFr.RequiredOn(new DateOnly(2016, 12, 31), "contribution rate"));
        Assert.Equal("No contribution rate is in force on 2016-12-31.", missing.Message);
    }

    [Fact]
    public void Given_a_query_Then_the_versions_effective_on_the_date_come_newest_first()
    {
        var effective = SmartFr.AsQueryable().EffectiveOn(new DateOnly(2023, 1, 1)).ToList();

        Assert.Equal([0.10m, 0.085m], effective.Select(v => v.Rate));
        Assert.Empty(SmartFr.AsQueryable().EffectiveOn(new DateOnly(2016, 1, 1)));
    }
}
