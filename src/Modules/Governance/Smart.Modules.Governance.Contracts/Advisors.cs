using System.Runtime.Serialization;

namespace Smart.Modules.Governance.Contracts;

/// <summary>
/// An advisor ("conseiller", permanent staff) is attached to an office from <see cref="StartsOn"/> until an
/// <see cref="AdvisorAssignmentEnded"/> says otherwise; a person advises one office at a time in an entity.
/// </summary>
[DataContract(Name = "governance.advisor-assigned.v1")]
public sealed record AdvisorAssigned(Guid AssignmentId, Guid EntityId, Guid OfficeId, string FullName, string Email, DateOnly StartsOn);

/// <summary>An advisor's assignment to an office ends on <see cref="EndsOn"/> (their last day there).</summary>
[DataContract(Name = "governance.advisor-assignment-ended.v1")]
public sealed record AdvisorAssignmentEnded(Guid AssignmentId, Guid EntityId, Guid OfficeId, DateOnly EndsOn);
