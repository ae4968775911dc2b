using System.Runtime.Serialization;

namespace Smart.Modules.Spaces.Contracts;

// What Spaces tells the rest of the platform (the Reporting read side first): past-tense facts with the ids and
// dimensions a report groups by — entity, office, place, resource, member, business date — and the amounts earned.

/// <summary>A day's opening hours of a place, in its local time.</summary>
public sealed record PlaceOpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>Days a place is closed, both inclusive.</summary>
public sealed record PlaceClosure(DateOnly From, DateOnly To);

/// <summary>
/// A place's hours as they are from <see cref="EffectiveFrom"/> (the place's date when it was opened, its hours changed or a
/// closure added): with <see cref="ResourceAdded"/>'s simultaneous bookings, the denominator of occupancy — open hours of
/// a day × bookings a resource takes at once (ADR 0104). The latest of a place replaces the ones before from its date.
/// </summary>
[DataContract(Name = "spaces.place-hours-set.v1")]
public sealed record PlaceHoursSet(
    Guid PlaceId,
    Guid EntityId,
    Guid OfficeId,
    string PlaceName,
    string TimeZone,
    DateOnly EffectiveFrom,
    IReadOnlyList<PlaceOpeningHours> OpeningHours,
    IReadOnlyList<PlaceClosure> Closures);

/// <summary>
/// A resource was added to a place on <see cref="AddedOn"/>: <see cref="Capacity"/> desks or seats, and the bookings it
/// takes at once (<see cref="SimultaneousBookings"/>: the desks of a coworking area, 1 for anything booked whole), the
/// multiplier of its open hours in occupancy (ADR 0104).
/// </summary>
[DataContract(Name = "spaces.resource-added.v1")]
public sealed record ResourceAdded(
    Guid ResourceId,
    Guid EntityId,
    Guid OfficeId,
    Guid PlaceId,
    string PlaceName,
    ResourceKind Kind,
    string Name,
    int Capacity,
    int SimultaneousBookings,
    DateOnly AddedOn);

/// <summary>
/// A booking took its slot: at once, or later when a waiting booking was let in (<see cref="WasWaiting"/>). Published once
/// per booking. <see cref="Amount"/> is what the place earns from it, whoever pays (the member's activity is charged it, an
/// outsider is invoiced by staff); <see cref="Hours"/> = <see cref="End"/> − <see cref="Start"/>, the hours it occupies on
/// <see cref="Date"/> (the place's local date). <see cref="MemberId"/> is null for an outsider.
/// </summary>
[DataContract(Name = "spaces.booking-confirmed.v1")]
public sealed record BookingConfirmed(
    Guid BookingId,
    Guid EntityId,
    Guid OfficeId,
    Guid PlaceId,
    string PlaceName,
    Guid ResourceId,
    ResourceKind ResourceKind,
    Audience Audience,
    Guid? MemberId,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    decimal Hours,
    int Attendees,
    decimal Amount,
    bool WasWaiting);

/// <summary>
/// A booking was cancelled on <see cref="CancelledOn"/> (the place's date), once. <see cref="WasConfirmed"/>: it had been
/// published as <see cref="BookingConfirmed"/> (a waiting one never was); its slot is free again, and what the place
/// earns from it is now <see cref="Fee"/> (its price kept when cancelled late, 0 in time).
/// </summary>
[DataContract(Name = "spaces.booking-cancelled.v1")]
public sealed record BookingCancelled(
    Guid BookingId,
    Guid EntityId,
    Guid OfficeId,
    Guid PlaceId,
    string PlaceName,
    Guid ResourceId,
    ResourceKind ResourceKind,
    Audience Audience,
    Guid? MemberId,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    decimal Hours,
    bool WasConfirmed,
    decimal Fee,
    DateOnly CancelledOn);

/// <summary>
/// A member became a resident of a desk, an office or a workshop from <see cref="Start"/> (to <see cref="End"/>, or until
/// notice when null), at <see cref="MonthlyPrice"/> a month. Published once, when staff start it.
/// </summary>
[DataContract(Name = "spaces.residency-started.v1")]
public sealed record ResidencyStarted(
    Guid ResidencyId,
    Guid EntityId,
    Guid OfficeId,
    Guid PlaceId,
    string PlaceName,
    Guid ResourceId,
    ResourceKind ResourceKind,
    Guid MemberId,
    Guid ActivityId,
    DateOnly Start,
    DateOnly? End,
    decimal MonthlyPrice);

