using Smart.BuildingBlocks.Domain;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Resources;

namespace Smart.UnitTests.Spaces;

public sealed class ResourceDayTests
{
    private static readonly DateOnly Day = new(2026, 3, 10);

    private static readonly Resource Resource = Resource.Add(
        Place.Open(Guid.NewGuid(), Guid.NewGuid(), "Bazaar St-So", "Lille", "Europe/Paris", []), ResourceKind.MeetingRoom, "Salle Jaune", 12, null);

    private static TimeOnly At(int hour) => new(hour, 0);

    [Fact]
    public void Given_a_room_booked_from_10_to_12_Then_11_to_13_conflicts_and_12_to_13_fits()
    {
        var room = ResourceDay.Start(Resource, Day);
        Assert.Equal(BookingStatus.Confirmed, room.Book(Guid.NewGuid(), At(10), At(12), capacity: 1, waitIfFull: false));

        var conflict = Assert.Throws<BusinessRuleViolationException>(() => room.Book(Guid.NewGuid(), At(11), At(13), 1, false));
        Assert.Equal("SlotIsFree", conflict.Rule);
        Assert.Equal(BookingStatus.Confirmed, room.Book(Guid.NewGuid(), At(12), At(13), 1, false));
        Assert.Equal(BookingStatus.Confirmed, room.Book(Guid.NewGuid(), At(9), At(10), 1, false));
        Assert.Equal(4m, room.BookedHours);
    }

    [Fact]
    public void Given_20_desks_all_booked_Then_the_21st_waits_and_a_cancellation_promotes_it()
    {
        var area = ResourceDay.Start(Resource, Day);
        var booked = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        Assert.All(booked, id => Assert.Equal(BookingStatus.Confirmed, area.Book(id, At(9), At(18), 20, false)));
        var twentyFirst = Guid.NewGuid();

        Assert.Throws<BusinessRuleViolationException>(() => area.Book(Guid.NewGuid(), At(9), At(18), 20, waitIfFull: false));
        Assert.Equal(BookingStatus.Waiting, area.Book(twentyFirst, At(9), At(18), 20, waitIfFull: true));
        Assert.Equal([twentyFirst], area.Release(booked[5], 20));
        Assert.Empty(area.Release(Guid.NewGuid(), 20));
    }

    [Fact]
    public void Given_desks_used_at_different_hours_Then_only_the_moments_that_overlap_count()
    {
        var area = ResourceDay.Start(Resource, Day);
        area.Book(Guid.NewGuid(), At(9), At(11), 2, false);
        area.Book(Guid.NewGuid(), At(10), At(12), 2, false);

        Assert.False(area.Fits(At(10), At(11), 2)); // two desks taken from 10 to 11
        Assert.True(area.Fits(At(11), At(13), 2)); // one from 11 to 12
        Assert.True(area.Fits(At(8), At(9), 2));
    }

    [Fact]
    public void Given_a_waiting_booking_too_long_for_the_freed_slot_Then_it_stays_waiting_and_a_later_one_that_fits_goes_first()
    {
        var room = ResourceDay.Start(Resource, Day);
        var morning = Guid.NewGuid();
        room.Book(morning, At(9), At(12), 1, false);
        room.Book(Guid.NewGuid(), At(12), At(14), 1, false);
        var long_ = Guid.NewGuid();
        var short_ = Guid.NewGuid();
        room.Book(long_, At(10), At(13), 1, true);
        room.Book(short_, At(10), At(11), 1, true);

        Assert.Equal([short_], room.Release(morning, 1));
        Assert.Contains(room.Slots, s => s.BookingId == long_ && s.Waiting);
    }

    [Fact]
    public void Given_an_event_18_to_20_and_a_booking_waiting_for_19_to_20_Then_moving_the_event_to_17_to_19_confirms_it_and_onto_a_booking_is_refused_unchanged()
    {
        var room = ResourceDay.Start(Resource, Day);
        var concert = Guid.NewGuid();
        room.Book(concert, At(18), At(20), 1, false);
        room.Book(Guid.NewGuid(), At(10), At(12), 1, false);
        var waiting = Guid.NewGuid();
        room.Book(waiting, At(19), At(20), 1, waitIfFull: true);

        Assert.Equal([waiting], room.Move(concert, At(17), At(19), 1));
        var refused = Assert.Throws<BusinessRuleViolationException>(() => room.Move(concert, At(11), At(13), 1));
        Assert.Equal("SlotIsFree", refused.Rule);
        Assert.Contains(room.Slots, s => s.BookingId == concert && s.Start == At(17) && s.End == At(19));
        Assert.Equal(5m, room.BookedHours); // 17–19, 10–12, 19–20
    }
}
