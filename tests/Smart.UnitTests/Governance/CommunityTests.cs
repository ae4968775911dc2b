using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Domain.Committees;
using Smart.Modules.Governance.Domain.Directory;
using Smart.Modules.Governance.Domain.Proposals;

namespace Smart.UnitTests.Governance;

public sealed class CommunityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Comédienne", "comedienne")]
    [InlineData("ÉBÉNISTE d'Art", "ebeniste d'art")]
    [InlineData("Cœur de métier", "coeur de metier")]
    [InlineData("Façades à Noël", "facades a noel")]
    public void Given_french_text_Then_it_folds_to_lower_case_without_accents(string text, string folded) =>
        Assert.Equal(folded, DirectoryProfile.Fold(text));

    [Fact]
    public void Given_a_profile_Then_only_shown_fields_are_read_out_or_searchable()
    {
        var office = Guid.NewGuid();
        var profile = DirectoryProfile.Publish(Guid.NewGuid(), Guid.NewGuid(), office, "Inès Carpentier",
            new DirectoryDetails(" Comédienne ", ["Doublage", "doublage", " "], "https://ines.example.org", "06 12 34 56 78", "Ines@Example.org"),
            [DirectoryField.Trade, DirectoryField.Email], Now);

        Assert.Equal("ines carpentier comedienne", profile.SearchText);
        Assert.Equal(["Doublage"], profile.Skills);
        Assert.Null(profile.ShownOfficeId);
        Assert.Null(profile.IfShown(DirectoryField.Phone, profile.Phone));
        Assert.Equal("ines@example.org", profile.IfShown(DirectoryField.Email, profile.Email));

        profile.Update(office, "Inès Carpentier", new DirectoryDetails("Comédienne", ["doublage"], null, null, null),
            [DirectoryField.Skills, DirectoryField.Office], Now);

        Assert.Equal("ines carpentier doublage", profile.SearchText);
        Assert.Equal(office, profile.ShownOfficeId);
    }

    [Fact]
    public void Given_seats_Then_one_at_a_time_ended_on_a_last_day_and_kept_in_history()
    {
        var committee = Committee.Form(Guid.NewGuid(), CommitteeKind.Ethics, null, " Comité d'éthique ");
        var member = Guid.NewGuid();
        committee.Seat(member, SeatRole.Chair, new DateOnly(2026, 1, 1));

        Assert.Equal("OneSeatAtATime", Assert.Throws<BusinessRuleViolationException>(() => committee.Seat(member, SeatRole.Member, new DateOnly(2026, 6, 1))).Rule);
        committee.EndSeat(member, new DateOnly(2026, 6, 30));
        Assert.True(committee.IsSittingOn(member, new DateOnly(2026, 6, 30)));
        Assert.False(committee.IsSittingOn(member, new DateOnly(2026, 7, 1)));
        Assert.Equal("OneSeatAtATime", Assert.Throws<BusinessRuleViolationException>(() => committee.Seat(member, SeatRole.Member, new DateOnly(2026, 6, 30))).Rule);
        committee.Seat(member, SeatRole.Member, new DateOnly(2026, 7, 1));
        Assert.Equal(2, committee.Seats.Count);
        Assert.Equal("Comité d'éthique", committee.Name);
        Assert.Equal("OnlyALocalCommitteeBelongsToAnOffice",
            Assert.Throws<BusinessRuleViolationException>(() => Committee.Form(Guid.NewGuid(), CommitteeKind.Local, null, "Local")).Rule);
    }

    [Fact]
    public void Given_a_threshold_of_3_Then_the_third_support_hands_over_and_later_ones_only_count()
    {
        var author = Guid.NewGuid();
        var committee = Guid.NewGuid();
        var proposal = Proposal.Opened(Proposal.Open(Guid.NewGuid(), Guid.NewGuid(), author, "Salomé Giraud", " Un atelier ", " Chaque mois. ", Now));

        foreach (var _ in Enumerable.Range(0, 2)) proposal = proposal.After(proposal.Support(Guid.NewGuid(), 3, committee, Now));
        Assert.Equal((2, ProposalStatus.Open), (proposal.Supports, proposal.Status));
        var third = proposal.Support(Guid.NewGuid(), 3, committee, Now);
        proposal = proposal.After(third);
        var fourth = proposal.Support(Guid.NewGuid(), 3, committee, Now);

        Assert.Equal(new ProposalHandedToCommittee(committee, 3, Now), third[1]);
        Assert.Equal((3, ProposalStatus.WithCommittee, "Un atelier"), (proposal.Supports, proposal.Status, proposal.Title));
        Assert.IsType<ProposalSupported>(Assert.Single(fourth));
        Assert.Equal("AuthorDoesNotSupportTheirOwn", Assert.Throws<BusinessRuleViolationException>(() => proposal.Support(author, 3, committee, Now)).Rule);
        Assert.Equal("StillGatheringSupports", Assert.Throws<BusinessRuleViolationException>(() => proposal.WithdrawSupport(proposal.Supporters[0], Now)).Rule);
    }

    [Fact]
    public void Given_no_local_committee_Then_the_threshold_parks_the_proposal_until_one_takes_it()
    {
        var proposal = Proposal.Opened(Proposal.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "A", "Un local vélo", "Pour les vélos.", Now));

        var events = proposal.Support(Guid.NewGuid(), 1, localCommitteeId: null, Now);
        proposal = proposal.After(events);
        var committee = Guid.NewGuid();
        proposal = proposal.After([proposal.HandTo(committee, Now)]);

        Assert.Equal(new ProposalReachedItsSupports(1, 1, Now), events[1]);
        Assert.Equal((ProposalStatus.WithCommittee, (Guid?)committee, 1), (proposal.Status, proposal.CommitteeId, proposal.Supports));
    }
}