/// <summary>
/// A month of a residency was charged to the resident's activity on <see cref="ChargedOn"/>: <see cref="Amount"/> (the
/// month's price prorated by the days it covers), the place's rental income of <see cref="Month"/> (its first day). Once
/// per residency and month, a redelivered charge publishing nothing.
/// </summary>
[DataContract(Name = "spaces.residency-month-charged.v1")]
public sealed record ResidencyMonthCharged(
    Guid ResidencyId,
    Guid EntityId,
    Guid OfficeId,
    Guid PlaceId,
    string PlaceName,
    Guid ResourceId,
    ResourceKind ResourceKind,
    Guid MemberId,
    DateOnly Month,
    DateOnly ChargedOn,
    decimal Amount);

/// <summary>
/// A residency's last day was set to <see cref="End"/> (notice given on <see cref="EndedOn"/>, the place's date); set
/// earlier again, it is published again with the new day, the latest one holding. A residency started with an end gives
/// it in <see cref="ResidencyStarted"/>.
/// </summary>
[DataContract(Name = "spaces.residency-ended.v1")]
public sealed record ResidencyEnded(
    Guid ResidencyId,
    Guid EntityId,
    Guid OfficeId,
    Guid PlaceId,
    string PlaceName,
    Guid ResourceId,
    ResourceKind ResourceKind,
    Guid MemberId,
    DateOnly Start,
    DateOnly End,
    DateOnly EndedOn);

/// <summary>
/// An event of a place (a concert, an open day) is on its programme for <see cref="Date"/>, from <see cref="Start"/> to
/// <see cref="End"/> in the rooms <see cref="RoomIds"/>: published when it is planned and each time it moves, the latest
/// one holding under <see cref="EventId"/> until a <see cref="PlaceEventCancelled"/> (ADR 0103). An event whose date has
/// passed without being called off was held.
/// </summary>
[DataContract(Name = "spaces.place-event-scheduled.v1")]
public sealed record PlaceEventScheduled(
    Guid EventId,
    Guid EntityId,
    Guid OfficeId,
    Guid PlaceId,
    string PlaceName,
    string Title,
    bool IsPublic,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    decimal Hours,
    IReadOnlyList<Guid> RoomIds);

/// <summary>An event was called off on <see cref="CancelledOn"/>, before it started: it is not held (ADR 0103). Once.</summary>
[DataContract(Name = "spaces.place-event-cancelled.v1")]
public sealed record PlaceEventCancelled(
    Guid EventId,
    Guid EntityId,
    Guid OfficeId,
    Guid PlaceId,
    string PlaceName,
    DateOnly Date,
    DateOnly CancelledOn);

/// <summary>
/// A room was held for another module's purpose (a Training session, through <see cref="HoldRoom"/>): its
/// <see cref="Slots"/> are taken like bookings, <see cref="Hours"/> in all — booked hours of occupancy, earning nothing
/// here (ADR 0104). Once per hold; asked again, nothing.
/// </summary>
[DataContract(Name = "spaces.room-hold-taken.v1")]
public sealed record RoomHoldTaken(
    Guid HoldId,
    Guid EntityId,
    Guid OfficeId,
    Guid PlaceId,
    string PlaceName,
    Guid ResourceId,
    ResourceKind ResourceKind,
    IReadOnlyList<RoomSlot> Slots,
    decimal Hours);

/// <summary>The <see cref="Slots"/> of a hold were freed (<see cref="ReleaseRoom"/>), <see cref="Hours"/> in all; released again, nothing.</summary>
[DataContract(Name = "spaces.room-hold-released.v1")]
public sealed record RoomHoldReleased(
    Guid HoldId,
    Guid EntityId,
    Guid OfficeId,
    Guid PlaceId,
    string PlaceName,
    Guid ResourceId,
    IReadOnlyList<RoomSlot> Slots,
    decimal Hours);
