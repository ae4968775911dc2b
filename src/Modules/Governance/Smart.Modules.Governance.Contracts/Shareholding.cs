using System.Runtime.Serialization;

namespace Smart.Modules.Governance.Contracts;

// The words of the shareholder register, shared with the messages that carry them (ShareMovementRecorded).

/// <summary>The shareholder categories of SmartFr's articles (a category decides the voting college).</summary>
public enum ShareholderCategory
{
    ActivityCoordinator,
    AffiliatedOrOccasionalUser,
    ContractManagementEmployer,
    PermanentStaff,
    Client,
    SectorPartner,
    TerritorialPartner,
    ProfessionalPartner,
    EconomicPartner,
}

/// <summary>The voting colleges of a SCIC: every vote is weighted by its college's weight.</summary>
public enum VotingCollege
{
    Beneficiaries,
    ServiceProducers,
    PartnersAndClients,
    EconomicPartnersAndPublicBodies,
}

/// <summary>What a movement of the shareholder register did to a shareholder's capital.</summary>
public enum ShareMovementKind
{
    /// <summary>Shares subscribed at their nominal value (the admission's first subscription included).</summary>
    Subscribed,

    /// <summary>Subscribed capital paid (an instalment, or all of it).</summary>
    Paid,

    /// <summary>Paid capital given back after the shareholder's exit.</summary>
    Refunded,

    /// <summary>The shareholder left (no voting right from that day); no capital moves, what was paid stays owed until refunded.</summary>
    Exited,
}

/// <summary>
/// A movement of an entity's shareholder register on its business <see cref="Date"/>: <see cref="Shares"/> subscribed
/// (0 for a payment or a refund, which move money, not shares) and its <see cref="Amount"/> in euros. <see cref="MemberId"/>
/// and <see cref="OfficeId"/> are the member's (null for a client or partner shareholder, counted by
/// <see cref="ShareholderId"/>); <see cref="College"/> is the one of <see cref="Category"/> under the entity's rules on that
/// date. The totals after it (<see cref="SharesHeld"/>, <see cref="SubscribedCapital"/>, <see cref="PaidCapital"/>,
/// <see cref="RefundedCapital"/>) let a consumer check it missed nothing; <see cref="ExitedOn"/> is the day the shareholder
/// left, on their exit (<see cref="ShareMovementKind.Exited"/>, 0 shares and 0.00) and every movement after it (null on
/// messages stored before it was added: an exit then went unpublished). Published once per movement, with it, through the
/// outbox.
/// </summary>
[DataContract(Name = "governance.share-movement-recorded.v1")]
public sealed record ShareMovementRecorded(
    Guid ShareholderId,
    Guid EntityId,
    Guid? MemberId,
    Guid? OfficeId,
    ShareholderCategory Category,
    VotingCollege College,
    ShareMovementKind Kind,
    DateOnly Date,
    int Shares,
    decimal Amount,
    int SharesHeld,
    decimal SubscribedCapital,
    decimal PaidCapital,
    decimal RefundedCapital,
    DateOnly? ExitedOn = null);

/// <summary>What an assembly decided on, from its resolutions' kinds.</summary>
public enum AssemblyKind
{
    /// <summary>Only ordinary resolutions.</summary>
    Ordinary,

    /// <summary>Only extraordinary resolutions (articles, capital).</summary>
    Extraordinary,

    /// <summary>Both (an "assemblée générale mixte").</summary>
    Combined,
}

public enum AssemblyConvocation
{
    First,
    Second,
}

/// <summary>
/// An entity's general assembly closed its votes and published its results, held on <see cref="Date"/> on its first or
/// second convocation. <see cref="VotingRights"/> are the shareholders who could vote that day (one vote each);
/// <see cref="Participants"/> those present or represented, i.e. who voted on at least one resolution (a participation is
/// recorded only by a vote), of whom <see cref="ElectronicVoters"/> voted electronically at least once and
/// <see cref="RepresentedByProxy"/> had a proxy holder vote for them at least once. <see cref="ResolutionsPutToVote"/> and
/// <see cref="ResolutionsAdopted"/> count resolutions. Published once: an assembly closes once.
/// </summary>
[DataContract(Name = "governance.assembly-closed.v1")]
public sealed record AssemblyClosed(
    Guid AssemblyId,
    Guid EntityId,
    DateOnly Date,
    AssemblyConvocation HeldOn,
    AssemblyKind Kind,
    int VotingRights,
    int Participants,
    int ElectronicVoters,
    int RepresentedByProxy,
    int ResolutionsPutToVote,
    int ResolutionsAdopted);
