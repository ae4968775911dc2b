using Smart.BuildingBlocks.Domain;
using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Sessions;
using static Smart.UnitTests.Training.SessionTests;

namespace Smart.UnitTests.Training;

public sealed class SessionMoveTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static List<HalfDay> TwoDaysFrom(DateOnly day) =>
    [
        new(day, new TimeOnly(9, 0), new TimeOnly(12, 30)), new(day, new TimeOnly(13, 30), new TimeOnly(17, 0)),
        new(day.AddDays(1), new TimeOnly(9, 0), new TimeOnly(12, 30)), new(day.AddDays(1), new TimeOnly(13, 30), new TimeOnly(17, 0)),
    ];

    [Fact]
    public void Given_a_session_at_a_venue_moved_a_week_later_Then_it_moves_at_once_with_sequence_1()
    {
        var session = TwoDays(Course());

        var outcome = session.Move(TwoDaysFrom(new DateOnly(2026, 3, 17)), session.Venue, Now);

        Assert.Equal((true, 0), (outcome.Moved, outcome.Released.Count));
        Assert.Equal((new DateOnly(2026, 3, 17), 1, Now), (session.FirstDay, session.Sequence, session.MovedAt!.Value));
    }

    [Fact]
    public void Given_a_confirmed_session_moved_to_a_room_Then_it_stays_until_held_and_a_superseded_request_is_released_and_its_answer_ignored()
    {
        var session = TwoDays(Course());
        var room = Guid.NewGuid();
        var first = session.Move(TwoDaysFrom(new DateOnly(2026, 3, 17)), Venue.Room(room), Now);
        var asked = session.PendingChange!.Venue.HoldId!.Value;
        Assert.Equal((false, new DateOnly(2026, 3, 10), SessionStatus.Confirmed), (first.Moved, session.FirstDay, session.Status));

        var second = session.Move(TwoDaysFrom(new DateOnly(2026, 3, 24)), Venue.Room(room), Now);

        Assert.Equal([asked], second.Released.Select(h => h.HoldId));
        Assert.Null(session.RoomHeld(asked, "Salle Jaune", "Bazaar", "Lille", Now));
        var held = session.RoomHeld(session.PendingChange!.Venue.HoldId!.Value, "Salle Jaune", "Bazaar", "Lille", Now)!;
        Assert.Equal((true, new DateOnly(2026, 3, 24), "Salle Jaune, Bazaar", 1), (held.Moved, session.FirstDay, session.Venue.Name, session.Sequence));
        Assert.Null(session.PendingChange);
    }

    [Fact]
    public void Given_a_move_refused_by_Spaces_Then_the_session_keeps_its_half_days_and_says_why()
    {
        var session = TwoDays(Course());
        session.Move(TwoDaysFrom(new DateOnly(2026, 3, 17)), Venue.Room(Guid.NewGuid()), Now);

        Assert.True(session.RoomUnavailable(session.PendingChange!.Venue.HoldId!.Value, "Salle Jaune is already booked"));

        Assert.Equal((new DateOnly(2026, 3, 10), SessionStatus.Confirmed, 0, "Not moved: Salle Jaune is already booked"),
            (session.FirstDay, session.Status, session.Sequence, session.RoomProblem));
    }

    [Fact]
    public void Given_a_4_half_day_session_Then_it_does_not_move_to_3_half_days_nor_after_it_started_nor_into_the_next_school_year()
    {
        var session = TwoDays(Course());

        Assert.Throws<BusinessRuleViolationException>(() => session.Move(TwoDaysFrom(new DateOnly(2026, 3, 17)).Take(3), session.Venue, Now));
        Assert.Throws<BusinessRuleViolationException>(() => session.Move(TwoDaysFrom(new DateOnly(2026, 7, 7)), session.Venue, Now));
        Assert.Throws<BusinessRuleViolationException>(() => session.Move(TwoDaysFrom(new DateOnly(2026, 3, 17)), session.Venue, session.StartsAt));
        Assert.Equal((new DateOnly(2026, 3, 10), 0), (session.FirstDay, session.Sequence));
    }
}
