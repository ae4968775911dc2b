using System.Runtime.Serialization;

namespace Smart.Modules.Governance.Contracts;

public enum MemberKind
{
    /// <summary>A worker using the services.</summary>
    Person,

    /// <summary>An employer structure (most often an association) using contract management.</summary>
    LegalEntity,
}

public enum Gender
{
    Female,
    Male,
    Other,
    Undisclosed,
}

public enum PayoutRuleKind
{
    /// <summary>Pay on the end of work plus a number of days (SmartFr: 7).</summary>
    DaysAfterEndOfWork,

    /// <summary>Pay on a given day of the month after the end of work (e.g. the 10th).</summary>
    DayOfFollowingMonth,

    /// <summary>Pay on the last day of the month of the end of work.</summary>
    EndOfMonth,
}

/// <summary>
/// When work ending on a date is paid: the one statement of the pay-date rule, published with the entity's settings
/// (<see cref="EntitySettingsChanged.PayDateRule"/>) so that every module pays on the same day as Governance says.
/// </summary>
public sealed record PayDateRule(PayoutRuleKind Kind, int Day)
{
    public DateOnly PayDateFor(DateOnly endOfWork) => Kind switch
    {
        PayoutRuleKind.DaysAfterEndOfWork => endOfWork.AddDays(Day),
        PayoutRuleKind.DayOfFollowingMonth => new DateOnly(endOfWork.Year, endOfWork.Month, 1).AddMonths(1).AddDays(Day - 1),
        PayoutRuleKind.EndOfMonth => new DateOnly(endOfWork.Year, endOfWork.Month, DateTime.DaysInMonth(endOfWork.Year, endOfWork.Month)),
        _ => throw new InvalidOperationException($"Unknown payout rule {Kind}."),
    };
}

/// <summary>A member joined the cooperative in an entity and an office.</summary>
[DataContract(Name = "governance.member-registered.v1")]
public sealed record MemberRegistered(
    Guid MemberId,
    MemberKind Kind,
    string DisplayName,
    string Email,
    Guid EntityId,
    Guid OfficeId,
    DateOnly RegisteredOn,
    Gender? Gender,
    DateOnly? BirthDate);

/// <summary>
/// An entity's rules from a date (never retroactive). Also published for every version when an entity is
/// created, so consumers hold the whole history. <see cref="TrainingVatExempt"/> and its mention came later: they
/// default to false / null, so messages stored before them still read (as "not exempt").
/// </summary>
[DataContract(Name = "governance.entity-settings-changed.v1")]
public sealed record EntitySettingsChanged(
    Guid EntityId,
    string EntityCode,
    DateOnly EffectiveFrom,
    decimal ContributionRate,
    PayoutRuleKind PayoutRule,
    int PayoutDay,
    decimal DefaultVatRate,
    bool GuaranteeFundAdvanceAllowed,
    bool TrainingVatExempt = false,
    string? TrainingVatExemptionMention = null)
{
    /// <summary>The pay-date rule in force from <see cref="EffectiveFrom"/>.</summary>
    public PayDateRule PayDateRule() => new(PayoutRule, PayoutDay);
}

/// <summary>Query: a member by e-mail within the whole platform (first match), or null.</summary>
public sealed record FindMemberByEmail(string Email);

/// <summary>Query: an office by its entity code and name (e.g. SmartFr, Lille), or null.</summary>
public sealed record FindOffice(string EntityCode, string OfficeName);

/// <summary>Query: an office by its id (e.g. Spaces checking the office of a new place), or null.</summary>
public sealed record FindOfficeById(Guid OfficeId);

public sealed record MemberReference(Guid MemberId, Guid EntityId, Guid OfficeId, string DisplayName);

public sealed record OfficeReference(Guid OfficeId, Guid EntityId, string Name);
