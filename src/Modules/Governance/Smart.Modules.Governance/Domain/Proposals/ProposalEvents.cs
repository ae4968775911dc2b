namespace Smart.Modules.Governance.Domain.Proposals;

/// <summary>What happens to a proposal: its stream is the consultation's record, its snapshot (<see cref="Proposal"/>) what it adds up to.</summary>
internal interface IProposalEvent;

internal sealed record ProposalOpened(Guid ProposalId, Guid EntityId, Guid OfficeId, Guid AuthorId, string AuthorName, string Title, string Text,
    DateTimeOffset At) : IProposalEvent;

internal sealed record ProposalCommented(Guid CommentId, Guid MemberId, string MemberName, string Text, DateTimeOffset At) : IProposalEvent;

internal sealed record ProposalSupported(Guid MemberId, DateTimeOffset At) : IProposalEvent;

internal sealed record ProposalSupportWithdrawn(Guid MemberId, DateTimeOffset At) : IProposalEvent;

/// <summary>The supports reached the entity's threshold while the office had no local committee: handed over when one is formed.</summary>
internal sealed record ProposalReachedItsSupports(int Supports, int Threshold, DateTimeOffset At) : IProposalEvent;

internal sealed record ProposalHandedToCommittee(Guid CommitteeId, int Supports, DateTimeOffset At) : IProposalEvent;

internal sealed record ProposalAnswered(Guid CommitteeId, Guid AnsweredBy, string Answer, DateTimeOffset At) : IProposalEvent;

internal sealed record ProposalWithdrawn(DateTimeOffset At) : IProposalEvent;
