using Smart.Modules.Spaces.Contracts;

namespace Smart.Modules.Reporting.Journal;

// Spaces' places, bookings, residencies and events in the journal (ADR 0112): the spaces table reads them per place.

/// <summary>
/// A version of a place's hours (stream: the place), from <see cref="EffectiveFrom"/> on (it replaces the versions from
/// that date). <see cref="VersionId"/> is a hash of the message: the same version delivered twice is recorded once.
/// </summary>
internal sealed record PlaceHoursNoted(Guid VersionId, Guid PlaceId, Guid EntityId, Guid OfficeId, string PlaceName, DateOnly EffectiveFrom,
    IReadOnlyList<PlaceOpeningHours> OpeningHours, IReadOnlyList<PlaceClosure> Closures) : IFact
{
    public Guid SourceId => VersionId;
}

/// <summary>A bookable resource of a place (stream: the resource): from <see cref="AddedOn"/>, <see cref="SimultaneousBookings"/> bookings at once.</summary>
internal sealed record ResourceNoted(Guid ResourceId, Guid EntityId, Guid OfficeId, Guid PlaceId, string PlaceName, ResourceKind Kind, int SimultaneousBookings,
    DateOnly AddedOn) : IFact
{
    public Guid SourceId => ResourceId;
}

/// <summary>A booking confirmed for <see cref="Date"/> (stream: the booking), <see cref="Hours"/> long, earning <see cref="Amount"/>.</summary>
internal sealed record BookingNoted(Guid BookingId, Guid EntityId, Guid OfficeId, Guid PlaceId, string PlaceName, Guid? MemberId, DateOnly Date, decimal Hours,
    decimal Amount) : IFact
{
    public Guid SourceId => BookingId;
}

/// <summary>
/// A booking cancelled (stream: the booking): the place earns <see cref="Fee"/> instead of <see cref="ConfirmedAmount"/>
/// (the confirmed booking's, copied from the stream; 0 for a booking that was waiting) and its hours are free again.
/// </summary>
internal sealed record BookingCancellationNoted(Guid BookingId, Guid EntityId, Guid OfficeId, Guid PlaceId, string PlaceName, DateOnly Date, decimal Hours,
    bool WasConfirmed, decimal ConfirmedAmount, decimal Fee) : IFact
{
    public Guid SourceId => BookingId;
}

/// <summary>A residency of a member (stream: the residency) from <see cref="Start"/> to <see cref="End"/> (null: until notice).</summary>
internal sealed record ResidencyNoted(Guid ResidencyId, Guid EntityId, Guid OfficeId, Guid PlaceId, string PlaceName, Guid MemberId, DateOnly Start, DateOnly? End)
    : IFact
{
    public Guid SourceId => ResidencyId;
}

/// <summary>A residency's last day set (stream: the residency); the latest holds. Keyed by the residency, the day and the notice's date.</summary>
internal sealed record ResidencyEndNoted(Guid NoticeId, Guid ResidencyId, Guid EntityId, Guid OfficeId, Guid PlaceId, string PlaceName, Guid MemberId, DateOnly End)
    : IFact
{
    public Guid SourceId => NoticeId;

    public static Guid IdOf(Guid residencyId, DateOnly end, DateOnly endedOn) => FactIds.Of($"residency-end|{residencyId}|{end:yyyy-MM-dd}|{endedOn:yyyy-MM-dd}");
}

/// <summary>A month of a residency charged (stream: the residency), once per month: the place's rental income of <see cref="Month"/>.</summary>
internal sealed record ResidencyMonthNoted(Guid ChargeId, Guid ResidencyId, Guid EntityId, Guid OfficeId, Guid PlaceId, string PlaceName, Guid MemberId,
    DateOnly Month, decimal Amount) : IFact
{
    public Guid SourceId => ChargeId;

    public static Guid IdOf(Guid residencyId, DateOnly month) => FactIds.Of($"residency-month|{residencyId}|{month:yyyy-MM-dd}");
}

/// <summary>
/// A version of a place's event (stream: the event): Spaces republishes it at each move and the latest holds (ADR 0103).
/// <see cref="PreviousDate"/> is the date of the version before, so the year it left forgets it. <see cref="Digest"/> is a
/// hash of the message (a copy of the latest version appends nothing), <see cref="VersionId"/> a hash of it and of the
/// stream's length (an event moved back to an earlier slot is a version again).
/// </summary>
internal sealed record PlaceEventNoted(Guid VersionId, Guid EventId, Guid EntityId, Guid OfficeId, Guid PlaceId, string PlaceName, bool IsPublic, DateOnly Date,
    decimal Hours, int Rooms, DateOnly? PreviousDate, Guid Digest) : IFact
{
    public Guid SourceId => VersionId;
}

/// <summary>A place's event called off (stream: the event): not held.</summary>
internal sealed record PlaceEventCancelledNoted(Guid EventId, Guid EntityId, Guid OfficeId, Guid PlaceId, string PlaceName, DateOnly Date) : IFact
{
    public Guid SourceId => EventId;
}

/// <summary>Slots of a room held for another module's session (stream: the hold): booked hours, earning nothing.</summary>
internal sealed record RoomHoldNoted(Guid HoldId, Guid EntityId, Guid OfficeId, Guid PlaceId, string PlaceName, IReadOnlyList<RoomSlot> Slots) : IFact
{
    public Guid SourceId => HoldId;
}

/// <summary>Slots of a hold freed (stream: the hold), keyed by the message's id (the event names no release).</summary>
internal sealed record RoomHoldReleasedNoted(Guid MessageId, Guid HoldId, Guid EntityId, Guid OfficeId, Guid PlaceId, string PlaceName, IReadOnlyList<RoomSlot> Slots)
    : IFact
{
    public Guid SourceId => MessageId;
}
