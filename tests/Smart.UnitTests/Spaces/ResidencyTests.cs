using Smart.BuildingBlocks.Domain;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Residencies;
using Smart.Modules.Spaces.Domain.Resources;

namespace Smart.UnitTests.Spaces;

public sealed class ResidencyTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly DateOnly April = new(2026, 4, 1);

    private static readonly Place Bazaar = Place.Open(Guid.NewGuid(), Guid.NewGuid(), "Bazaar St-So", "Lille", "Europe/Paris", []);

    private static Residency Begin(DateOnly start, DateOnly? end = null, int noticeDays = 30, ResourceKind kind = ResourceKind.Workshop) =>
        Residency.Begin(Resource.Add(Bazaar, kind, "Atelier 3", 1, null), Guid.NewGuid(), Guid.NewGuid(), start, end, noticeDays, 250.00m, 0, Today);

    [Fact]
    public void Given_250_a_month_from_15_March_Then_March_is_17_31ths_and_April_is_whole_each_once()
    {
        var residency = Begin(new DateOnly(2026, 3, 15));

        var march = residency.Charge(March)!;
        Assert.Equal((137.10m, new DateOnly(2026, 3, 15)), (march.Amount, march.ChargedOn)); // 250 × 17 / 31 = 137.096…
        Assert.Null(residency.Charge(March));
        Assert.Equal(April, residency.MonthAfter(March));
        var april = residency.Charge(April)!;
        Assert.Equal((250.00m, April), (april.Amount, april.ChargedOn));
        Assert.NotEqual(march.ChargeId, april.ChargeId);
        Assert.Null(residency.Charge(new DateOnly(2026, 2, 1)));
    }

    [Fact]
    public void Given_an_end_on_10_May_with_30_days_notice_Then_May_is_10_31ths_and_no_month_follows()
    {
        var residency = Begin(new DateOnly(2026, 3, 15));
        residency.Charge(March);

        var early = Assert.Throws<BusinessRuleViolationException>(() => residency.Terminate(new DateOnly(2026, 3, 20), Today));
        Assert.Equal("NoticeIsRespected", early.Rule);
        residency.Terminate(new DateOnly(2026, 5, 10), Today);

        Assert.Equal(80.65m, residency.AmountFor(new DateOnly(2026, 5, 1))); // 250 × 10 / 31 = 80.645…
        Assert.Null(residency.MonthAfter(new DateOnly(2026, 5, 1)));
        Assert.False(residency.IsActiveOn(new DateOnly(2026, 5, 11)));
    }

    [Fact]
    public void Given_a_meeting_room_or_a_start_in_the_past_Then_no_residency()
    {
        Assert.Equal("ResourceIsRentedMonthly", Assert.Throws<BusinessRuleViolationException>(() => Begin(April, kind: ResourceKind.MeetingRoom)).Rule);
        Assert.Equal("ResidencyIsNotRetroactive", Assert.Throws<BusinessRuleViolationException>(() => Begin(new DateOnly(2026, 3, 1))).Rule);
    }

    [Fact]
    public void Given_an_occupied_workshop_Then_a_second_resident_is_refused()
    {
        var workshop = Resource.Add(Bazaar, ResourceKind.Workshop, "Atelier 4", 1, null);
        var refused = Assert.Throws<BusinessRuleViolationException>(() =>
            Residency.Begin(workshop, Guid.NewGuid(), Guid.NewGuid(), April, null, 30, 250.00m, residentsAlready: 1, Today));
        Assert.Equal("ResourceHasRoomForAResident", refused.Rule);
    }

    [Fact]
    public void Given_250_from_15_March_charged_to_April_and_300_from_16_May_Then_May_is_275_81_June_300_and_no_change_reaches_a_charged_month()
    {
        var residency = Begin(new DateOnly(2026, 3, 15));
        residency.Charge(March);
        residency.Charge(April);

        var charged = Assert.Throws<BusinessRuleViolationException>(() => residency.ChangePrice(new DateOnly(2026, 4, 30), 300.00m));
        Assert.Equal("PriceChangesAfterTheChargedMonths", charged.Rule);
        Assert.Equal("PriceChangesWithinTheResidency", Assert.Throws<BusinessRuleViolationException>(() => residency.ChangePrice(new DateOnly(2026, 3, 1), 300.00m)).Rule);
        residency.ChangePrice(new DateOnly(2026, 5, 16), 280.00m);
        residency.ChangePrice(new DateOnly(2026, 5, 16), 300.00m); // the same date: replaced

        Assert.Equal([250.00m, 300.00m], residency.Prices.Select(p => p.MonthlyPrice));
        Assert.Equal(275.81m, residency.AmountFor(new DateOnly(2026, 5, 1))); // (15 × 250.00 + 16 × 300.00) / 31 = 275.806…
        Assert.Equal(300.00m, residency.AmountFor(new DateOnly(2026, 6, 1)));
        Assert.Equal([137.10m, 250.00m], residency.Months.Select(m => m.Amount));
    }

    [Fact]
    public void Given_a_residency_not_started_Then_a_price_from_its_start_replaces_the_agreed_one()
    {
        var residency = Begin(new DateOnly(2026, 4, 1));

        residency.ChangePrice(new DateOnly(2026, 4, 1), 220.00m);

        Assert.Equal([new ResidencyPrice(new DateOnly(2026, 4, 1), 220.00m)], residency.Prices);
        Assert.Equal(220.00m, residency.AmountFor(April));
    }
}
