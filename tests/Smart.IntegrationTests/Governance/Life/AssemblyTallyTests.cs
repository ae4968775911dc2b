using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance.Domain.Shareholding;
using static Smart.IntegrationTests.Governance.Life.CooperativeLifeScenario;
using Smart.Modules.Governance.Contracts;

namespace Smart.IntegrationTests.Governance.Life;

/// <summary>The tally: an assembly convened by e-mail, voted at the meeting by college, closed on first convocation, recomputed.</summary>
public sealed class AssemblyTallyTests(CooperativeLifeApp app) : IClassFixture<CooperativeLifeApp>
{
    [Fact]
    public async Task Given_colleges_voting_60_40_10_10_3_1_and_none_in_D_Then_63_89_percent_adopted_as_ordinary_rejected_as_extraordinary_and_recomputed_equal()
    {
        var scenario = await new CooperativeLifeScenario(app).StartAsync();
        // College A (beneficiaries, 25 %): 100; B (service producers, 25 %): 20; C (partners and clients, 40 %): 4; D (economic partners, 10 %): 2 who do not vote.
        var a = await scenario.SeedShareholdersAsync(ShareholderCategory.ActivityCoordinator, 100);
        var b = await scenario.SeedShareholdersAsync(ShareholderCategory.PermanentStaff, 20);
        var c = await scenario.SeedShareholdersAsync(ShareholderCategory.Client, 4);
        await scenario.SeedShareholdersAsync(ShareholderCategory.EconomicPartner, 2);
        var (assemblyId, ordinary, extraordinary) = await scenario.PlanAsync();

        var sent = await scenario.ConveneAsync(assemblyId);
        Assert.Equal(126, sent.GetProperty("recipients").GetInt32());
        var mails = scenario.Mails().Where(m => m.Subject == "Convocation : Assemblée générale 2026 le 30/03/2026 à 10:00").ToList();
        Assert.Equal(126, mails.Count);
        var mail = mails.Single(m => m.To.Mailboxes.Single().Address.StartsWith("client-0-", StringComparison.Ordinal));
        Assert.Equal("Convocation : Assemblée générale 2026 le 30/03/2026 à 10:00", mail.Subject);
        Assert.Contains("seconde convocation le 13/04/2026 à 10:00", mail.TextBody);
        Assert.Contains("- Approbation des comptes", mail.TextBody);
        var invitation = Assert.IsType<TextPart>(mail.Attachments.Single());
        Assert.Equal("convocation.ics", invitation.FileName);
        Assert.Equal("text/calendar", invitation.ContentType.MimeType);
        var calendar = invitation.Text;
        Assert.Contains("METHOD:REQUEST", calendar);
        Assert.Contains($"UID:{assemblyId}@governance.smart.coop", calendar);
        Assert.Contains("DTSTART:20260330T080000Z", calendar);
        Assert.Contains("DTEND:20260330T110000Z", calendar);
        Assert.Contains("LOCATION:La Condition Publique\\, Roubaix", calendar);

        var staff = await scenario.StaffAsync();
        var ballots = a.Select((id, i) => (id, i < 60 ? "Yes" : "No"))
            .Concat(b.Select((id, i) => (id, i < 10 ? "Yes" : "No")))
            .Concat(c.Select((id, i) => (id, i < 3 ? "Yes" : "No"))).ToList();
        await RecordInPersonAsync(staff, assemblyId, ordinary, ballots);
        await RecordInPersonAsync(staff, assemblyId, extraordinary, ballots);

        var results = await OkAsync(await scenario.Admin.PostAsJsonAsync($"/api/governance/assemblies/{assemblyId}/close", new { heldOn = "First" }));
        Assert.Equal(126, results.GetProperty("votingRights").GetInt32());
        Assert.Equal(124, results.GetProperty("presentOrRepresented").GetInt32());
        var tallies = results.GetProperty("resolutions").EnumerateArray().ToList();
        foreach (var tally in tallies)
        {
            Assert.Equal(0.6389m, tally.GetProperty("result").GetDecimal());
            Assert.True(tally.GetProperty("quorumReached").GetBoolean());
            var colleges = tally.GetProperty("colleges").EnumerateArray()
                .Select(x => (x.GetProperty("college").GetString(), x.GetProperty("yes").GetInt32(), x.GetProperty("no").GetInt32(), x.GetProperty("countedWeight").GetDecimal()))
                .ToList();
            Assert.Equal([("Beneficiaries", 60, 40, 0.277778m), ("ServiceProducers", 10, 10, 0.277778m), ("PartnersAndClients", 3, 1, 0.444444m),
                ("EconomicPartnersAndPublicBodies", 0, 0, 0m)], colleges);
        }
        Assert.True(tallies[0].GetProperty("adopted").GetBoolean());
        Assert.False(tallies[1].GetProperty("adopted").GetBoolean());

        var check = await OkAsync(await scenario.Admin.GetAsync($"/api/governance/assemblies/{assemblyId}/tally"));
        Assert.True(check.GetProperty("matches").GetBoolean());
        Assert.Equal(check.GetProperty("published").GetRawText(), check.GetProperty("recomputed").GetRawText());
        var published = await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/governance/assemblies/{assemblyId}");
        Assert.Equal("Closed", published.GetProperty("status").GetString());
        Assert.Equal(0.6389m, published.GetProperty("results").GetProperty("resolutions")[0].GetProperty("result").GetDecimal());
    }
}
