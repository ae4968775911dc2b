using System.Text.Json.Serialization;
using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Governance.Domain.Proposals;

public enum ProposalStatus
{
    /// <summary>Members comment and support it.</summary>
    Open,

    /// <summary>Supported enough, but its office has no local committee yet: it goes to the one formed next.</summary>
    AwaitingCommittee,

    /// <summary>Handed to the office's local committee, which is to answer.</summary>
    WithCommittee,

    /// <summary>The committee answered: closed.</summary>
    Answered,

    /// <summary>Withdrawn by its author before a committee took it.</summary>
    Withdrawn,
}

public sealed record ProposalComment(Guid Id, Guid MemberId, string MemberName, string Text, DateTimeOffset At);

/// <summary>
/// A member's proposal to their office (a consultation): what its stream adds up to, kept by Marten as an inline
/// snapshot. Its decisions are pure: each returns the events to append, and only the stream changes it. Writers
/// fetch the stream for exclusive writing, so two supports at the same moment are both counted and the proposal is
/// handed over exactly once.
/// </summary>
internal sealed class Proposal
{
    [JsonConstructor]
    private Proposal()
    {
        AuthorName = Title = Text = null!;
    }

    [JsonInclude] public Guid Id { get; private set; }
    [JsonInclude] public Guid EntityId { get; private set; }
    [JsonInclude] public Guid OfficeId { get; private set; }
    [JsonInclude] public Guid AuthorId { get; private set; }
    [JsonInclude] public string AuthorName { get; private set; }
    [JsonInclude] public string Title { get; private set; }
    [JsonInclude] public string Text { get; private set; }
    [JsonInclude] public DateTimeOffset OpenedAt { get; private set; }
    [JsonInclude] public ProposalStatus Status { get; private set; }
    [JsonInclude] public IReadOnlyList<Guid> Supporters { get; private set; } = [];
    [JsonInclude] public int Supports { get; private set; }
    [JsonInclude] public IReadOnlyList<ProposalComment> Comments { get; private set; } = [];
    [JsonInclude] public Guid? CommitteeId { get; private set; }
    [JsonInclude] public DateTimeOffset? HandedOverAt { get; private set; }
    [JsonInclude] public string? Answer { get; private set; }
    [JsonInclude] public Guid? AnsweredBy { get; private set; }
    [JsonInclude] public DateTimeOffset? AnsweredAt { get; private set; }

