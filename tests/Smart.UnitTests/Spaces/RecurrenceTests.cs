using Smart.Modules.Spaces.Domain.Bookings;

namespace Smart.UnitTests.Spaces;

public sealed class RecurrenceTests
{
    [Fact]
    public void Given_a_weekly_rule_of_10_from_Tuesday_3_March_Then_ten_Tuesdays_across_the_change_to_summer_time()
    {
        var dates = Recurrence.Dates(new DateOnly(2026, 3, 3), new TimeOnly(10, 0), "FREQ=WEEKLY;COUNT=10")!;

        Assert.Equal(10, dates.Count);
        Assert.Equal((new DateOnly(2026, 3, 3), new DateOnly(2026, 5, 5)), (dates[0], dates[^1]));
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Tuesday, d.DayOfWeek));
    }

    [Fact]
    public void Given_a_monthly_rule_until_June_Then_the_3rd_of_each_month()
    {
        Assert.Equal([new DateOnly(2026, 3, 3), new DateOnly(2026, 4, 3), new DateOnly(2026, 5, 3), new DateOnly(2026, 6, 3)],
            Recurrence.Dates(new DateOnly(2026, 3, 3), new TimeOnly(10, 0), "FREQ=MONTHLY;UNTIL=20260630T235959"));
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;COUNT=10", true)]
    [InlineData("FREQ=MONTHLY;UNTIL=20261231T000000", true)]
    [InlineData("FREQ=WEEKLY", false)] // endless
    [InlineData("FREQ=HOURLY;COUNT=3", false)]
    [InlineData("FREQ=SOMETIMES;COUNT=3", false)]
    [InlineData("", false)]
    public void Given_a_rule_Then_only_finite_daily_weekly_or_monthly_ones_are_bookable(string rule, bool bookable) =>
        Assert.Equal(bookable, Recurrence.IsBookable(rule));

    [Fact]
    public void Given_a_series_of_three_years_Then_one_more_than_the_limit_is_returned_to_tell_it()
    {
        Assert.Equal(Recurrence.MaxOccurrences + 1, Recurrence.Dates(new DateOnly(2026, 3, 3), new TimeOnly(10, 0), "FREQ=WEEKLY;COUNT=156")!.Count);
    }

    [Fact]
    public void Given_a_rule_that_never_matches_a_date_Then_no_dates_rather_than_an_error()
    {
        var dates = Recurrence.Dates(new DateOnly(2026, 3, 3), new TimeOnly(10, 0), "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2");

        Assert.True(dates is null || dates.Count == 0);
    }
}
