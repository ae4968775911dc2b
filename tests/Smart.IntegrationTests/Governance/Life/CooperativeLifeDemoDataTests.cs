using System.Net.Http.Json;
using System.Text.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance.Seed;

namespace Smart.IntegrationTests.Governance.Life;

public sealed class CooperativeLifeDemoDataTests(CooperativeLifeApp app) : IClassFixture<CooperativeLifeApp>
{
    [Fact]
    public async Task Given_the_demo_seed_Then_SmartFr_has_a_register_a_closed_assembly_whose_recount_matches_one_open_to_the_demo_member_and_a_board()
    {
        var structure = await app.SeedStructureAsync(members: 150);
        await app.InvokeAsync(new SeedCooperativeLifeDemoData());
        await app.InvokeAsync(new SeedDemoAssemblies());
        await app.InvokeAsync(new SeedCooperativeLifeDemoData()); // idempotent
        await app.InvokeAsync(new SeedDemoAssemblies());
        var staff = await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);

        var register = await staff.GetFromJsonAsync<JsonElement>($"/api/governance/entities/{structure.EntityId}/register");
        var byCategory = register.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!, c => c.GetProperty("shareholders").GetInt32());
        Assert.True(byCategory["ActivityCoordinator"] > 80, register.ToString());
        Assert.Equal(14, byCategory["PermanentStaff"]);
        Assert.Equal(9, byCategory.Count);

        var assemblies = (await staff.GetFromJsonAsync<JsonElement>("/api/governance/assemblies")).EnumerateArray().ToList();
        Assert.Equal(["Convened", "Closed"], assemblies.Select(a => a.GetProperty("status").GetString()!).ToArray());
        var closed = assemblies[1].GetProperty("id").GetGuid();
        var check = await staff.GetFromJsonAsync<JsonElement>($"/api/governance/assemblies/{closed}/tally");
        Assert.True(check.GetProperty("matches").GetBoolean());
        Assert.True(check.GetProperty("published").GetProperty("presentOrRepresented").GetInt32() > 30);

        var demo = (await app.InvokeAsync<Smart.Modules.Governance.Contracts.MemberReference?>(
            new Smart.Modules.Governance.Contracts.FindMemberByEmail(SeedGovernanceDemoDataHandler.DemoMemberEmail)))!;
        var member = await app.ClientAsync(SmartRoles.Member, demo.MemberId, demo.EntityId, demo.OfficeId);
        var open = assemblies[0];
        var resolution = open.GetProperty("resolutions")[0].GetProperty("id").GetGuid();
        var ballot = await member.PutAsJsonAsync($"/api/governance/assemblies/{open.GetProperty("id").GetGuid()}/resolutions/{resolution}/ballot", new { choice = "Yes" });
        Assert.False((await CooperativeLifeScenario.OkAsync(ballot)).GetProperty("replaced").GetBoolean());

        var board = await staff.GetFromJsonAsync<JsonElement>($"/api/governance/entities/{structure.EntityId}/board");
        Assert.Equal(12, board.GetProperty("mandates").GetArrayLength());
        var ending = await staff.GetFromJsonAsync<JsonElement>($"/api/governance/entities/{structure.EntityId}/board/ending");
        Assert.Equal(open.GetProperty("id").GetGuid(), ending.GetProperty("assemblyId").GetGuid());
        Assert.Equal(4, ending.GetProperty("mandates").GetArrayLength());
    }
}
