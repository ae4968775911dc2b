namespace Smart.Modules.Spaces.Contracts;

public enum ResourceKind
{
    /// <summary>Open space with a number of desks; each booking takes one desk.</summary>
    CoworkingArea,

    /// <summary>A closed office, booked or rented whole.</summary>
    PrivateOffice,

    /// <summary>A workshop (craft, FabLab room), booked or rented whole.</summary>
    Workshop,

    /// <summary>A room for a number of people, booked whole.</summary>
    MeetingRoom,

    /// <summary>A room for a number of trainees, booked whole.</summary>
    TrainingRoom,

    /// <summary>A machine (e.g. a laser cutter), possibly needing a qualification the member must hold.</summary>
    Machine,
}

/// <summary>Who a price applies to.</summary>
public enum Audience
{
    /// <summary>A member of the cooperative.</summary>
    Member,

    /// <summary>A member holding a residency in the place on the booking's date.</summary>
    Resident,

    /// <summary>Someone outside the cooperative, booked by staff and invoiced by them.</summary>
    Outsider,
}

public enum BookingStatus
{
    Confirmed,

    /// <summary>On the waiting list of a full slot: confirmed (and charged) when a cancellation frees it.</summary>
    Waiting,

    Cancelled,
}
