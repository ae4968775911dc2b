using Smart.Modules.Spaces.Domain.Places;

namespace Smart.UnitTests.Spaces;

public sealed class OccupancyTests
{
    private static readonly Place Bazaar = Place.Open(Guid.NewGuid(), Guid.NewGuid(), "Bazaar St-So", "Lille", "Europe/Paris",
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday }
            .Select(day => new OpeningHours(day, new TimeOnly(8, 0), new TimeOnly(20, 0))));

    [Fact]
    public void Given_March_2026_open_Monday_to_Saturday_12_hours_Then_a_room_used_7_hours_is_2_24_percent_and_20_desks_used_9_hours_0_14()
    {
        var (march, last) = (new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

        Assert.Equal((312m, 0.0224m), (Occupancy.Of(Bazaar, 1, march, last, 7m).OpenHours, Occupancy.Of(Bazaar, 1, march, last, 7m).Rate));
        Assert.Equal(0.0014m, Occupancy.Of(Bazaar, 20, march, last, 9m).Rate);
    }

    [Fact]
    public void Given_a_closure_Then_its_days_are_not_open_hours()
    {
        var place = Place.Open(Guid.NewGuid(), Guid.NewGuid(), "Bigre!Lieu", "Rennes", "Europe/Paris", [new OpeningHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(18, 0))]);
        place.Close(new Closure(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15), "Travaux"));

        Assert.Equal(36m, Occupancy.Of(place, 1, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 0m).OpenHours); // Mondays 2, 16, 23, 30 × 9 h
        Assert.Equal(0m, Occupancy.Of(place, 1, new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15), 0m).Rate);
        Assert.False(place.IsOpen(new DateOnly(2026, 3, 9), new TimeOnly(10, 0), new TimeOnly(11, 0)));
        Assert.True(place.IsOpen(new DateOnly(2026, 3, 16), new TimeOnly(9, 0), new TimeOnly(18, 0)));
        Assert.False(place.IsOpen(new DateOnly(2026, 3, 16), new TimeOnly(8, 30), new TimeOnly(10, 0)));
    }
}
