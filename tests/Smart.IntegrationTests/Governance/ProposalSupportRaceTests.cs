using System.Net.Http.Json;
using Marten;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Domain.Proposals;
using Smart.Modules.Governance.Features.Proposals;

namespace Smart.IntegrationTests.Governance;

/// <summary>The seeded threshold of SmartFr (25 supports): its own database, so no other test changes it.</summary>
public sealed class ProposalSupportRaceTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Fact]
    public async Task Given_30_members_supporting_at_the_same_moment_with_a_threshold_of_25_Then_30_supports_and_one_hand_over()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var office = await scenario.OfficeAsync();
        var (_, author) = await scenario.MemberAsync(office);
        var committee = await scenario.CommitteeAsync("Local", office);
        var supporters = new List<HttpClient>();
        for (var i = 0; i < 30; i++) supporters.Add((await scenario.MemberAsync(office)).Client);
        var id = await ProposalsApiTests.OpenAsync(author, "Une cantine partagée", "Une cantine pour les résidents.");

        var answers = await Task.WhenAll(supporters.Select(s => s.PostAsync($"/api/governance/proposals/{id}/support", null)));

        Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode));
        var proposal = (await author.GetApiAsync<ProposalView>($"/api/governance/proposals/{id}"))!;
        Assert.Equal((30, ProposalStatus.WithCommittee, (Guid?)committee), (proposal.Supports, proposal.Status, proposal.CommitteeId));
        var events = await app.QueryStoreAsync<IGovernanceStore, IReadOnlyList<object>>(async s => (await s.Events.FetchStreamAsync(id)).Select(e => e.Data).ToList());
        Assert.Equal(30, events.OfType<ProposalSupported>().Select(e => e.MemberId).Distinct().Count());
        Assert.Equal(25, Assert.Single(events.OfType<ProposalHandedToCommittee>()).Supports);
    }
}
