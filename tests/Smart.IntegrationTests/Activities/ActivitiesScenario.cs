using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Marten;
using Smart.Modules.Activities;
using Smart.Modules.Activities.Domain.Budget;

namespace Smart.IntegrationTests.Activities;

/// <summary>Steps shared by the Activities tests, all through HTTP: members come from Governance over the bus.</summary>
public sealed class ActivitiesScenario(SmartApp app)
{
    public Structure Structure { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public async Task<ActivitiesScenario> StartAsync()
    {
        Structure = await app.SeedStructureAsync();
        Admin = await app.AdminClientAsync(Structure);
        return this;
    }

    /// <summary>
    /// A scenario in a new entity with SmartFr's rules and legal identity and a Lille and a Paris office. Its legal series start empty, so a
    /// test may date its documents in the past: within a series, numbers follow dates, whichever test issued before.
    /// </summary>
    /// <param name="withLegalIdentity">False for an entity whose identity is not recorded yet: it cannot issue documents.</param>
    public async Task<ActivitiesScenario> StartInOwnEntityAsync(bool withLegalIdentity = true)
    {
        var shared = await app.SeedStructureAsync();
        var platformAdmin = await app.ClientAsync(SmartRoles.Admin);
        var smartFr = await platformAdmin.GetFromJsonAsync<JsonElement>($"/api/governance/entities/{shared.EntityId}");
        // SmartFr's legal identity too, so the entity's documents name a seller and an employer.
        var identity = await platformAdmin.GetFromJsonAsync<JsonElement>($"/api/governance/entities/{shared.EntityId}/legal-identity");
        HttpResponseMessage created = null!;
        await app.TrackAsync(async () => created = await platformAdmin.PostAsJsonAsync("/api/governance/entities", new
        {
            code = "Test" + Guid.NewGuid().ToString("N")[..8], name = "Smart (test)", kind = "Scic", country = "FR", settings = smartFr.GetProperty("settingsHistory"),
            legalIdentity = withLegalIdentity ? identity.GetProperty("history") : (JsonElement?)null,
        }));
        var entityId = await CreatedIdAsync(created);
        Admin = await app.AdminClientAsync(shared with { EntityId = entityId });
        var offices = new List<Guid>();
        foreach (var name in new[] { "Lille", "Paris" })
        {
            HttpResponseMessage opened = null!;
            await app.TrackAsync(async () => opened = await Admin.PostAsJsonAsync("/api/governance/offices", new { entityId, name }));
            offices.Add(await CreatedIdAsync(opened));
        }
        Structure = shared with { EntityId = entityId, LilleOfficeId = offices[0], ParisOfficeId = offices[1] };
        return this;
    }

    /// <summary>A new member of the Lille office (or another), registered in Governance and known to Activities, logged in.</summary>
    public async Task<(Guid MemberId, HttpClient Client)> MemberAsync(Guid? officeId = null)
    {
        var office = officeId ?? Structure.LilleOfficeId;
        var response = await Admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName = "Alex", lastName = "Artiste", email = $"artist-{Guid.NewGuid():N}@example.org", officeId = office,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var memberId = (await response.Content.ReadFromJsonAsync<ResourceCreated>())!.Id;
        await app.WaitForBusIdleAsync();
        return (memberId, await app.ClientAsync(SmartRoles.Member, memberId, Structure.EntityId, office));
    }

    public static async Task<Guid> CreatedIdAsync(HttpResponseMessage response, string property = "id")
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty(property).GetGuid();
    }

    public static async Task<Guid> OpenActivityAsync(HttpClient client, string name = "Compagnie Les Échappées", string kind = "LivePerformance") =>
        await CreatedIdAsync(await client.PostAsJsonAsync("/api/activities/activities", new { name, kind, serviceTier = 1 }));

    public static async Task<Guid> RegisterClientAsync(HttpClient client, string typology = "PublicBody", string? vatNumber = null, int? paymentTermsDays = null) =>
        await CreatedIdAsync(await client.PostAsJsonAsync("/api/activities/clients", new
        {
            name = "Théâtre du Nord " + Guid.NewGuid().ToString("N")[..6],
            country = "FR",
            legalForm = "PublicBody",
            typology,
            vatNumber,
            billingAddress = new { line1 = "4 place du Général de Gaulle", postalCode = "59000", city = "Lille", country = "FR" },
            billingEmail = "compta@theatre-du-nord.example",
            paymentTermsDays,
        }));

    public static async Task<HttpResponseMessage> IssueInvoiceAsync(HttpClient client, Guid activityId, Guid clientId, DateOnly? issueDate, decimal unitPrice = 1000.00m) =>
        await client.PostAsJsonAsync("/api/activities/invoices", new
        {
            activityId, clientId, issueDate,
            lines = new[] { new { description = "Représentation", quantity = 1m, unitPrice } },
        });

    /// <summary>How many documents of a kind Activities holds, all entities together: the "nothing was written" checks of bad input.</summary>
    public static Task<int> StoredAsync<T>(SmartApp app) where T : notnull => app.QueryStoreAsync<IActivitiesStore, int>(session => session.Query<T>().CountAsync());

    /// <summary>The ledger entries a source booked (an invoice, a payslip, an equipment...), whichever activity they are on.</summary>
    internal static Task<IReadOnlyList<LedgerEntry>> LedgerEntriesAsync(SmartApp app, Guid sourceId) =>
        app.QueryStoreAsync<IActivitiesStore, IReadOnlyList<LedgerEntry>>(session => session.Query<LedgerEntry>().Where(e => e.SourceId == sourceId).ToListAsync());
}
