using Smart.Modules.Governance.Domain.Assemblies;
using Smart.Modules.Governance.Domain.Shareholding;
using Smart.Modules.Governance.Contracts;

namespace Smart.UnitTests.Governance;

public sealed class TallyAndQuorumTests
{
    private static readonly IReadOnlyList<CollegeWeight> Weights = GovernanceRulesVersion.SmartFr(new DateOnly(2013, 1, 1)).Colleges;

    private static IEnumerable<(VotingCollege, Choice)> Votes(VotingCollege college, int yes, int no) =>
        Enumerable.Repeat((college, Choice.Yes), yes).Concat(Enumerable.Repeat((college, Choice.No), no));

    private static readonly (VotingCollege, Choice)[] IssueBallots =
    [
        .. Votes(VotingCollege.Beneficiaries, 60, 40), .. Votes(VotingCollege.ServiceProducers, 10, 10), .. Votes(VotingCollege.PartnersAndClients, 3, 1),
    ];

    [Fact]
    public void Given_A_60_40_B_10_10_C_3_1_and_D_silent_Then_weights_25_90_25_90_40_90_give_63_89_percent_adopted_as_ordinary_rejected_as_extraordinary()
    {
        var ordinary = Tally.Compute(Guid.NewGuid(), ResolutionKind.Ordinary, Weights, IssueBallots, quorumReached: true);
        var extraordinary = Tally.Compute(Guid.NewGuid(), ResolutionKind.Extraordinary, Weights, IssueBallots, quorumReached: true);

        Assert.Equal(0.6389m, ordinary.Result);
        Assert.True(ordinary.Adopted);
        Assert.Equal(0.6389m, extraordinary.Result);
        Assert.False(extraordinary.Adopted);
        Assert.Equal([0.277778m, 0.277778m, 0.444444m, 0m], ordinary.Colleges.Select(c => c.CountedWeight).ToArray());
    }

    [Fact]
    public void Given_exactly_two_thirds_Then_an_extraordinary_resolution_is_adopted_and_exactly_half_an_ordinary_one_is_not()
    {
        Assert.True(Tally.Compute(Guid.NewGuid(), ResolutionKind.Extraordinary, Weights, Votes(VotingCollege.Beneficiaries, 2, 1), true).Adopted);
        Assert.False(Tally.Compute(Guid.NewGuid(), ResolutionKind.Ordinary, Weights, Votes(VotingCollege.Beneficiaries, 1, 1), true).Adopted);
        // Abstentions are not votes cast: 1 yes, 0 no, 5 abstentions is 100 %.
        var abstaining = Votes(VotingCollege.ServiceProducers, 1, 0).Concat(Enumerable.Repeat((VotingCollege.ServiceProducers, Choice.Abstain), 5));
        Assert.Equal(1m, Tally.Compute(Guid.NewGuid(), ResolutionKind.Ordinary, Weights, abstaining, true).Result);
    }

    [Fact]
    public void Given_no_vote_cast_or_no_quorum_Then_nothing_is_adopted()
    {
        Assert.False(Tally.Compute(Guid.NewGuid(), ResolutionKind.Ordinary, Weights, [], true).Adopted);
        Assert.False(Tally.Compute(Guid.NewGuid(), ResolutionKind.Ordinary, Weights, IssueBallots, quorumReached: false).Adopted);
    }

    [Theory]
    [InlineData(ResolutionKind.Ordinary, Convocation.First, 249, false)]
    [InlineData(ResolutionKind.Ordinary, Convocation.First, 250, true)]
    [InlineData(ResolutionKind.Extraordinary, Convocation.First, 333, false)]
    [InlineData(ResolutionKind.Extraordinary, Convocation.First, 334, true)]
    [InlineData(ResolutionKind.Ordinary, Convocation.Second, 12, true)]
    [InlineData(ResolutionKind.Extraordinary, Convocation.Second, 12, true)]
    public void Given_1000_voting_rights_Then_the_quorum_is_a_quarter_or_a_third_on_first_convocation_and_none_on_second(
        ResolutionKind kind, Convocation convocation, int present, bool reached)
    {
        Assert.Equal(reached, Quorum.IsReached(kind, convocation, 1000, present));
    }
}
