namespace Smart.Modules.Training.Contracts;

// The enumerations Training's API and messages speak (serialized by name).

/// <summary>The six axes of the catalogue, numbered as the cooperative publishes them.</summary>
public enum TrainingAxis
{
    /// <summary>1. From idea to project.</summary>
    FromIdeaToProject = 1,

    /// <summary>2. Financial management of one's project.</summary>
    FinancialManagement = 2,

    /// <summary>3. Promoting one's project.</summary>
    PromotingOnesProject = 3,

    /// <summary>4. Tools and resources.</summary>
    ToolsAndResources = 4,

    /// <summary>5. Cooperating to transform society.</summary>
    CooperatingToTransformSociety = 5,

    /// <summary>6. Prevention and safety.</summary>
    PreventionAndSafety = 6,
}

/// <summary>Who a trainee is, for the price they pay and the figures.</summary>
public enum TraineeAudience
{
    /// <summary>A member of the cooperative, charged to one of their activities.</summary>
    Member,

    /// <summary>Someone outside the cooperative, registered by staff and invoiced by them.</summary>
    NonMember,

    /// <summary>Permanent staff of the cooperative.</summary>
    Staff,
}

public enum SessionKind
{
    /// <summary>A session of a training of the catalogue.</summary>
    Training,

    /// <summary>An office's free information session (e.g. how the cooperative works), counted apart.</summary>
    InformationSession,

    /// <summary>An office's free workshop, counted apart.</summary>
    Workshop,
}

public enum SessionStatus
{
    /// <summary>Its Spaces room was asked for; no answer yet.</summary>
    AwaitingRoom,

    /// <summary>Its room is booked (or it is held at an outside venue).</summary>
    Confirmed,

    /// <summary>Spaces answered that the room is taken or unfit: staff choose another room or a venue.</summary>
    RoomUnavailable,

    /// <summary>Held: its member-trainers were paid through their activities.</summary>
    Delivered,
}

public enum RegistrationStatus
{
    Confirmed,

    /// <summary>On the waiting list: confirmed (and charged) when a cancellation frees a seat.</summary>
    Waiting,

    Cancelled,
}
