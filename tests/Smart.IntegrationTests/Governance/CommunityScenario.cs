using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Governance;

/// <summary>Members registered through the API, each with their own logged-in client: the people of the community tests.</summary>
internal sealed class CommunityScenario(SmartApp app, Structure structure, HttpClient admin)
{
    public Structure Structure => structure;

    public HttpClient Admin => admin;

    public static async Task<CommunityScenario> StartAsync(SmartApp app)
    {
        var structure = await app.SeedStructureAsync();
        return new CommunityScenario(app, structure, await app.AdminClientAsync(structure));
    }

    public async Task<(Guid Id, HttpClient Client)> MemberAsync(Guid officeId, string firstName = "Sam", string lastName = "Martin", string? gender = null)
    {
        var response = await admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName, lastName, gender, email = $"{firstName.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org", officeId,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadApiAsync<ResourceCreated>())!.Id;
        return (id, await app.ClientAsync(SmartRoles.Member, id, structure.EntityId, officeId));
    }

    /// <summary>A new office of the entity: each test's local committee is the first of its office (the demo seeds Lille's, Paris's…).</summary>
    public async Task<Guid> OfficeAsync()
    {
        var response = await admin.PostAsJsonAsync("/api/governance/offices", new { entityId = structure.EntityId, name = $"Bureau {Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadApiAsync<ResourceCreated>())!.Id;
    }

    public async Task<Guid> CommitteeAsync(string kind, Guid? officeId, params Guid[] seated)
    {
        var response = await admin.PostAsJsonAsync("/api/governance/committees",
            new { entityId = structure.EntityId, kind, officeId, name = $"{kind} {Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadApiAsync<ResourceCreated>())!.Id;
        foreach (var memberId in seated)
        {
            var seat = await admin.PostAsJsonAsync($"/api/governance/committees/{id}/seats", new { memberId, role = "Member", from = "2026-01-01" });
            Assert.Equal(HttpStatusCode.OK, seat.StatusCode);
        }
        return id;
    }

    public static IReadOnlyList<MimeMessage> Mails(SmartApp app) =>
        app.Mails.ReceivedEmail.ToList();
}
