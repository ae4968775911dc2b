using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Events;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Residencies;
using Smart.Modules.Spaces.Domain.Resources;

namespace Smart.Modules.Spaces.Features;

/// <summary>
/// The integration events of Spaces (<c>Smart.Modules.Spaces.Contracts/Events.cs</c>) from the aggregates, with the place
/// and resource they happened in: each handler returns them with its state change, so they leave through the outbox in
/// the same transaction.
/// </summary>
internal static class IntegrationEvents
{
    public static PlaceHoursSet HoursSet(this Place place, DateTimeOffset now) => new(place.Id, place.EntityId, place.OfficeId, place.Name, place.TimeZone,
        place.Today(now), place.OpeningHours.Select(h => new PlaceOpeningHours(h.Day, h.Opens, h.Closes)).ToList(),
        place.Closures.Select(c => new PlaceClosure(c.From, c.To)).ToList());

    public static ResourceAdded Added(this Resource resource, Place place, DateTimeOffset now) => new(resource.Id, resource.EntityId, resource.OfficeId, place.Id,
        place.Name, resource.Kind, resource.Name, resource.Capacity, resource.SimultaneousBookings, place.Today(now));

    public static BookingConfirmed Confirmed(this Booking booking, Place place, Resource resource, bool wasWaiting) => new(booking.Id, booking.EntityId,
        booking.OfficeId, place.Id, place.Name, resource.Id, resource.Kind, booking.Audience, booking.MemberId, booking.Date, booking.Start, booking.End,
        HoursOf(booking.Start, booking.End), booking.Attendees, booking.Price, wasWaiting);

    public static BookingCancelled Cancelled(this Booking booking, Place place, Resource resource, bool wasConfirmed, DateTimeOffset now) => new(booking.Id,
        booking.EntityId, booking.OfficeId, place.Id, place.Name, resource.Id, resource.Kind, booking.Audience, booking.MemberId, booking.Date, booking.Start,
        booking.End, HoursOf(booking.Start, booking.End), wasConfirmed, booking.CancellationFee ?? 0m, place.Today(now));

    public static ResidencyStarted Started(this Residency residency, Place place, Resource resource) => new(residency.Id, residency.EntityId, residency.OfficeId,
        place.Id, place.Name, resource.Id, resource.Kind, residency.MemberId, residency.ActivityId, residency.Start, residency.End, residency.MonthlyPrice);

    public static ResidencyMonthCharged Charged(this Residency residency, ResidencyMonth month, Place place, Resource resource) => new(residency.Id,
        residency.EntityId, residency.OfficeId, place.Id, place.Name, resource.Id, resource.Kind, residency.MemberId, month.Month, month.ChargedOn, month.Amount);

    public static ResidencyEnded Ended(this Residency residency, Place place, Resource resource, DateTimeOffset now) => new(residency.Id, residency.EntityId,
        residency.OfficeId, place.Id, place.Name, resource.Id, resource.Kind, residency.MemberId, residency.Start, residency.End!.Value, place.Today(now));

    public static PlaceEventScheduled Scheduled(this PlaceEvent planned, Place place) => new(planned.Id, planned.EntityId, planned.OfficeId, place.Id,
        place.Name, planned.Title, planned.IsPublic, planned.Date, planned.Start, planned.End, HoursOf(planned.Start, planned.End), planned.RoomIds.ToList());

    public static PlaceEventCancelled Cancelled(this PlaceEvent planned, Place place, DateTimeOffset now) => new(planned.Id, planned.EntityId, planned.OfficeId,
        place.Id, place.Name, planned.Date, place.Today(now));

    public static RoomHoldTaken HoldTaken(this Resource room, Guid holdId, Place place, IReadOnlyList<RoomSlot> slots) => new(holdId, room.EntityId,
        room.OfficeId, place.Id, place.Name, room.Id, room.Kind, slots, slots.Sum(s => HoursOf(s.Start, s.End)));

    public static RoomHoldReleased HoldReleased(this Resource room, Guid holdId, Place place, IReadOnlyList<RoomSlot> slots) => new(holdId, room.EntityId,
        room.OfficeId, place.Id, place.Name, room.Id, slots, slots.Sum(s => HoursOf(s.Start, s.End)));

    private static decimal HoursOf(TimeOnly start, TimeOnly end) => (decimal)(end - start).TotalHours;
}