    public static ProposalOpened Open(Guid entityId, Guid officeId, Guid authorId, string authorName, string title, string text, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), entityId, officeId, authorId, authorName, title.Trim(), text.Trim(), now);

    public static Proposal Opened(ProposalOpened opened) => new()
    {
        Id = opened.ProposalId,
        EntityId = opened.EntityId,
        OfficeId = opened.OfficeId,
        AuthorId = opened.AuthorId,
        AuthorName = opened.AuthorName,
        Title = opened.Title,
        Text = opened.Text,
        OpenedAt = opened.At,
        Status = ProposalStatus.Open,
    };

    public ProposalCommented Comment(Guid memberId, string memberName, string text, DateTimeOffset now)
    {
        BusinessRules.Check(new IsNotClosed(Status, "commented"));
        return new ProposalCommented(Guid.CreateVersion7(), memberId, memberName, text.Trim(), now);
    }

    /// <summary>
    /// A member's support; the one that reaches <paramref name="threshold"/> hands the proposal to the office's local
    /// committee, or, if the office has none, marks it as awaiting one.
    /// </summary>
    public IReadOnlyList<IProposalEvent> Support(Guid memberId, int threshold, Guid? localCommitteeId, DateTimeOffset now)
    {
        BusinessRules.Check(new IsNotClosed(Status, "supported"));
        BusinessRules.Check(new AuthorDoesNotSupportTheirOwn(memberId == AuthorId));
        BusinessRules.Check(new OneSupportPerMember(Supporters.Contains(memberId)));
        var supported = new ProposalSupported(memberId, now);
        if (Status != ProposalStatus.Open || Supports + 1 < threshold) return [supported];
        return localCommitteeId is { } committee
            ? [supported, new ProposalHandedToCommittee(committee, Supports + 1, now)]
            : [supported, new ProposalReachedItsSupports(Supports + 1, threshold, now)];
    }

    /// <summary>A support can be taken back while the proposal is still gathering them.</summary>
    public ProposalSupportWithdrawn WithdrawSupport(Guid memberId, DateTimeOffset now)
    {
        BusinessRules.Check(new StillGatheringSupports(Status));
        BusinessRules.Check(new IsASupporter(Supporters.Contains(memberId)));
        return new ProposalSupportWithdrawn(memberId, now);
    }

    /// <summary>Hands a proposal that reached its supports to the local committee formed since.</summary>
    public ProposalHandedToCommittee HandTo(Guid committeeId, DateTimeOffset now) =>
        Status == ProposalStatus.AwaitingCommittee
            ? new ProposalHandedToCommittee(committeeId, Supports, now)
            : throw new InvalidOperationException($"Proposal {Id} is {Status}, not awaiting a committee.");

    public ProposalAnswered AnswerWith(Guid answeredBy, string answer, DateTimeOffset now)
    {
        BusinessRules.Check(new IsWithCommittee(Status));
        return new ProposalAnswered(CommitteeId!.Value, answeredBy, answer.Trim(), now);
    }

    public ProposalWithdrawn Withdraw(Guid memberId, DateTimeOffset now)
    {
        BusinessRules.Check(new OnlyTheAuthorWithdraws(memberId == AuthorId));
        BusinessRules.Check(new NoCommitteeHasItYet(Status));
        return new ProposalWithdrawn(now);
    }

    public void Absorb(IProposalEvent @event)
    {
        switch (@event)
        {
            case ProposalCommented c:
                Comments = [.. Comments, new ProposalComment(c.CommentId, c.MemberId, c.MemberName, c.Text, c.At)];
                break;
            case ProposalSupported s:
                Supporters = [.. Supporters, s.MemberId];
                Supports = Supporters.Count;
                break;
            case ProposalSupportWithdrawn w:
                Supporters = Supporters.Where(m => m != w.MemberId).ToList();
                Supports = Supporters.Count;
                break;
            case ProposalReachedItsSupports:
                Status = ProposalStatus.AwaitingCommittee;
                break;
            case ProposalHandedToCommittee h:
                Status = ProposalStatus.WithCommittee;
                CommitteeId = h.CommitteeId;
                HandedOverAt = h.At;
                break;
            case ProposalAnswered a:
                Status = ProposalStatus.Answered;
                Answer = a.Answer;
                AnsweredBy = a.AnsweredBy;
                AnsweredAt = a.At;
                break;
            case ProposalWithdrawn:
                Status = ProposalStatus.Withdrawn;
                break;
        }
    }

    /// <summary>The proposal as it will be once <paramref name="events"/> are appended: what a handler answers.</summary>
    public Proposal After(IEnumerable<IProposalEvent> events)
    {
        // A shallow copy is enough: Absorb replaces the lists, it never changes them.
        var after = (Proposal)MemberwiseClone();
        foreach (var @event in events) after.Absorb(@event);
        return after;
    }

    private sealed record IsNotClosed(ProposalStatus Status, string Change) : IBusinessRule
    {
        public bool IsBroken() => Status is ProposalStatus.Answered or ProposalStatus.Withdrawn;

        public string Message => $"This proposal is {Status}: it can no longer be {Change}.";
    }

    private sealed record AuthorDoesNotSupportTheirOwn(bool IsAuthor) : IBusinessRule
    {
        public bool IsBroken() => IsAuthor;

        public string Message => "The author of a proposal does not support it: supports come from other members.";
    }

    private sealed record OneSupportPerMember(bool AlreadySupports) : IBusinessRule
    {
        public bool IsBroken() => AlreadySupports;

        public string Message => "You already support this proposal.";
    }

    private sealed record IsASupporter(bool Supports) : IBusinessRule
    {
        public bool IsBroken() => !Supports;

        public string Message => "You do not support this proposal.";
    }

    private sealed record StillGatheringSupports(ProposalStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status != ProposalStatus.Open;

        public string Message => $"This proposal is {Status}: it no longer gathers supports.";
    }

    private sealed record NoCommitteeHasItYet(ProposalStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status is not (ProposalStatus.Open or ProposalStatus.AwaitingCommittee);

        public string Message => $"This proposal is {Status}: it can no longer be withdrawn.";
    }

    private sealed record IsWithCommittee(ProposalStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status != ProposalStatus.WithCommittee;

        public string Message => $"Only a proposal handed to a committee is answered; this one is {Status}.";
    }

    private sealed record OnlyTheAuthorWithdraws(bool IsAuthor) : IBusinessRule
    {
        public bool IsBroken() => !IsAuthor;

        public string Message => "Only its author withdraws a proposal.";
    }
}
