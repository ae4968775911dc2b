using JasperFx;
using Marten;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Resources;
using Smart.Modules.Spaces.Features;
using Smart.Modules.Spaces.Features.Bookings;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Spaces.Inbound;

// Training holds rooms for its sessions through messages: the same resource days as bookings, so a session and a
// booking never share a room (ADR 0070).

/// <summary>
/// Holds a meeting or training room for every slot of a session, all or none, in the resource days that bookings use:
/// a slot taken, a room too small or closed, a past slot, or a room of another entity is answered
/// <see cref="RoomUnavailable"/> and nothing is booked. A new hold is published (<see cref="RoomHoldTaken"/>); one already
/// in place is answered <see cref="RoomHeld"/> again, and nothing more.
/// </summary>
public sealed class HoldRoomHandler(TimeProvider clock)
{
    /// <summary>A booking racing for the same day makes the save fail; the hold runs again on fresh state.</summary>
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryTimes(8);

    public async Task<OutgoingMessages> HandleAsync(HoldRoom hold, IDocumentSession session, CancellationToken cancellationToken)
    {
        OutgoingMessages Unavailable(string reason) => [new RoomUnavailable(hold.HoldId, hold.ResourceId, reason)];

        var resource = await session.LoadAsync<Resource>(hold.ResourceId, cancellationToken);
        if (resource is null || resource.EntityId != hold.EntityId || resource.Kind is not (ResourceKind.MeetingRoom or ResourceKind.TrainingRoom))
        {
            return Unavailable("No meeting or training room of the entity has this id.");
        }
        if (hold.Attendees > resource.Capacity)
        {
            return Unavailable($"{resource.Name} holds {resource.Capacity} people, not {hold.Attendees}.");
        }
        var place = (await session.LoadAsync<Place>(resource.PlaceId, cancellationToken))!;
        var held = new RoomHeld(hold.HoldId, resource.Id, resource.Name, place.Name, place.Address);
        var now = clock.GetUtcNow();
        var days = new Dictionary<DateOnly, ResourceDay>();
        foreach (var slot in hold.Slots.OrderBy(s => s.Date).ThenBy(s => s.Start))
        {
            if (!days.TryGetValue(slot.Date, out var day))
            {
                day = await session.LoadAsync<ResourceDay>(ResourceDay.IdOf(resource.Id, slot.Date), cancellationToken) ?? ResourceDay.Start(resource, slot.Date);
                if (day.Slots.Any(s => s.BookingId == hold.HoldId))
                {
                    return [held];
                }
                days[slot.Date] = day;
            }
            if (place.InstantOf(slot.Date, slot.Start) < now)
            {
                return Unavailable($"{slot.Date:yyyy-MM-dd} {slot.Start:HH\\:mm} is in the past.");
            }
            if (!place.IsOpen(slot.Date, slot.Start, slot.End))
            {
                return Unavailable($"{place.Name} is not open on {slot.Date:yyyy-MM-dd} from {slot.Start:HH\\:mm} to {slot.End:HH\\:mm}.");
            }
            var capacity = await Bookings.CapacityOnAsync(session, resource, slot.Date, cancellationToken);
            if (!day.Fits(slot.Start, slot.End, capacity))
            {
                return Unavailable($"{resource.Name} is already booked on {slot.Date:yyyy-MM-dd} between {slot.Start:HH\\:mm} and {slot.End:HH\\:mm}.");
            }
            day.Book(hold.HoldId, slot.Start, slot.End, capacity, waitIfFull: false);
        }
        foreach (var day in days.Values)
        {
            // The revision read plus one, as a booking saves it: of a hold and a booking racing for the day, one runs again.
            session.UpdateRevision(day, day.Version + 1);
        }
        return [held, resource.HoldTaken(hold.HoldId, place, hold.Slots.OrderBy(s => s.Date).ThenBy(s => s.Start).ToList())];
    }
}

/// <summary>
/// Frees a hold's slots (published as <see cref="RoomHoldReleased"/>); the waiting bookings that now fit are confirmed,
/// charged and published, as after a cancellation.
/// </summary>
public sealed class ReleaseRoomHandler
{
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryTimes(8);

    public async Task<OutgoingMessages> HandleAsync(ReleaseRoom release, IDocumentSession session, CancellationToken cancellationToken)
    {
        var messages = new OutgoingMessages();
        var resource = await session.LoadAsync<Resource>(release.ResourceId, cancellationToken);
        if (resource is null) return messages;
        var released = new List<RoomSlot>();
        foreach (var date in release.Slots.Select(s => s.Date).Distinct().Order())
        {
            var day = await session.LoadAsync<ResourceDay>(ResourceDay.IdOf(resource.Id, date), cancellationToken);
            if (day is null || day.Slots.All(s => s.BookingId != release.HoldId)) continue;
            released.AddRange(day.Slots.Where(s => s.BookingId == release.HoldId).Select(s => new RoomSlot(date, s.Start, s.End)));
            var promoted = day.Release(release.HoldId, await Bookings.CapacityOnAsync(session, resource, date, cancellationToken));
            session.UpdateRevision(day, day.Version + 1);
            await Bookings.ConfirmAsync(session, promoted, messages, cancellationToken);
        }
        if (released.Count > 0)
        {
            messages.Add(resource.HoldReleased(release.HoldId, (await session.LoadAsync<Place>(resource.PlaceId, cancellationToken))!, released));
        }
        return messages;
    }
}

public sealed class ListRoomsHandler
{
    public async Task<IReadOnlyList<RoomReference>> HandleAsync(ListRooms query, IQuerySession session, CancellationToken cancellationToken)
    {
        var rooms = await session.Query<Resource>()
            .Where(r => r.OfficeId == query.OfficeId && (r.Kind == ResourceKind.MeetingRoom || r.Kind == ResourceKind.TrainingRoom))
            .OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var places = rooms.Count == 0 ? [] : (await session.LoadManyAsync<Place>(cancellationToken, rooms.Select(r => r.PlaceId).Distinct())).ToDictionary(p => p.Id);
        return rooms.Select(r => new RoomReference(r.Id, r.PlaceId, r.Name, places[r.PlaceId].Name, r.Capacity)).ToList();
    }
}
