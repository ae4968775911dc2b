using Smart.BuildingBlocks.Domain;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Pricing;

namespace Smart.UnitTests.Spaces;

public sealed class PricingTests
{
    private static readonly DateOnly Tuesday = new(2026, 3, 10);
    private static readonly DateOnly Friday = new(2026, 3, 13);
    private static readonly TimeSpan FullDay = TimeSpan.FromHours(9);

    /// <summary>Coworking: members 3.00 an hour, 8.00 a half-day (4 h at most), 15.00 a day, free on Fridays, 150.00 a month at most; outsiders 25.00 a day.</summary>
    private static readonly PriceVersion Coworking = new(new DateOnly(2026, 1, 1), 4m, 24,
    [
        new AudienceRate(Audience.Member, 3.00m, 8.00m, 15.00m, [DayOfWeek.Friday], 150.00m),
        new AudienceRate(Audience.Outsider, null, null, 25.00m, [], null),
    ]);

    [Fact]
    public void Given_coworking_for_a_member_Then_Friday_is_free_and_a_Tuesday_costs_the_15_day_rate()
    {
        Assert.Equal(0.00m, Coworking.PriceOf(Audience.Member, Friday, FullDay, 0m));
        Assert.Equal(15.00m, Coworking.PriceOf(Audience.Member, Tuesday, FullDay, 0m)); // 9 h × 3.00 = 27.00 > 15.00
    }

    [Fact]
    public void Given_short_bookings_Then_the_cheapest_of_hourly_and_half_day_applies()
    {
        Assert.Equal(6.00m, Coworking.PriceOf(Audience.Member, Tuesday, TimeSpan.FromHours(2), 0m)); // 2 × 3.00 < 8.00
        Assert.Equal(8.00m, Coworking.PriceOf(Audience.Member, Tuesday, TimeSpan.FromHours(4), 0m)); // 12.00 hourly > 8.00 half-day
        Assert.Equal(13.50m, Coworking.PriceOf(Audience.Member, Tuesday, TimeSpan.FromHours(4.5), 0m)); // too long for a half-day: 4.5 × 3.00 < 15.00
        Assert.Equal(15.00m, Coworking.PriceOf(Audience.Member, Tuesday, TimeSpan.FromHours(6), 0m)); // 18.00 hourly > 15.00
    }

    [Fact]
    public void Given_a_monthly_cap_of_150_Then_a_member_who_paid_140_pays_10_and_then_nothing()
    {
        Assert.Equal(10.00m, Coworking.PriceOf(Audience.Member, Tuesday, FullDay, 140.00m));
        Assert.Equal(0.00m, Coworking.PriceOf(Audience.Member, Tuesday, FullDay, 150.00m));
    }

    [Fact]
    public void Given_no_rate_for_residents_Then_a_residents_booking_is_refused()
    {
        var refused = Assert.Throws<BusinessRuleViolationException>(() => Coworking.PriceOf(Audience.Resident, Tuesday, FullDay, 0m));
        Assert.Equal("ResourceHasARateFor", refused.Rule);
    }

    [Fact]
    public void Given_prices_from_January_and_from_April_Then_the_version_in_force_on_a_date_applies()
    {
        var april = Coworking with { EffectiveFrom = new DateOnly(2026, 4, 1), Rates = [new AudienceRate(Audience.Member, null, null, 18.00m, [], null)] };
        PriceVersion[] versions = [april, Coworking];

        Assert.Equal(15.00m, PriceLists.InForce(versions, new DateOnly(2026, 3, 31)).PriceOf(Audience.Member, Tuesday, FullDay, 0m));
        Assert.Equal(18.00m, PriceLists.InForce(versions, new DateOnly(2026, 4, 1)).PriceOf(Audience.Member, Tuesday, FullDay, 0m));
        Assert.Null(versions.InForceOn(new DateOnly(2025, 12, 31)));
        Assert.Throws<BusinessRuleViolationException>(() => PriceLists.InForce(versions, new DateOnly(2025, 12, 31)));
    }
}
