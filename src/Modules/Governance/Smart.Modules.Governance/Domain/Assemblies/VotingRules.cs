using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Domain.Shareholding;

namespace Smart.Modules.Governance.Domain.Assemblies;

/// <summary>Whose ballot a caller may cast: their own, or a giver's whose proxy they hold; once, changeable until the close.</summary>
internal static class VotingRules
{
    /// <summary>
    /// <paramref name="voter"/> casts <paramref name="subject"/>'s ballot (the same shareholder, or a giver of a proxy held in
    /// <paramref name="holding"/>); <paramref name="previous"/> is who voted before on the resolution for the subject.
    /// </summary>
    public static void CheckBallot(Assembly assembly, Shareholder voter, Shareholder subject, ProxyHolding? holding, bool subjectGaveAProxy,
        Participation? previous, VoteChannel channel)
    {
        assembly.CheckOpenForVotes();
        BusinessRules.Check(new HasAVotingRight(subject, assembly.Date));
        if (voter.Id == subject.Id)
        {
            BusinessRules.Check(new DidNotGiveAProxy(subjectGaveAProxy));
        }
        else
        {
            BusinessRules.Check(new HoldsTheProxy(holding?.Givers.Contains(subject.Id) == true, subject.Name));
        }
        BusinessRules.Check(new OneBallotPerVoter(previous, channel));
    }

    private sealed record HasAVotingRight(Shareholder Shareholder, DateOnly Date) : IBusinessRule
    {
        public bool IsBroken() => !Shareholder.HasVotingRightOn(Date);

        public string Message => $"{Shareholder.Name} has no voting right on {Date:yyyy-MM-dd}.";
    }

    private sealed record DidNotGiveAProxy(bool Gave) : IBusinessRule
    {
        public bool IsBroken() => Gave;

        public string Message => "You gave a proxy for this assembly: your holder votes for you.";
    }

    private sealed record HoldsTheProxy(bool Holds, string Giver) : IBusinessRule
    {
        public bool IsBroken() => !Holds;

        public string Message => $"You hold no proxy from {Giver} for this assembly.";
    }

    /// <summary>An electronic ballot may be changed until the close; a ballot recorded at the meeting is final, and recorded once.</summary>
    private sealed record OneBallotPerVoter(Participation? Previous, VoteChannel Channel) : IBusinessRule
    {
        public bool IsBroken() => Previous is not null && (Channel == VoteChannel.InPerson || Previous.Channel == VoteChannel.InPerson);

        public string Message => Previous?.Channel == VoteChannel.InPerson
            ? "This shareholder's vote on the resolution was recorded at the meeting."
            : "This shareholder already voted electronically on the resolution.";
    }
}
