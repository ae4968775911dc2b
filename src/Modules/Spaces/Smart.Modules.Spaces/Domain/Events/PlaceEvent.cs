using Smart.BuildingBlocks.Domain;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Resources;

namespace Smart.Modules.Spaces.Domain.Events;

/// <summary>
/// An event held in a place (a concert, an open day, a members' meeting), public or private, on one day: it takes the
/// rooms it uses like a booking does, so they cannot be booked over it.
/// </summary>
internal sealed class PlaceEvent : AggregateRoot
{
    private List<Guid> _roomIds = [];

    private PlaceEvent()
    {
        Title = null!;
    }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid PlaceId { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public bool IsPublic { get; private set; }

    public DateOnly Date { get; private set; }

    public TimeOnly Start { get; private set; }

    public TimeOnly End { get; private set; }

    public IReadOnlyList<Guid> RoomIds => _roomIds;

    /// <summary>When it was called off: it stays on the programme, marked so, and its rooms are free again.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    public static PlaceEvent Plan(Guid placeId, IReadOnlyList<Resource> rooms, string title, string? description, bool isPublic, DateOnly date, TimeOnly start, TimeOnly end)
    {
        CheckRooms(rooms);
        return new PlaceEvent
        {
            Id = Guid.CreateVersion7(),
            EntityId = rooms[0].EntityId,
            OfficeId = rooms[0].OfficeId,
            PlaceId = placeId,
            Title = title.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            IsPublic = isPublic,
            Date = date,
            Start = start,
            End = end,
            _roomIds = rooms.Select(r => r.Id).ToList(),
        };
    }

    /// <summary>Calls the event off before it starts (<paramref name="startsAt"/>, the UTC instant of its start).</summary>
    public void Cancel(DateTimeOffset startsAt, DateTimeOffset now)
    {
        CheckRule(new EventIsAhead(this, startsAt, now));
        CancelledAt = now;
    }

    /// <summary>Moves the event, before it starts, to another date, hours or rooms of its place; its id (and so the programme's entry) stays.</summary>
    public void MoveTo(IReadOnlyList<Resource> rooms, DateOnly date, TimeOnly start, TimeOnly end, DateTimeOffset startsAt, DateTimeOffset now)
    {
        CheckRule(new EventIsAhead(this, startsAt, now));
        CheckRooms(rooms);
        (Date, Start, End, _roomIds) = (date, start, end, rooms.Select(r => r.Id).ToList());
    }

    private static void CheckRooms(IReadOnlyList<Resource> rooms)
    {
        foreach (var room in rooms)
        {
            CheckRule(new EventsUseRooms(room));
        }
    }

    private sealed record EventIsAhead(PlaceEvent Event, DateTimeOffset StartsAt, DateTimeOffset Now) : IBusinessRule
    {
        public bool IsBroken() => Event.CancelledAt is not null || StartsAt <= Now;

        public string Message => Event.CancelledAt is not null ? $"{Event.Title} is cancelled already." : $"{Event.Title} has started or is over: it stays as it was.";
    }

    private sealed record EventsUseRooms(Resource Resource) : IBusinessRule
    {
        public bool IsBroken() => Resource.Kind is not (ResourceKind.MeetingRoom or ResourceKind.TrainingRoom or ResourceKind.Workshop);

        public string Message => $"{Resource.Name} is not a room: an event uses meeting rooms, training rooms and workshops.";
    }
}
