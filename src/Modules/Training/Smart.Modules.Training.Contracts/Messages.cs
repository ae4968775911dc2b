using System.Runtime.Serialization;

namespace Smart.Modules.Training.Contracts;

/// <summary>
/// A member was marked present on a half-day of a session (<see cref="Kind"/>: a training, an information session, a
/// workshop) held on <see cref="Date"/>: published with each sign-in sheet that marks them present (Governance ticks
/// the member's welcome path).
/// </summary>
[DataContract(Name = "training.member-attended.v1")]
public sealed record MemberAttended(Guid RegistrationId, Guid SessionId, Guid MemberId, SessionKind Kind, DateOnly Date);
