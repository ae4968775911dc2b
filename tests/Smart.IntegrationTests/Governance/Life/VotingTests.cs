using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance.Domain.Shareholding;
using static Smart.IntegrationTests.Governance.Life.CooperativeLifeScenario;
using Smart.Modules.Governance.Contracts;

namespace Smart.IntegrationTests.Governance.Life;

/// <summary>Electronic ballots, proxies and receipts over HTTP, and every way a ballot is refused with nothing recorded.</summary>
public sealed class VotingTests(CooperativeLifeApp app) : IClassFixture<CooperativeLifeApp>
{
    private static string Ballot(Guid assemblyId, Guid resolutionId) => $"/api/governance/assemblies/{assemblyId}/resolutions/{resolutionId}/ballot";

    [Fact]
    public async Task Given_a_member_voting_twice_Then_one_ballot_counts_the_second_and_both_receipts_verify_the_first_as_replaced()
    {
        var scenario = await new CooperativeLifeScenario(app).StartAsync();
        var (_, _, member) = await scenario.MemberShareholderAsync();
        var (assemblyId, ordinary, _) = await scenario.PlanAsync();
        await scenario.ConveneAsync(assemblyId);

        var first = await OkAsync(await member.PutAsJsonAsync(Ballot(assemblyId, ordinary), new { choice = "No" }));
        Assert.False(first.GetProperty("replaced").GetBoolean());
        var second = await OkAsync(await member.PutAsJsonAsync(Ballot(assemblyId, ordinary), new { choice = "Yes" }));
        Assert.True(second.GetProperty("replaced").GetBoolean());
        Assert.Equal(1, await scenario.ParticipationsAsync(assemblyId));
        Assert.Equal(1, await scenario.BallotsAsync(assemblyId));

        var counted = await OkAsync(await member.GetAsync($"/api/governance/assemblies/{assemblyId}/receipts/{second.GetProperty("receipt").GetString()}"));
        Assert.Equal(("Yes", true), (counted.GetProperty("choice").GetString(), counted.GetProperty("counted").GetBoolean()));
        var replaced = await OkAsync(await member.GetAsync($"/api/governance/assemblies/{assemblyId}/receipts/{first.GetProperty("receipt").GetString()}"));
        Assert.Equal(("No", false), (replaced.GetProperty("choice").GetString(), replaced.GetProperty("counted").GetBoolean()));
        await (await member.GetAsync($"/api/governance/assemblies/{assemblyId}/receipts/{new string('0', 32)}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // Staff cannot record an in-person ballot over an electronic one.
        var staff = await scenario.StaffAsync();
        var me = await member.GetFromJsonAsync<JsonElement>("/api/governance/shareholders/me");
        var inPerson = await staff.PostAsJsonAsync($"/api/governance/assemblies/{assemblyId}/in-person-ballots",
            new { resolutionId = ordinary, shareholderId = me.GetProperty("id").GetGuid(), choice = "No" });
        await inPerson.AssertProblemAsync(HttpStatusCode.Conflict);

        var results = await OkAsync(await scenario.Admin.PostAsJsonAsync($"/api/governance/assemblies/{assemblyId}/close", new { heldOn = "Second" }));
        var beneficiaries = results.GetProperty("resolutions")[0].GetProperty("colleges")[0];
        Assert.Equal((1, 0), (beneficiaries.GetProperty("yes").GetInt32(), beneficiaries.GetProperty("no").GetInt32()));

        // After the close: refused, nothing recorded, the receipt still verifies.
        var late = await member.PutAsJsonAsync(Ballot(assemblyId, ordinary), new { choice = "No" });
        await late.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await scenario.BallotsAsync(assemblyId));
        await OkAsync(await member.GetAsync($"/api/governance/assemblies/{assemblyId}/receipts/{second.GetProperty("receipt").GetString()}"));
    }

    [Fact]
    public async Task Given_a_maximum_of_two_proxies_Then_a_third_is_409_and_the_holder_votes_for_givers_only()
    {
        var scenario = await new CooperativeLifeScenario(app).StartAsync();
        var (holderId, _, holder) = await scenario.MemberShareholderAsync();
        var (giver1, _, giver1Client) = await scenario.MemberShareholderAsync();
        var (giver2, _, giver2Client) = await scenario.MemberShareholderAsync();
        var (giver3, _, giver3Client) = await scenario.MemberShareholderAsync();
        var stranger = (await scenario.SeedShareholdersAsync(ShareholderCategory.Client, 1))[0];
        var (assemblyId, ordinary, extraordinary) = await scenario.PlanAsync();
        await scenario.ConveneAsync(assemblyId);
        var proxies = $"/api/governance/assemblies/{assemblyId}/proxies";

        Assert.Equal(1, (await OkAsync(await giver1Client.PostAsJsonAsync(proxies, new { holderId }))).GetProperty("heldByHolder").GetInt32());
        Assert.Equal(2, (await OkAsync(await giver2Client.PostAsJsonAsync(proxies, new { holderId }))).GetProperty("heldByHolder").GetInt32());
        var third = await giver3Client.PostAsJsonAsync(proxies, new { holderId });
        Assert.Contains("at most 2 proxies", (await third.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        await (await giver1Client.PostAsJsonAsync(proxies, new { holderId = giver3 })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await holder.PostAsJsonAsync(proxies, new { holderId = Guid.NewGuid() })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await holder.PostAsJsonAsync(proxies, new { holderId = Guid.Empty })).AssertFieldErrorsAsync("holderId");

        await OkAsync(await holder.PutAsJsonAsync(Ballot(assemblyId, ordinary), new { choice = "Yes" }));
        await OkAsync(await holder.PutAsJsonAsync(Ballot(assemblyId, ordinary), new { choice = "Yes", onBehalfOf = giver1 }));
        await OkAsync(await holder.PutAsJsonAsync(Ballot(assemblyId, ordinary), new { choice = "No", onBehalfOf = giver2 }));
        Assert.Equal(3, await scenario.ParticipationsAsync(assemblyId));

        // For someone else without a proxy, or for oneself after giving one: 409, nothing recorded.
        await (await holder.PutAsJsonAsync(Ballot(assemblyId, ordinary), new { choice = "Yes", onBehalfOf = giver3 })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await holder.PutAsJsonAsync(Ballot(assemblyId, ordinary), new { choice = "Yes", onBehalfOf = stranger })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await giver1Client.PutAsJsonAsync(Ballot(assemblyId, extraordinary), new { choice = "No" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(3, await scenario.ParticipationsAsync(assemblyId));
        Assert.Equal(3, await scenario.BallotsAsync(assemblyId));
    }

    [Fact]
    public async Task Given_bad_ballots_Then_400_with_field_errors_404_for_another_entity_or_resolution_and_nothing_recorded()
    {
        var scenario = await new CooperativeLifeScenario(app).StartAsync();
        var other = await new CooperativeLifeScenario(app).StartAsync();
        var (_, _, member) = await scenario.MemberShareholderAsync();
        var (assemblyId, ordinary, _) = await scenario.PlanAsync();
        var (otherAssembly, otherResolution, _) = await other.PlanAsync();
        // Before the convocation, votes are not open.
        await (await member.PutAsJsonAsync(Ballot(assemblyId, ordinary), new { choice = "Yes" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await scenario.ConveneAsync(assemblyId);
        await other.ConveneAsync(otherAssembly);

        await (await member.PutAsJsonAsync(Ballot(assemblyId, ordinary), new { choice = "Maybe" })).AssertFieldErrorsAsync("choice");
        await (await member.PutAsJsonAsync(Ballot(assemblyId, ordinary), new { choice = "Yes", onBehalfOf = Guid.Empty })).AssertFieldErrorsAsync("onBehalfOf");
        await (await member.PutAsJsonAsync(Ballot(otherAssembly, otherResolution), new { choice = "Yes" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.PutAsJsonAsync(Ballot(assemblyId, otherResolution), new { choice = "Yes" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.GetAsync($"/api/governance/assemblies/{otherAssembly}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.PostAsync($"/api/governance/assemblies/{assemblyId}/convocation", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var staff = await scenario.StaffAsync();
        await (await staff.PostAsJsonAsync($"/api/governance/assemblies/{assemblyId}/in-person-ballots", new { resolutionId = ordinary, choice = "Yes" }))
            .AssertFieldErrorsAsync("shareholderId");
        await (await staff.PostAsJsonAsync($"/api/governance/assemblies/{otherAssembly}/in-person-ballots", new { resolutionId = otherResolution, shareholderId = Guid.NewGuid(), choice = "Yes" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await scenario.ParticipationsAsync(assemblyId));
        Assert.Equal(0, await other.ParticipationsAsync(otherAssembly));
        Assert.Equal(0, await scenario.BallotsAsync(assemblyId));
    }

    [Fact]
    public async Task Given_an_assembly_plan_Then_bad_input_is_400_another_entity_404_and_a_convocation_inside_the_notice_409()
    {
        var scenario = await new CooperativeLifeScenario(app).StartAsync();
        var other = await new CooperativeLifeScenario(app).StartAsync();
        var bad = await scenario.Admin.PostAsJsonAsync("/api/governance/assemblies", new
        {
            entityId = scenario.EntityId, title = "", place = "Lille", firstConvocationAt = "2026-03-30T08:00:00Z", secondConvocationAt = "2026-03-29T08:00:00Z",
            durationMinutes = 5, agenda = Array.Empty<string>(), resolutions = new[] { new { title = "R", text = "", kind = "Ordinary" } },
        });
        await bad.AssertFieldErrorsAsync("title", "secondConvocationAt", "durationMinutes", "agenda", "resolutions[0].text");
        var foreign = await scenario.Admin.PostAsJsonAsync("/api/governance/assemblies", new
        {
            entityId = other.EntityId, title = "AG", place = "Lille", firstConvocationAt = "2026-03-30T08:00:00Z", secondConvocationAt = "2026-04-13T08:00:00Z",
            durationMinutes = 60, agenda = new[] { "Comptes" }, resolutions = new[] { new { title = "R", text = "Texte", kind = "Ordinary" } },
        });
        await foreign.AssertProblemAsync(HttpStatusCode.NotFound);

        // 15 days' notice: an assembly on 2026-03-16 cannot be convened on 2026-03-02.
        var (soon, _, _) = await scenario.PlanAsync("AG trop proche", "2026-03-16T08:00:00Z");
        var tooLate = await scenario.Admin.PostAsync($"/api/governance/assemblies/{soon}/convocation", null);
        Assert.Contains("at least 15 days", (await tooLate.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var (later, _, _) = await scenario.PlanAsync("AG dans les temps", "2026-03-17T08:00:00Z");
        await scenario.ConveneAsync(later, waitForMails: false);
        await (await other.Admin.PostAsync($"/api/governance/assemblies/{later}/convocation", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Admin.PostAsJsonAsync($"/api/governance/assemblies/{later}/close", new { heldOn = "Third" })).AssertFieldErrorsAsync("heldOn");
        await (await scenario.Admin.GetAsync($"/api/governance/assemblies/{later}/tally")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await other.Admin.GetAsync($"/api/governance/assemblies/{later}/tally")).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await scenario.Admin.GetFromJsonAsync<JsonElement>("/api/governance/assemblies?status=Convened");
        Assert.Equal([later], list.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToArray());
        await (await scenario.Admin.GetAsync("/api/governance/assemblies?status=Nope")).AssertFieldErrorsAsync("status");
    }
}
