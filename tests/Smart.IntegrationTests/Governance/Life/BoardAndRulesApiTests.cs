using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance.Domain.Shareholding;
using static Smart.IntegrationTests.Governance.Life.CooperativeLifeScenario;
using Smart.Modules.Governance.Contracts;

namespace Smart.IntegrationTests.Governance.Life;

/// <summary>Board mandates of 6 years and the governance rules' versions over HTTP.</summary>
public sealed class BoardAndRulesApiTests(CooperativeLifeApp app) : IClassFixture<CooperativeLifeApp>
{
    [Fact]
    public async Task Given_mandates_started_in_2020_and_2021_Then_they_last_6_years_and_the_2020_one_ends_by_the_assembly_of_2026_03_30()
    {
        var scenario = await new CooperativeLifeScenario(app).StartAsync();
        var other = await new CooperativeLifeScenario(app).StartAsync();
        var (coordinator, partner, newcomer) = await ThreeShareholdersAdmittedIn2019Async(scenario);
        var started = await Activities.ActivitiesScenario.CreatedIdAsync(
            await scenario.Admin.PostAsJsonAsync("/api/governance/board/mandates", new { shareholderId = coordinator, startsOn = "2020-03-20" }));
        Assert.NotEqual(Guid.Empty, started);
        await Activities.ActivitiesScenario.CreatedIdAsync(await scenario.Admin.PostAsJsonAsync("/api/governance/board/mandates", new { shareholderId = partner, startsOn = "2021-06-12" }));
        // One mandate at a time; a shareholder admitted later cannot have sat before.
        await (await scenario.Admin.PostAsJsonAsync("/api/governance/board/mandates", new { shareholderId = coordinator, startsOn = "2024-01-01" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await scenario.Admin.PostAsJsonAsync("/api/governance/board/mandates", new { shareholderId = newcomer, startsOn = "2018-01-01" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var board = await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/governance/entities/{scenario.EntityId}/board");
        var mandates = board.GetProperty("mandates").EnumerateArray()
            .Select(m => (m.GetProperty("category").GetString(), m.GetProperty("startsOn").GetString(), m.GetProperty("endsOn").GetString())).ToList();
        Assert.Equal([("ActivityCoordinator", "2020-03-20", "2026-03-19"), ("SectorPartner", "2021-06-12", "2027-06-11")], mandates);
        Assert.Single((await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/governance/entities/{scenario.EntityId}/board?on=2021-01-01")).GetProperty("mandates").EnumerateArray());

        var none = await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/governance/entities/{scenario.EntityId}/board/ending");
        Assert.Equal(JsonValueKind.Null, none.GetProperty("assemblyId").ValueKind);
        var (assemblyId, _, _) = await scenario.PlanAsync();
        var ending = await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/governance/entities/{scenario.EntityId}/board/ending");
        Assert.Equal((assemblyId, "2026-03-30"), (ending.GetProperty("assemblyId").GetGuid(), ending.GetProperty("assemblyDate").GetString()));
        Assert.Equal(["2026-03-19"], ending.GetProperty("mandates").EnumerateArray().Select(m => m.GetProperty("endsOn").GetString()!).ToArray());

        await (await scenario.Admin.PostAsJsonAsync("/api/governance/board/mandates", new { shareholderId = Guid.Empty, startsOn = "0001-01-01" }))
            .AssertFieldErrorsAsync("shareholderId", "startsOn");
        var foreign = (await other.SeedShareholdersAsync(ShareholderCategory.Client, 1))[0];
        await (await scenario.Admin.PostAsJsonAsync("/api/governance/board/mandates", new { shareholderId = foreign, startsOn = "2026-01-01" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Admin.PostAsJsonAsync("/api/governance/board/mandates", new { shareholderId = partner, startsOn = "2028-01-01", electedBy = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Admin.GetAsync($"/api/governance/entities/{scenario.EntityId}/board")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Admin.GetAsync($"/api/governance/entities/{scenario.EntityId}/board/ending")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Admin.GetAsync($"/api/governance/entities/{scenario.EntityId}/board?on=2026-02-30")).AssertFieldErrorsAsync("on");
    }

    [Fact]
    public async Task Given_new_weights_from_a_future_date_Then_the_version_applies_from_it_while_bad_weights_are_400_and_a_past_date_409()
    {
        var scenario = await new CooperativeLifeScenario(app).StartAsync();
        var other = await new CooperativeLifeScenario(app).StartAsync();
        var path = $"/api/governance/entities/{scenario.EntityId}/governance-rules";
        var rules = (await scenario.Admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("inForce");
        Assert.Equal([0.25m, 0.25m, 0.40m, 0.10m], rules.GetProperty("colleges").EnumerateArray().Select(c => c.GetProperty("weight").GetDecimal()).ToArray());

        object Version(string from, decimal[] weights) => new
        {
            effectiveFrom = from, nominalValue = 25.00m, maxInstalments = 2, convocationNoticeDays = 21, maxProxiesPerHolder = 3, mandateYears = 6,
            categories = rules.GetProperty("categories"),
            colleges = new[] { "Beneficiaries", "ServiceProducers", "PartnersAndClients", "EconomicPartnersAndPublicBodies" }.Select((college, i) => new { college, weight = weights[i] }),
        };
        var response = await scenario.Admin.PutAsJsonAsync(path, Version("2026-07-01", [0.30m, 0.20m, 0.40m, 0.10m]));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var history = (await scenario.Admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["2013-01-01", "2026-07-01"], history.Select(h => h.GetProperty("effectiveFrom").GetString()!).ToArray());
        Assert.Equal(0.30m, history[1].GetProperty("colleges")[0].GetProperty("weight").GetDecimal());

        await (await scenario.Admin.PutAsJsonAsync(path, Version("2026-08-01", [0.30m, 0.30m, 0.40m, 0.10m]))).AssertFieldErrorsAsync("colleges");
        await (await scenario.Admin.PutAsJsonAsync(path, Version("2026-03-01", [0.25m, 0.25m, 0.40m, 0.10m]))).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await scenario.Admin.PutAsJsonAsync(path, new { effectiveFrom = "2026-09-01", nominalValue = 0, maxInstalments = 0, mandateYears = 7 }))
            .AssertFieldErrorsAsync("nominalValue", "maxInstalments", "mandateYears", "categories", "colleges");
        await (await other.Admin.PutAsJsonAsync(path, Version("2026-08-01", [0.25m, 0.25m, 0.40m, 0.10m]))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Admin.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        var (_, _, member) = await scenario.MemberShareholderAsync();
        await (await member.PutAsJsonAsync(path, Version("2026-08-01", [0.25m, 0.25m, 0.40m, 0.10m]))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(2, (await scenario.Admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("history").GetArrayLength());
    }

    /// <summary>An activity coordinator and a sector partner admitted in 2019, a client admitted in 2025.</summary>
    private static async Task<(Guid, Guid, Guid)> ThreeShareholdersAdmittedIn2019Async(CooperativeLifeScenario scenario)
    {
        async Task<Guid> Admit(string category, int shares, string on) => await Activities.ActivitiesScenario.CreatedIdAsync(
            await scenario.Admin.PostAsJsonAsync("/api/governance/shareholders", new
            {
                entityId = scenario.EntityId, name = $"{category} {on}", email = $"{category}-{Guid.NewGuid():N}@example.org", category, shares, admittedOn = on,
                boardDecision = "CA du " + on,
            }));
        return (await Admit("ActivityCoordinator", 1, "2019-05-10"), await Admit("SectorPartner", 4, "2019-05-10"), await Admit("Client", 4, "2025-01-10"));
    }
}
