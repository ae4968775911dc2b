using System.Runtime.Serialization;

namespace Smart.Modules.Spaces.Contracts;

// Another module (Training) holding a room for its own purpose, through messages: it asks, Spaces answers.

/// <summary>A part of one day, local time of the room's place.</summary>
public sealed record RoomSlot(DateOnly Date, TimeOnly Start, TimeOnly End);

/// <summary>
/// Holds a room for every slot of <see cref="Slots"/>, all or none, for <see cref="Attendees"/> people. Spaces answers
/// <see cref="RoomHeld"/> or <see cref="RoomUnavailable"/> under the same <see cref="HoldId"/>; asking again with it
/// changes nothing.
/// </summary>
[DataContract(Name = "spaces.hold-room.v1")]
public sealed record HoldRoom(Guid HoldId, Guid EntityId, Guid ResourceId, IReadOnlyList<RoomSlot> Slots, int Attendees, string Purpose, string Origin);

/// <summary>The room is booked for every slot of the hold.</summary>
[DataContract(Name = "spaces.room-held.v1")]
public sealed record RoomHeld(Guid HoldId, Guid ResourceId, string RoomName, string PlaceName, string Address);

/// <summary>The room could not be held (taken on a slot, too small, closed, unknown); nothing was booked.</summary>
[DataContract(Name = "spaces.room-unavailable.v1")]
public sealed record RoomUnavailable(Guid HoldId, Guid ResourceId, string Reason);

/// <summary>Frees the slots of a hold (the sender moved or dropped it); the waiting bookings that now fit are confirmed.</summary>
[DataContract(Name = "spaces.release-room.v1")]
public sealed record ReleaseRoom(Guid HoldId, Guid ResourceId, IReadOnlyList<RoomSlot> Slots);

/// <summary>Query: the meeting and training rooms of an office's places, for another module to choose one (e.g. Training's demo data).</summary>
public sealed record ListRooms(Guid OfficeId);

public sealed record RoomReference(Guid ResourceId, Guid PlaceId, string Name, string PlaceName, int Capacity);
