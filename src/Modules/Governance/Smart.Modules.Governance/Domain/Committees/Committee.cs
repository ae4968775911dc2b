using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Governance.Domain.Committees;

public enum CommitteeKind
{
    /// <summary>The ethics committee of the entity: hears members on matters of conduct and values.</summary>
    Ethics,

    /// <summary>The works council (CSE): the staff's and salaried members' representatives.</summary>
    WorksCouncil,

    /// <summary>The local committee of an office: members of that office who take up its members' proposals.</summary>
    Local,
}

public enum SeatRole
{
    Chair,
    Member,
}

/// <summary>A member's seat on a committee, from a date and, once they leave, until a date (inclusive).</summary>
public sealed record CommitteeSeat(Guid MemberId, SeatRole Role, DateOnly From, DateOnly? Until)
{
    public bool IsHeldOn(DateOnly date) => From <= date && (Until is null || date <= Until);
}

/// <summary>
/// A committee of an entity: its ethics committee, its works council, or the local committee of one of its offices
/// (one of each: <see cref="Key"/> is unique in the entity). Its seats keep their history: a member who leaves keeps
/// the seat they held, with its end.
/// </summary>
internal sealed class Committee : AggregateRoot
{
    private List<CommitteeSeat> _seats = [];

    private Committee()
    {
        Name = Key = null!;
    }

    public Guid EntityId { get; private set; }

    public CommitteeKind Kind { get; private set; }

    /// <summary>The office of a local committee; none for the entity-wide ones.</summary>
    public Guid? OfficeId { get; private set; }

    public string Name { get; private set; }

    /// <summary>What makes a committee one of a kind in its entity: its kind, and its office for a local one.</summary>
    public string Key { get; private set; }

    public IReadOnlyList<CommitteeSeat> Seats => _seats;

    public static string KeyOf(CommitteeKind kind, Guid? officeId) => officeId is { } office ? $"{kind}:{office:N}" : kind.ToString();

    public static Committee Form(Guid entityId, CommitteeKind kind, Guid? officeId, string name)
    {
        CheckRule(new OnlyALocalCommitteeBelongsToAnOffice(kind, officeId));
        return new Committee
        {
            Id = Guid.CreateVersion7(),
            EntityId = entityId,
            Kind = kind,
            OfficeId = officeId,
            Name = name.Trim(),
            Key = KeyOf(kind, officeId),
        };
    }

    public bool IsSittingOn(Guid memberId, DateOnly date) => _seats.Any(s => s.MemberId == memberId && s.IsHeldOn(date));

    public IEnumerable<CommitteeSeat> SeatsHeldOn(DateOnly date) => _seats.Where(s => s.IsHeldOn(date));

    /// <summary>Seats a member from a date; a member holds one seat at a time.</summary>
    public CommitteeSeat Seat(Guid memberId, SeatRole role, DateOnly from)
    {
        CheckRule(new OneSeatAtATime(_seats.Any(s => s.MemberId == memberId && (s.Until is null || s.Until >= from))));
        var seat = new CommitteeSeat(memberId, role, from, null);
        _seats = [.. _seats, seat];
        return seat;
    }

    /// <summary>Ends a member's seat on a date (their last day on the committee).</summary>
    public CommitteeSeat EndSeat(Guid memberId, DateOnly lastDay)
    {
        var seat = _seats.LastOrDefault(s => s.MemberId == memberId && s.Until is null);
        CheckRule(new SeatIsOpen(seat is not null));
        CheckRule(new SeatEndsAfterItStarts(seat!.From, lastDay));
        var ended = seat with { Until = lastDay };
        _seats = _seats.Select(s => s == seat ? ended : s).ToList();
        return ended;
    }

    private sealed record OnlyALocalCommitteeBelongsToAnOffice(CommitteeKind Kind, Guid? OfficeId) : IBusinessRule
    {
        public bool IsBroken() => (Kind == CommitteeKind.Local) != (OfficeId is not null);

        public string Message => Kind == CommitteeKind.Local
            ? "A local committee belongs to an office."
            : $"The {Kind} committee serves the whole entity, not an office.";
    }

    private sealed record OneSeatAtATime(bool AlreadySeated) : IBusinessRule
    {
        public bool IsBroken() => AlreadySeated;

        public string Message => "This member already holds a seat on this committee on that date.";
    }

    private sealed record SeatIsOpen(bool Open) : IBusinessRule
    {
        public bool IsBroken() => !Open;

        public string Message => "This member holds no open seat on this committee.";
    }

    private sealed record SeatEndsAfterItStarts(DateOnly From, DateOnly LastDay) : IBusinessRule
    {
        public bool IsBroken() => LastDay < From;

        public string Message => $"A seat cannot end before it started ({From:yyyy-MM-dd}).";
    }
}
