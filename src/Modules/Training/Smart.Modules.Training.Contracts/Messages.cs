using System.Runtime.Serialization;

namespace Smart.Modules.Training.Contracts;

/// <summary>
/// A member was marked present on a half-day of a session (<see cref="Kind"/>: a training, an information session, a
/// workshop) held on <see cref="Date"/>: published with each sign-in sheet that marks them present (Governance ticks
/// the member's welcome path).
/// </summary>
[DataContract(Name = "training.member-attended.v1")]
public sealed record MemberAttended(Guid RegistrationId, Guid SessionId, Guid MemberId, SessionKind Kind, DateOnly Date);

/// <summary>
/// A trainee who attended at least one half-day of a delivered session: one person trained. <see cref="MemberId"/> counts a
/// member once across sessions; a non-member or staff has none and is counted once by <see cref="Email"/> (lower-cased).
/// </summary>
public sealed record SessionTrainee(Guid RegistrationId, TraineeAudience Audience, Guid? MemberId, string Email, int HalfDaysAttended, decimal HoursAttended);

/// <summary>
/// A session was held (<see cref="Kind"/>: a training of the catalogue, with its <see cref="TrainingId"/> and
/// <see cref="Axis"/>, or an office's information session or workshop, with neither) by the office <see cref="OfficeId"/>,
/// from <see cref="FirstDay"/> to <see cref="LastDay"/> (school year <see cref="SchoolYear"/>, 2025 for 2025–2026):
/// <see cref="Days"/> distinct days, <see cref="HalfDays"/> half-days, <see cref="Hours"/> hours. <see cref="Participants"/>
/// are the confirmed registrations; <see cref="Trainees"/> those who attended, the people trained (ADR 0073's figures).
/// Published when staff record the delivery (once: a second delivery is refused), and again when a sign-in sheet of the
/// delivered session is recorded, with the trainees as they then are: the latest of a session holds (ADR 0105).
/// </summary>
[DataContract(Name = "training.session-delivered.v1")]
public sealed record SessionDelivered(
    Guid SessionId,
    Guid EntityId,
    Guid OfficeId,
    SessionKind Kind,
    Guid? TrainingId,
    string Title,
    TrainingAxis? Axis,
    int SchoolYear,
    DateOnly FirstDay,
    DateOnly LastDay,
    int Days,
    int HalfDays,
    decimal Hours,
    int Participants,
    IReadOnlyList<SessionTrainee> Trainees);
