using System.Net.Http.Json;
using Smart.Modules.Governance.Domain.Shareholding;
using static Smart.IntegrationTests.Governance.Life.CooperativeLifeScenario;
using Smart.Modules.Governance.Contracts;

namespace Smart.IntegrationTests.Governance.Life;

/// <summary>The quorum on its own host: 1,000 voting rights and two assemblies convened by e-mail.</summary>
public sealed class QuorumTests(CooperativeLifeApp app) : IClassFixture<CooperativeLifeApp>
{
    [Fact]
    public async Task Given_1000_voting_rights_When_249_vote_on_first_convocation_Then_no_quorum_and_nothing_adopted_while_12_suffice_on_second()
    {
        var first = await new CooperativeLifeScenario(app).StartAsync();
        var voters = await first.SeedShareholdersAsync(ShareholderCategory.ActivityCoordinator, 1000);
        var (assemblyId, ordinary, _) = await first.PlanAsync("AG quorum, première convocation");
        var (secondId, secondOrdinary, _) = await first.PlanAsync("AG quorum, seconde convocation");
        await first.ConveneAsync(assemblyId, waitForMails: false);
        await first.ConveneAsync(secondId, waitForMails: false);
        var staff = await first.StaffAsync();
        await RecordInPersonAsync(staff, assemblyId, ordinary, voters.Take(249).Select(v => (v, "Yes")));
        var results = await OkAsync(await first.Admin.PostAsJsonAsync($"/api/governance/assemblies/{assemblyId}/close", new { heldOn = "First" }));
        Assert.Equal(1000, results.GetProperty("votingRights").GetInt32());
        Assert.Equal(249, results.GetProperty("presentOrRepresented").GetInt32());
        var tally = results.GetProperty("resolutions")[0];
        Assert.False(tally.GetProperty("quorumReached").GetBoolean());
        Assert.Equal(1m, tally.GetProperty("result").GetDecimal());
        Assert.False(tally.GetProperty("adopted").GetBoolean());

        // The same 1,000 on another assembly held on second convocation: 12 suffice.
        await RecordInPersonAsync(staff, secondId, secondOrdinary, voters.Take(12).Select((v, i) => (v, i < 7 ? "Yes" : "No")));
        var held = await OkAsync(await first.Admin.PostAsJsonAsync($"/api/governance/assemblies/{secondId}/close", new { heldOn = "Second" }));
        Assert.Equal(12, held.GetProperty("presentOrRepresented").GetInt32());
        Assert.True(held.GetProperty("resolutions")[0].GetProperty("quorumReached").GetBoolean());
        Assert.Equal(0.5833m, held.GetProperty("resolutions")[0].GetProperty("result").GetDecimal());
        Assert.True(held.GetProperty("resolutions")[0].GetProperty("adopted").GetBoolean());

        // The 2,000 convocations leave the bus empty for whatever runs next on this host.
        await app.WaitForBusIdleAsync(TimeSpan.FromMinutes(5));
    }
}
