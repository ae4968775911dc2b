using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Domain.Shareholding;
using Smart.Modules.Governance.Contracts;

namespace Smart.IntegrationTests.Governance.Life;

/// <summary>The real host with a clock the tests move, from Monday 2026-03-02 08:00 UTC.</summary>
public sealed class CooperativeLifeApp : SmartApp
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = DateOnly.FromDateTime(Start.UtcDateTime);

    public CooperativeLifeApp() => WithManualClock(Start);
}

/// <summary>
/// A new entity with SmartFr's governance rules since 2013 (four colleges 25 / 25 / 40 / 10 %, a 20.00 € share, four
/// instalments, 15 days' notice, two proxies per holder, 6-year mandates), its admin, and helpers to fill its register.
/// </summary>
public sealed class CooperativeLifeScenario(SmartApp app)
{
    public ActivitiesScenario Structure { get; } = new(app);

    public Guid EntityId => Structure.Structure.EntityId;

    public HttpClient Admin => Structure.Admin;

    public async Task<CooperativeLifeScenario> StartAsync()
    {
        await Structure.StartInOwnEntityAsync();
        // The rules' history starts before any test date; the API only adds versions from today on.
        await using var session = app.Services.GetRequiredService<IGovernanceStore>().LightweightSession();
        var rules = GovernanceRules.Of(EntityId);
        rules.Add(GovernanceRulesVersion.SmartFr(new DateOnly(2013, 1, 1)), new DateOnly(2013, 1, 1));
        session.Store(rules);
        await session.SaveChangesAsync();
        return this;
    }

    /// <summary><paramref name="count"/> shareholders of a category (not members) written straight to the register, admitted on 2025-06-01 with the category's minimum.</summary>
    public async Task<IReadOnlyList<Guid>> SeedShareholdersAsync(ShareholderCategory category, int count)
    {
        var rules = GovernanceRulesVersion.SmartFr(new DateOnly(2013, 1, 1));
        var ids = new List<Guid>();
        await using var session = app.Services.GetRequiredService<IGovernanceStore>().LightweightSession();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7();
            var admitted = new ShareholderAdmitted(id, EntityId, null, null, $"{category} {i}", $"{category.ToString().ToLowerInvariant()}-{i}-{id:N}@example.org", category,
                new DateOnly(2025, 6, 1), "CA du 2025-05-20");
            session.Events.StartStream<Shareholder>(id, Shareholder.Admit(admitted, rules.For(category).MinimumShares, rules, CooperativeLifeApp.Today).Cast<object>().ToArray());
            ids.Add(id);
        }
        await session.SaveChangesAsync();
        return ids;
    }

    /// <summary>A member of the Lille office admitted through the API as an activity coordinator with one share, logged in.</summary>
    public async Task<(Guid ShareholderId, Guid MemberId, HttpClient Client)> MemberShareholderAsync(string admittedOn = "2026-01-15")
    {
        var (memberId, client) = await Structure.MemberAsync();
        var id = await ActivitiesScenario.CreatedIdAsync(await Admin.PostAsJsonAsync("/api/governance/shareholders", new
        {
            entityId = EntityId, memberId, category = "ActivityCoordinator", shares = 1, admittedOn, boardDecision = "CA du 2026-01-15",
        }));
        return (id, memberId, client);
    }

    /// <summary>An assembly on 2026-03-30 10:00 Paris (second convocation 2026-04-13) with an ordinary resolution approving the accounts and an extraordinary one.</summary>
    public async Task<(Guid AssemblyId, Guid Ordinary, Guid Extraordinary)> PlanAsync(string title = "Assemblée générale 2026", string first = "2026-03-30T08:00:00Z")
    {
        var id = await ActivitiesScenario.CreatedIdAsync(await Admin.PostAsJsonAsync("/api/governance/assemblies", new
        {
            entityId = EntityId, title, place = "La Condition Publique, Roubaix", firstConvocationAt = first,
            secondConvocationAt = "2026-04-13T08:00:00Z", durationMinutes = 180, agenda = new[] { "Rapport de gestion 2025", "Approbation des comptes", "Modification des statuts" },
            resolutions = new object[]
            {
                new { title = "Approbation des comptes 2025", text = "L'assemblée approuve les comptes de l'exercice 2025.", kind = "Ordinary", approvesAccounts = true },
                new { title = "Modification de l'article 12", text = "L'assemblée modifie l'article 12 des statuts.", kind = "Extraordinary" },
            },
        }));
        var assembly = await Admin.GetFromJsonAsync<JsonElement>($"/api/governance/assemblies/{id}");
        var resolutions = assembly.GetProperty("resolutions").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        return (id, resolutions[0], resolutions[1]);
    }

    /// <summary>Convenes the assembly; with <paramref name="waitForMails"/> returns once every convocation reached the test's SMTP server.</summary>
    public async Task<JsonElement> ConveneAsync(Guid assemblyId, bool waitForMails = true)
    {
        var response = await Admin.PostAsync($"/api/governance/assemblies/{assemblyId}/convocation", null);
        if (waitForMails) await app.WaitForBusIdleAsync(TimeSpan.FromMinutes(2));
        return await OkAsync(response);
    }

    public Task<HttpClient> StaffAsync() => app.ClientAsync(SmartRoles.Operator, entityId: EntityId);

    /// <summary>Staff record the ballots cast at the meeting, a few at a time.</summary>
    public static async Task RecordInPersonAsync(HttpClient staff, Guid assemblyId, Guid resolutionId, IEnumerable<(Guid Shareholder, string Choice)> ballots)
    {
        foreach (var chunk in ballots.Chunk(8))
        {
            var answers = await Task.WhenAll(chunk.Select(b => staff.PostAsJsonAsync($"/api/governance/assemblies/{assemblyId}/in-person-ballots",
                new { resolutionId, shareholderId = b.Shareholder, choice = b.Choice })));
            foreach (var answer in answers) await OkAsync(answer);
        }
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Expected success, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    public List<MimeMessage> Mails() =>
        app.Mails.ReceivedEmail.ToList();

    public Task<int> ParticipationsAsync(Guid assemblyId) =>
        app.QueryStoreAsync<IGovernanceStore, int>(s => s.Query<Smart.Modules.Governance.Domain.Assemblies.Participation>().CountAsync(p => p.AssemblyId == assemblyId));

    public Task<int> BallotsAsync(Guid assemblyId) =>
        app.QueryStoreAsync<IGovernanceStore, int>(s => s.Query<Smart.Modules.Governance.Domain.Assemblies.Ballot>().CountAsync(b => b.AssemblyId == assemblyId));
}
