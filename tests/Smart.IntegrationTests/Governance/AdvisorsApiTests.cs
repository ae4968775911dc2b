using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance.Contracts;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Governance.Life.CooperativeLifeScenario;

namespace Smart.IntegrationTests.Governance;

/// <summary>The register of advisors by office over HTTP: assignments with dates, one office at a time, published for the report.</summary>
public sealed class AdvisorsApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Fact]
    public async Task Given_Claire_in_Lille_from_2025_09_01_who_moves_to_Paris_on_2026_01_01_Then_each_office_lists_its_advisors_on_each_day_and_every_change_is_published_once()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var (lille, paris) = (await OpenOfficeAsync(admin, structure), await OpenOfficeAsync(admin, structure));
        var email = $"Claire.Lefebvre-{Guid.NewGuid():N}@Smart.coop";

        Guid claire = default;
        var assigned = await app.TrackAsync(async () => claire = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/governance/advisors",
            new { officeId = lille, fullName = " Claire Lefebvre ", email, startsOn = "2025-09-01" })));
        Assert.Equal(new AdvisorAssigned(claire, structure.EntityId, lille, "Claire Lefebvre", email.ToLowerInvariant(), new DateOnly(2025, 9, 1)),
            Assert.Single(assigned.Published<AdvisorAssigned>()));
        var bruno = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/governance/advisors",
            new { officeId = lille, fullName = "Bruno Caron", email = $"bruno.caron-{Guid.NewGuid():N}@smart.coop", startsOn = "2024-01-08" }));

        // Claire advises Lille: she cannot be assigned to Paris too, whatever the case of her e-mail.
        await (await admin.PostAsJsonAsync("/api/governance/advisors",
            new { officeId = paris, fullName = "Claire Lefebvre", email = email.ToUpperInvariant(), startsOn = "2026-01-01" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync($"/api/governance/advisors/{claire}/end", new { endsOn = "2025-08-31" })).AssertProblemAsync(HttpStatusCode.Conflict);

        JsonElement ended = default;
        var end = await app.TrackAsync(async () => ended = await OkAsync(await admin.PostAsJsonAsync($"/api/governance/advisors/{claire}/end", new { endsOn = "2025-12-31" })));
        Assert.Equal("2025-12-31", ended.GetProperty("endsOn").GetString());
        Assert.Equal(new AdvisorAssignmentEnded(claire, structure.EntityId, lille, new DateOnly(2025, 12, 31)),
            Assert.Single(end.Published<AdvisorAssignmentEnded>()));
        var again = await app.TrackAsync(async () =>
            await (await admin.PostAsJsonAsync($"/api/governance/advisors/{claire}/end", new { endsOn = "2026-01-31" })).AssertProblemAsync(HttpStatusCode.Conflict));
        Assert.Empty(again.Published<AdvisorAssignmentEnded>());
        var inParis = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/governance/advisors",
            new { officeId = paris, fullName = "Claire Lefebvre", email, startsOn = "2026-01-01" }));

        Assert.Equal(["Bruno Caron", "Claire Lefebvre"], await NamesAsync(admin, lille, "2025-12-31"));
        Assert.Equal(["Bruno Caron"], await NamesAsync(admin, lille, "2026-01-01"));
        Assert.Equal(["Claire Lefebvre"], await NamesAsync(admin, paris, "2026-01-01"));
        Assert.Empty(await NamesAsync(admin, paris, "2025-12-31"));
        // A member of the entity sees who advises their office.
        var member = await app.ClientAsync(SmartRoles.Member, Guid.NewGuid(), structure.EntityId, structure.LilleOfficeId);
        Assert.Equal(["Bruno Caron"], await NamesAsync(member, lille, "2026-03-02"));
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/governance/advisors/{inParis}");
        Assert.Equal((email.ToLowerInvariant(), "2026-01-01", JsonValueKind.Null),
            (view.GetProperty("email").GetString(), view.GetProperty("startsOn").GetString(), view.GetProperty("endsOn").ValueKind));
        Assert.NotEqual(bruno, inParis);
    }

    [Fact]
    public async Task Given_bad_input_another_entitys_admin_or_a_member_Then_400_with_the_fields_404_or_403_and_the_register_is_unchanged()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var lille = await OpenOfficeAsync(admin, structure);
        var claire = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/governance/advisors",
            new { officeId = lille, fullName = "Claire Lefebvre", email = $"claire-{Guid.NewGuid():N}@smart.coop", startsOn = "2025-09-01" }));
        var otherAdmin = await app.ClientAsync(SmartRoles.Admin, entityId: structure.OtherEntityId);
        var member = await app.ClientAsync(SmartRoles.Member, Guid.NewGuid(), structure.EntityId, structure.LilleOfficeId);

        await (await admin.PostAsJsonAsync("/api/governance/advisors", new { officeId = Guid.Empty, fullName = "", email = "pas-une-adresse", startsOn = "0001-01-01" }))
            .AssertFieldErrorsAsync("officeId", "fullName", "email", "startsOn");
        await (await admin.PostAsJsonAsync($"/api/governance/advisors/{claire}/end", new { endsOn = "0001-01-01" })).AssertFieldErrorsAsync("endsOn");
        await (await admin.GetAsync($"/api/governance/offices/{lille}/advisors?on=2026-02-30")).AssertFieldErrorsAsync("on");

        await (await otherAdmin.PostAsJsonAsync("/api/governance/advisors",
            new { officeId = lille, fullName = "Intrus", email = "intrus@example.org", startsOn = "2026-01-05" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.PostAsJsonAsync($"/api/governance/advisors/{claire}/end", new { endsOn = "2026-01-31" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.GetAsync($"/api/governance/advisors/{claire}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.GetAsync($"/api/governance/offices/{lille}/advisors")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync($"/api/governance/advisors/{Guid.NewGuid()}/end", new { endsOn = "2026-01-31" })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/governance/advisors/{claire}/end", new { endsOn = "2026-01-31" })).StatusCode);

        Assert.Equal(["Claire Lefebvre"], await NamesAsync(admin, lille, "2026-06-30"));
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/governance/advisors/{claire}");
        Assert.Equal(JsonValueKind.Null, view.GetProperty("endsOn").ValueKind);
    }

    [Fact]
    public async Task Given_the_demo_seed_Then_Lille_has_4_advisors_with_the_demo_account_and_Paris_3_since_one_moved_to_Lyon_this_year()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var lille = (await admin.GetFromJsonAsync<JsonElement>($"/api/governance/offices/{structure.LilleOfficeId}/advisors")).GetProperty("advisors").EnumerateArray().ToList();

        Assert.Equal(4, lille.Count);
        Assert.Contains(lille, a => a.GetProperty("email").GetString() == "advisor@smart.coop" && a.GetProperty("fullName").GetString() == "Claire Lefebvre");
        Assert.Equal(3, (await NamesAsync(admin, structure.ParisOfficeId, DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"))).Length);
        var lastYearEnd = new DateOnly(DateTime.UtcNow.Year - 1, 12, 31).ToString("yyyy-MM-dd");
        Assert.Equal(4, (await NamesAsync(admin, structure.ParisOfficeId, lastYearEnd)).Length);
    }

    /// <summary>An office of the test's own: the demo seed has advisors in Lille and Paris.</summary>
    private static async Task<Guid> OpenOfficeAsync(HttpClient admin, Structure structure) =>
        await CreatedIdAsync(await admin.PostAsJsonAsync("/api/governance/offices", new { entityId = structure.EntityId, name = $"Bureau {Guid.NewGuid():N}" }));

    private static async Task<string[]> NamesAsync(HttpClient client, Guid officeId, string on) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/governance/offices/{officeId}/advisors?on={on}")).GetProperty("advisors").EnumerateArray()
        .Select(a => a.GetProperty("fullName").GetString()!).ToArray();
}
