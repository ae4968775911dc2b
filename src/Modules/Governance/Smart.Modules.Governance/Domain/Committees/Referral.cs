using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Governance.Domain.Committees;

public enum ReferralStatus
{
    /// <summary>Sent by the member; the committee has not taken it up yet.</summary>
    Submitted,

    /// <summary>A member of the committee took it up.</summary>
    UnderReview,

    /// <summary>The committee answered: the matter is closed.</summary>
    Answered,
}

/// <summary>
/// A matter a member refers to a committee (a conflict to the ethics committee, a working condition to the works
/// council, a local question to the office's committee). Only the member who referred it and the committee's sitting
/// members see it: a referral can be personal.
/// </summary>
internal sealed class Referral : AggregateRoot
{
    private Referral()
    {
        Subject = Details = null!;
    }

    public Guid EntityId { get; private set; }

    public Guid CommitteeId { get; private set; }

    public Guid ReferrerId { get; private set; }

    public string Subject { get; private set; }

    public string Details { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public ReferralStatus Status { get; private set; }

    public Guid? ReviewerId { get; private set; }

    public DateTimeOffset? ReviewStartedAt { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public static Referral Submit(Committee committee, Guid referrerId, string subject, string details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EntityId = committee.EntityId,
        CommitteeId = committee.Id,
        ReferrerId = referrerId,
        Subject = subject.Trim(),
        Details = details.Trim(),
        SubmittedAt = now,
        Status = ReferralStatus.Submitted,
    };

    public void TakeUp(Guid reviewerId, DateTimeOffset now)
    {
        CheckRule(new StatusIs(Status, ReferralStatus.Submitted, "taken up"));
        Status = ReferralStatus.UnderReview;
        ReviewerId = reviewerId;
        ReviewStartedAt = now;
    }

    /// <summary>Answers the matter, whether or not someone took it up first; an answer is final.</summary>
    public void AnswerWith(Guid reviewerId, string answer, DateTimeOffset now)
    {
        CheckRule(new NotYetAnswered(Status));
        ReviewerId ??= reviewerId;
        ReviewStartedAt ??= now;
        Status = ReferralStatus.Answered;
        Answer = answer.Trim();
        AnsweredAt = now;
    }

    private sealed record StatusIs(ReferralStatus Status, ReferralStatus Required, string Change) : IBusinessRule
    {
        public bool IsBroken() => Status != Required;

        public string Message => $"A referral that is {Status} cannot be {Change}.";
    }

    private sealed record NotYetAnswered(ReferralStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status == ReferralStatus.Answered;

        public string Message => "This referral was already answered.";
    }
}
