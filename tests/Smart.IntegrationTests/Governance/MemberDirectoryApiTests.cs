using System.Net;
using System.Net.Http.Json;
using Marten;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Domain.Directory;
using Smart.Modules.Governance.Features.Directory;

namespace Smart.IntegrationTests.Governance;

public sealed class MemberDirectoryApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    private static object Profile(string trade, string[] skills, params string[] shown) => new
    {
        trade, skills, website = "https://atelier.example.org", phone = "+33 6 12 34 56 78", email = "contact@atelier.example.org", shown,
    };

    [Fact]
    public async Task Given_a_hidden_phone_Then_it_never_appears_in_any_directory_response_and_cannot_be_searched()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var (id, member) = await scenario.MemberAsync(scenario.Structure.LilleOfficeId, "Inès", "Carpentier");
        var (_, reader) = await scenario.MemberAsync(scenario.Structure.ParisOfficeId);

        var published = await member.PutAsJsonAsync("/api/governance/directory/me", Profile("Comédienne", ["doublage"], "Trade", "Skills", "Email"));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var responses = new[]
        {
            await reader.GetStringAsync($"/api/governance/directory/{id}"),
            await reader.GetStringAsync("/api/governance/directory?q=comedienne"),
            await reader.GetStringAsync("/api/governance/directory"),
            await scenario.Admin.GetStringAsync($"/api/governance/directory/{id}"),
        };
        Assert.All(responses, body =>
        {
            Assert.Contains("Inès Carpentier", body);
            Assert.DoesNotContain("12 34 56 78", body);
            Assert.DoesNotContain("https://atelier", body);
        });
        var entry = (await reader.GetApiAsync<DirectoryEntryView>($"/api/governance/directory/{id}"))!;
        Assert.Equal(("Comédienne", "contact@atelier.example.org", (string?)null, (string?)null, (Guid?)null), (entry.Trade, entry.Email, entry.Phone, entry.Website, entry.OfficeId));
        Assert.Equal(0, (await Search(reader, "q=12%2034%2056"))!.Total);
        Assert.DoesNotContain((await Search(reader, $"officeId={scenario.Structure.LilleOfficeId}&q=comedienne&pageSize=100"))!.Items, e => e.MemberId == id);
        // The owner sees everything they wrote.
        var mine = (await member.GetApiAsync<MyDirectoryProfileView>("/api/governance/directory/me"))!;
        Assert.Equal("+33 6 12 34 56 78", mine.Phone);
    }

    [Fact]
    public async Task Given_french_words_Then_the_search_ignores_accents_plurals_and_feminines_and_filters_by_shown_office()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (actress, actressClient) = await scenario.MemberAsync(scenario.Structure.LilleOfficeId, "Léa", $"Roux{tag}");
        var (actor, actorClient) = await scenario.MemberAsync(scenario.Structure.ParisOfficeId, "Hugo", $"Roux{tag}");
        var (designer, designerClient) = await scenario.MemberAsync(scenario.Structure.LilleOfficeId, "Zoé", $"Roux{tag}");
        await actressClient.PutAsJsonAsync("/api/governance/directory/me", Profile("Comédienne", ["théâtre d'improvisation", "doublage"], "Trade", "Skills", "Office"));
        await actorClient.PutAsJsonAsync("/api/governance/directory/me", Profile("Comédien", ["lectures publiques"], "Trade", "Skills", "Office"));
        await designerClient.PutAsJsonAsync("/api/governance/directory/me", Profile("Graphiste", ["identité visuelle", "affiches"], "Trade", "Skills"));

        async Task<Guid[]> Found(string query) =>
            (await Search(scenario.Admin, query + "&pageSize=100"))!.Items.Where(e => e.DisplayName.Contains(tag)).Select(e => e.MemberId).Order().ToArray();

        Assert.Equal(new[] { actress, actor }.Order(), await Found("q=comédiens"));
        Assert.Equal(new[] { actress, actor }.Order(), await Found("q=COMEDIENNE"));
        Assert.Equal([actress], await Found("q=improvisations"));
        Assert.Equal([actor], await Found("q=lecture"));
        Assert.Equal([designer], await Found("q=affiche"));
        Assert.Equal([actress], await Found($"q=comedien&officeId={scenario.Structure.LilleOfficeId}"));
        // The designer does not show her office: the Lille filter does not find her.
        Assert.Equal([actress], await Found($"officeId={scenario.Structure.LilleOfficeId}"));
        var page = (await Search(scenario.Admin, "q=comedien&pageSize=1"))!;
        Assert.Equal((1, 1), (page.Items.Count, page.PageSize));
        Assert.True(page.Total >= 2);
        var lille = page.Items.Concat((await Search(scenario.Admin, $"q=comedienne&officeId={scenario.Structure.LilleOfficeId}"))!.Items).First(e => e.MemberId == actress);
        Assert.Equal("Lille", lille.OfficeName);
    }

    [Fact]
    public async Task Given_a_member_who_changes_what_they_show_then_leaves_Then_the_directory_follows_and_forgets_them()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var (id, member) = await scenario.MemberAsync(scenario.Structure.LilleOfficeId, "Nora", "Benali");
        await member.PutAsJsonAsync("/api/governance/directory/me", Profile("Photographe", ["reportage"], "Trade", "Skills", "Phone"));
        Assert.Equal("+33 6 12 34 56 78", (await scenario.Admin.GetApiAsync<DirectoryEntryView>($"/api/governance/directory/{id}"))!.Phone);

        var changed = await (await member.PutAsJsonAsync("/api/governance/directory/me", Profile("Photographe", ["reportage", "portraits"], "Trade"))).Content
            .ReadApiAsync<MyDirectoryProfileView>();
        var entry = (await scenario.Admin.GetApiAsync<DirectoryEntryView>($"/api/governance/directory/{id}"))!;
        Assert.Equal([DirectoryField.Trade], changed!.Shown);
        Assert.Equal(["reportage", "portraits"], changed.Skills);
        Assert.Equal(("Photographe", (string?)null), (entry.Trade, entry.Phone));
        Assert.Empty(entry.Skills);
        Assert.Equal(0, (await Search(scenario.Admin, "q=portrait"))!.Items.Count(e => e.MemberId == id));

        Assert.Equal(HttpStatusCode.NoContent, (await member.DeleteAsync("/api/governance/directory/me")).StatusCode);
        await (await scenario.Admin.GetAsync($"/api/governance/directory/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.GetAsync("/api/governance/directory/me")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.DeleteAsync("/api/governance/directory/me")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(await app.QueryStoreAsync<IGovernanceStore, DirectoryProfile?>(s => s.LoadAsync<DirectoryProfile>(id)));
    }

    [Fact]
    public async Task Given_bad_input_Then_400_with_field_errors_and_nothing_written()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var (id, member) = await scenario.MemberAsync(scenario.Structure.LilleOfficeId);

        await (await member.PutAsJsonAsync("/api/governance/directory/me", new { trade = "Graphiste" })).AssertFieldErrorsAsync("shown");
        await (await member.PutAsJsonAsync("/api/governance/directory/me", new
        {
            trade = new string('x', 101), skills = Enumerable.Repeat("s", 21), website = "ftp://files.example.org", phone = "call me", email = "nope",
            shown = new[] { "Trade", "Trade" },
        })).AssertFieldErrorsAsync("trade", "skills", "website", "phone", "email", "shown");
        await (await member.PutAsJsonAsync("/api/governance/directory/me", new { shown = new[] { "Phone", "Website" } })).AssertFieldErrorsAsync("phone", "website");
        await (await member.PutAsJsonAsync("/api/governance/directory/me", new { shown = new[] { "Salary" } })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await member.GetAsync("/api/governance/directory?pageSize=0&page=0")).AssertFieldErrorsAsync("pageSize", "page");
        await (await member.GetAsync("/api/governance/directory?officeId=lille")).AssertFieldErrorsAsync("officeId");

        Assert.Null(await app.QueryStoreAsync<IGovernanceStore, DirectoryProfile?>(s => s.LoadAsync<DirectoryProfile>(id)));
    }

    [Fact]
    public async Task Given_another_entity_or_no_member_record_Then_404()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var (id, member) = await scenario.MemberAsync(scenario.Structure.LilleOfficeId, "Yann", "Le Goff");
        await member.PutAsJsonAsync("/api/governance/directory/me", Profile("Vidéaste", ["montage"], "Trade", "Skills"));
        var otherEntityAdmin = await app.ClientAsync(SmartRoles.Admin, entityId: scenario.Structure.OtherEntityId);
        var noMember = await app.ClientAsync(SmartRoles.Advisor, entityId: scenario.Structure.EntityId, officeId: scenario.Structure.LilleOfficeId);

        await (await otherEntityAdmin.GetAsync($"/api/governance/directory/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await Search(otherEntityAdmin, "q=videaste&pageSize=100"))!.Items, e => e.MemberId == id);
        await (await noMember.PutAsJsonAsync("/api/governance/directory/me", Profile("Vidéaste", [], "Trade"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await noMember.GetAsync("/api/governance/directory/me")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static Task<PagedResult<DirectoryEntryView>?> Search(HttpClient client, string query) =>
        client.GetApiAsync<PagedResult<DirectoryEntryView>>($"/api/governance/directory?{query}");
}
