using Smart.BuildingBlocks.Domain;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Resources;

namespace Smart.Modules.Spaces.Domain.Bookings;

/// <summary>A booking's place in its resource's day: confirmed, or waiting in line (in the order of the list).</summary>
internal sealed record Slot(Guid BookingId, TimeOnly Start, TimeOnly End, bool Waiting)
{
    public bool Overlaps(TimeOnly start, TimeOnly end) => Start < end && start < End;
}

/// <summary>
/// One resource's bookings of one day, as one document with a numeric revision: every booking or cancellation of that
/// day rewrites it, stating the revision it read, so two callers racing for the last slot cannot both save (ADR 0052).
/// The loser runs again on fresh state and finds the slot taken.
/// </summary>
internal sealed class ResourceDay : AggregateRoot
{
    private List<Slot> _slots = [];

    private ResourceDay()
    {
    }

    public Guid ResourceId { get; private set; }

    /// <summary>Where the resource is, as on the resource: the availability search reads a place's days by these, in the same round trip as its resources (ADR 0068).</summary>
    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid PlaceId { get; private set; }

    public DateOnly Date { get; private set; }

    public IReadOnlyList<Slot> Slots => _slots;

    public static Guid IdOf(Guid resourceId, DateOnly date) => DeterministicIds.Of(resourceId, date);

    public static ResourceDay Start(Resource resource, DateOnly date) => new()
    {
        Id = IdOf(resource.Id, date),
        ResourceId = resource.Id,
        EntityId = resource.EntityId,
        OfficeId = resource.OfficeId,
        PlaceId = resource.PlaceId,
        Date = date,
    };

    /// <summary>
    /// Confirms the booking when fewer than <paramref name="capacity"/> confirmed bookings overlap it at any moment;
    /// otherwise puts it in line when asked to, or refuses it (409).
    /// </summary>
    public BookingStatus Book(Guid bookingId, TimeOnly start, TimeOnly end, int capacity, bool waitIfFull)
    {
        if (Fits(start, end, capacity))
        {
            _slots.Add(new Slot(bookingId, start, end, Waiting: false));
            return BookingStatus.Confirmed;
        }
        CheckRule(new SlotIsFree(start, end, Accepted: waitIfFull));
        _slots.Add(new Slot(bookingId, start, end, Waiting: true));
        return BookingStatus.Waiting;
    }

    /// <summary>Frees a booking's (or an event's) slot and confirms, first come first served, the waiting bookings that now fit.</summary>
    public IReadOnlyList<Guid> Release(Guid bookingId, int capacity)
    {
        _slots.RemoveAll(s => s.BookingId == bookingId);
        return Promote(capacity);
    }

    /// <summary>
    /// Moves a slot to other hours of the same day (an event moved): it must fit without itself, or 409; then the waiting
    /// bookings that its old hours leave room for are confirmed.
    /// </summary>
    public IReadOnlyList<Guid> Move(Guid bookingId, TimeOnly start, TimeOnly end, int capacity)
    {
        var index = _slots.FindIndex(s => s.BookingId == bookingId);
        var moved = _slots[index];
        _slots.RemoveAt(index);
        var fits = Fits(start, end, capacity);
        _slots.Insert(index, fits ? moved with { Start = start, End = end } : moved);
        CheckRule(new SlotIsFree(start, end, Accepted: fits));
        return Promote(capacity);
    }

    private List<Guid> Promote(int capacity)
    {
        var promoted = new List<Guid>();
        foreach (var waiting in _slots.Where(s => s.Waiting).ToList())
        {
            if (!Fits(waiting.Start, waiting.End, capacity)) continue;
            _slots[_slots.IndexOf(waiting)] = waiting with { Waiting = false };
            promoted.Add(waiting.BookingId);
        }
        return promoted;
    }

    /// <summary>The most confirmed bookings at one moment of [start, end) stay under the capacity (they change only where one starts).</summary>
    public bool Fits(TimeOnly start, TimeOnly end, int capacity)
    {
        var overlapping = _slots.Where(s => !s.Waiting && s.Overlaps(start, end)).ToList();
        var moments = overlapping.Select(s => s.Start).Where(t => t > start).Prepend(start);
        return moments.All(moment => overlapping.Count(s => s.Start <= moment && moment < s.End) < capacity);
    }

    /// <summary>Confirmed hours booked this day (for occupancy).</summary>
    public decimal BookedHours => _slots.Where(s => !s.Waiting).Sum(s => (decimal)(s.End - s.Start).TotalHours);

    /// <summary>Broken unless the caller accepts a full slot (a place on the waiting list) or the slot fits after all.</summary>
    private sealed record SlotIsFree(TimeOnly Start, TimeOnly End, bool Accepted) : IBusinessRule
    {
        public bool IsBroken() => !Accepted;

        public string Message => $"The resource is already booked between {Start:HH\\:mm} and {End:HH\\:mm}.";
    }
}
