using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Members;

namespace Smart.Modules.Governance.Domain.Offices;

/// <summary>
/// An advisor attached to an office from a day, until their assignment ends (their last day there). The register keeps
/// every assignment with its dates: who advised where on any day, for the office's members and for the annual report.
/// A move to another office is the end of one assignment and the start of the next.
/// </summary>
internal sealed class AdvisorAssignment : AggregateRoot
{
    private AdvisorAssignment()
    {
        FullName = null!;
        Email = null!;
    }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public string FullName { get; private set; }

    /// <summary>Trimmed and lower-cased (as members' e-mails): one person, one address.</summary>
    public string Email { get; private set; }

    public DateOnly StartsOn { get; private set; }

    /// <summary>Their last day at the office; none while the assignment runs.</summary>
    public DateOnly? EndsOn { get; private set; }

    /// <param name="overlapping">Whether the same e-mail already holds an assignment of the entity running on or after <paramref name="startsOn"/>.</param>
    public static AdvisorAssignment Assign(Office office, string fullName, string email, DateOnly startsOn, bool overlapping)
    {
        var normalized = Member.NormalizeEmail(email);
        CheckRule(new OneOfficeAtATime(overlapping, normalized));
        return new AdvisorAssignment
        {
            Id = Guid.CreateVersion7(),
            EntityId = office.EntityId,
            OfficeId = office.Id,
            FullName = fullName.Trim(),
            Email = normalized,
            StartsOn = startsOn,
        };
    }

    public void End(DateOnly endsOn)
    {
        CheckRule(new EndsOnce(EndsOn, FullName));
        CheckRule(new EndsAfterItStarts(StartsOn, endsOn));
        EndsOn = endsOn;
    }

    public bool IsInForceOn(DateOnly date) => StartsOn <= date && (EndsOn is null || date <= EndsOn);

    public AdvisorAssigned ToAssigned() => new(Id, EntityId, OfficeId, FullName, Email, StartsOn);

    public AdvisorAssignmentEnded ToEnded() => new(Id, EntityId, OfficeId, EndsOn ?? throw new InvalidOperationException("The assignment runs."));

    private sealed record OneOfficeAtATime(bool Overlapping, string Email) : IBusinessRule
    {
        public bool IsBroken() => Overlapping;

        public string Message => $"{Email} already advises an office of the entity from that day: end that assignment first.";
    }

    private sealed record EndsOnce(DateOnly? EndsOn, string FullName) : IBusinessRule
    {
        public bool IsBroken() => EndsOn is not null;

        public string Message => $"{FullName}'s assignment already ended on {EndsOn:yyyy-MM-dd}.";
    }

    private sealed record EndsAfterItStarts(DateOnly StartsOn, DateOnly EndsOn) : IBusinessRule
    {
        public bool IsBroken() => EndsOn < StartsOn;

        public string Message => $"An assignment cannot end ({EndsOn:yyyy-MM-dd}) before it starts ({StartsOn:yyyy-MM-dd}).";
    }
}
