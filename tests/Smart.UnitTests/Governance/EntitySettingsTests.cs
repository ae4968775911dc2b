using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Entities;

namespace Smart.UnitTests.Governance;

public sealed class EntitySettingsTests
{
    private static readonly PayoutRule SevenDays = PayoutRule.DaysAfterEndOfWork(7);

    private static CooperativeEntity SmartFr() => CooperativeEntity.Create("SmartFr", "Smart France", EntityKind.Scic, "fr",
    [
        new(new DateOnly(2017, 1, 1), 0.085m, SevenDays, 0.20m, true),
        new(new DateOnly(2022, 12, 15), 0.10m, SevenDays, 0.20m, true),
    ]);

    [Theory]
    [InlineData("2017-01-01", "0.085")]
    [InlineData("2022-12-14", "0.085")]
    [InlineData("2022-12-15", "0.10")]
    [InlineData("2026-03-02", "0.10")]
    public void Given_SmartFr_Then_the_contribution_rate_is_the_one_in_force_on_the_date(string date, string rate)
    {
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), SmartFr().SettingsOn(DateOnly.Parse(date))!.ContributionRate);
    }

    [Fact]
    public void Given_a_training_VAT_exemption_without_its_legal_mention_Then_the_version_is_refused()
    {
        var refused = Assert.Throws<BusinessRuleViolationException>(() =>
            new EntitySettingsVersion(new DateOnly(2027, 1, 1), 0.10m, SevenDays, 0.20m, true, trainingVatExempt: true, trainingVatExemptionMention: " "));
        var exempt = new EntitySettingsVersion(new DateOnly(2027, 1, 1), 0.10m, SevenDays, 0.20m, true, true, " Exonération de TVA — article 261-4-4° a du CGI ");

        Assert.Equal("ExemptionCarriesItsMention", refused.Rule);
        Assert.Equal("Exonération de TVA — article 261-4-4° a du CGI", SmartFr().ToSettingsChanged(exempt).TrainingVatExemptionMention);
    }

    [Fact]
    public void Given_a_date_before_the_first_version_Then_no_settings_apply()
    {
        Assert.Null(SmartFr().SettingsOn(new DateOnly(2016, 12, 31)));
    }

    [Fact]
    public void Given_a_change_from_a_future_date_Then_it_applies_from_that_date_only()
    {
        var entity = SmartFr();

        entity.ChangeSettings(new EntitySettingsVersion(new DateOnly(2027, 1, 1), 0.11m, SevenDays, 0.20m, true), today: new DateOnly(2026, 11, 23));

        Assert.Equal(0.10m, entity.SettingsOn(new DateOnly(2026, 12, 31))!.ContributionRate);
        Assert.Equal(0.11m, entity.SettingsOn(new DateOnly(2027, 1, 1))!.ContributionRate);
    }

    [Fact]
    public void Given_a_change_dated_yesterday_Then_it_is_refused_as_retroactive()
    {
        var error = Assert.Throws<BusinessRuleViolationException>(() =>
            SmartFr().ChangeSettings(new EntitySettingsVersion(new DateOnly(2026, 11, 22), 0.11m, SevenDays, 0.20m, true), today: new DateOnly(2026, 11, 23)));

        Assert.Equal("SettingsChangeIsNotRetroactive", error.Rule);
    }

    [Fact]
    public void Given_a_change_not_after_the_latest_version_Then_it_is_refused()
    {
        var entity = SmartFr();
        entity.ChangeSettings(new EntitySettingsVersion(new DateOnly(2027, 6, 1), 0.11m, SevenDays, 0.20m, true), today: new DateOnly(2026, 11, 23));

        var error = Assert.Throws<BusinessRuleViolationException>(() =>
            entity.ChangeSettings(new EntitySettingsVersion(new DateOnly(2027, 1, 1), 0.12m, SevenDays, 0.20m, true), today: new DateOnly(2026, 11, 23)));

        Assert.Equal("SettingsChangeFollowsLatestVersion", error.Rule);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("-0.01")]
    public void Given_a_rate_that_is_not_a_fraction_Then_the_version_is_refused(string rate)
    {
        Assert.Throws<BusinessRuleViolationException>(() =>
            new EntitySettingsVersion(new DateOnly(2027, 1, 1), decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), SevenDays, 0.20m, true));
    }

    [Fact]
    public void Given_an_entity_Then_the_country_is_upper_case_and_two_versions_cannot_share_a_day()
    {
        Assert.Equal("FR", SmartFr().Country);
        Assert.Throws<BusinessRuleViolationException>(() => CooperativeEntity.Create("X", "X", EntityKind.Cae, "FR",
        [
            new(new DateOnly(2020, 1, 1), 0.1m, SevenDays, 0.2m, false),
            new(new DateOnly(2020, 1, 1), 0.2m, SevenDays, 0.2m, false),
        ]));
    }

    [Theory]
    [InlineData(PayoutRuleKind.DaysAfterEndOfWork, 7, "2026-03-10", "2026-03-17")]
    [InlineData(PayoutRuleKind.DaysAfterEndOfWork, 7, "2026-12-28", "2027-01-04")]
    [InlineData(PayoutRuleKind.DayOfFollowingMonth, 10, "2026-03-10", "2026-04-10")]
    [InlineData(PayoutRuleKind.DayOfFollowingMonth, 10, "2026-12-31", "2027-01-10")]
    [InlineData(PayoutRuleKind.EndOfMonth, 0, "2026-02-03", "2026-02-28")]
    [InlineData(PayoutRuleKind.EndOfMonth, 0, "2028-02-03", "2028-02-29")]
    public void Given_a_payout_rule_Then_the_pay_date_follows_from_the_end_of_work(PayoutRuleKind kind, int day, string endOfWork, string payDate)
    {
        Assert.Equal(DateOnly.Parse(payDate), new PayoutRule(kind, day).PayDateFor(DateOnly.Parse(endOfWork)));
    }

    [Theory]
    [InlineData(PayoutRuleKind.DaysAfterEndOfWork, -1, false)]
    [InlineData(PayoutRuleKind.DaysAfterEndOfWork, 61, false)]
    [InlineData(PayoutRuleKind.DayOfFollowingMonth, 0, false)]
    [InlineData(PayoutRuleKind.DayOfFollowingMonth, 29, false)]
    [InlineData(PayoutRuleKind.EndOfMonth, 3, false)]
    [InlineData(PayoutRuleKind.DayOfFollowingMonth, 28, true)]
    public void Given_a_payout_day_Then_it_is_valid_only_within_the_rule_range(PayoutRuleKind kind, int day, bool valid)
    {
        Assert.Equal(valid, new PayoutRule(kind, day).IsValid);
    }
}
