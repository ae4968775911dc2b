using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities;
using Smart.Modules.Activities.EntityRulesCopy;
using Smart.Modules.Payroll.PayRulesCopy;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Payroll.Contracts;

namespace Smart.IntegrationTests.Governance;

public sealed class EntitiesApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    private sealed record Settings(DateOnly EffectiveFrom, decimal ContributionRate, string PayoutRule, int PayoutDay, decimal DefaultVatRate, bool GuaranteeFundAdvanceAllowed);

    private sealed record EntityBody(Guid Id, string Code, string Name, string Kind, string Country, Settings? CurrentSettings, List<Settings> SettingsHistory);

    private sealed record OfficeBody(Guid Id, Guid EntityId, string Name);

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Given_the_demo_entities_Then_SmartFr_shows_85_then_10_percent_from_2022_12_15()
    {
        var structure = await app.SeedStructureAsync();
        var member = await app.ClientAsync(SmartRoles.Member, entityId: structure.EntityId);

        var smartFr = await member.GetFromJsonAsync<EntityBody>($"/api/governance/entities/{structure.EntityId}");

        Assert.Equal("SmartFr", smartFr!.Code);
        Assert.Equal([(new DateOnly(2013, 1, 1), 0.085m), (new DateOnly(2022, 12, 15), 0.10m)],
            smartFr.SettingsHistory.Take(2).Select(s => (s.EffectiveFrom, s.ContributionRate)));
        Assert.Equal(("DaysAfterEndOfWork", 7), (smartFr.SettingsHistory[0].PayoutRule, smartFr.SettingsHistory[0].PayoutDay));
        var listed = await member.GetFromJsonAsync<List<EntityBody>>("/api/governance/entities");
        Assert.Equal(structure.EntityId, Assert.Single(listed!).Id);
        await (await member.GetAsync($"/api/governance/entities/{structure.OtherEntityId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_a_settings_change_from_a_future_date_Then_it_is_recorded_and_reaches_Activities_and_Payroll()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var from = Today.AddDays(30 + Random.Shared.Next(1000));

        HttpResponseMessage response = null!;
        await app.TrackAsync(async () => response = await admin.PostAsJsonAsync($"/api/governance/entities/{structure.EntityId}/settings", new
        {
            effectiveFrom = from, contributionRate = 0.105m, payoutRule = "DaysAfterEndOfWork", payoutDay = 7, defaultVatRate = 0.20m, guaranteeFundAdvanceAllowed = true,
            trainingVatExempt = true, trainingVatExemptionMention = "Exonération de TVA — art. 261-4-4° a du CGI",
        }));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var entity = await admin.GetFromJsonAsync<EntityBody>($"/api/governance/entities/{structure.EntityId}");
        Assert.Equal(0.105m, entity!.SettingsHistory.Single(s => s.EffectiveFrom == from).ContributionRate);
        Assert.Equal(0.10m, entity.CurrentSettings!.ContributionRate); // not in force yet
        var copied = await app.QueryStoreAsync<IActivitiesStore, EntityRules>(async session =>
            (await session.LoadAsync<EntityRules>(EntityRules.IdOf(structure.EntityId, from)))!);
        Assert.Equal(0.105m, copied.ContributionRate);
        Assert.NotNull(await app.QueryStoreAsync<IPayrollStore, PayRules?>(s => s.LoadAsync<PayRules>(PayRules.IdOf(structure.EntityId, from))));
        Assert.Equal((true, "Exonération de TVA — art. 261-4-4° a du CGI"), (copied.TrainingVatExempt, copied.TrainingVatExemptionMention));
    }

    [Fact]
    public async Task Given_a_retroactive_settings_change_Then_409_and_nothing_changes()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var versionsBefore = await SettingsVersionsAsync(structure.EntityId);

        HttpResponseMessage response = null!;
        var tracked = await app.TrackAsync(async () => response = await admin.PostAsJsonAsync($"/api/governance/entities/{structure.EntityId}/settings", new
        {
            effectiveFrom = Today.AddDays(-1), contributionRate = 0.12m, payoutRule = "DaysAfterEndOfWork", payoutDay = 7, defaultVatRate = 0.20m, guaranteeFundAdvanceAllowed = true,
        }));

        Assert.Equal("SettingsChangeIsNotRetroactive", (await response.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(versionsBefore, await SettingsVersionsAsync(structure.EntityId));
        Assert.Empty(tracked.Sent.AllMessages());
    }

    [Fact]
    public async Task Given_invalid_settings_Then_400_with_field_errors_named_as_sent()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);

        var response = await admin.PostAsJsonAsync($"/api/governance/entities/{structure.EntityId}/settings", new
        {
            effectiveFrom = Today.AddDays(10), contributionRate = 1.5m, payoutRule = "DayOfFollowingMonth", payoutDay = 31, defaultVatRate = -0.2m, guaranteeFundAdvanceAllowed = false,
        });

        await response.AssertFieldErrorsAsync("contributionRate", "payoutDay", "defaultVatRate");
        await (await admin.PostAsJsonAsync($"/api/governance/entities/{structure.EntityId}/settings", new
        {
            effectiveFrom = Today.AddDays(10), contributionRate = 0.1m, payoutRule = "EndOfMonth", payoutDay = 0, defaultVatRate = 0.2m, guaranteeFundAdvanceAllowed = false,
            trainingVatExempt = true,
        })).AssertFieldErrorsAsync("trainingVatExemptionMention");
    }

    [Fact]
    public async Task Given_another_entity_or_a_non_admin_Then_404_and_403()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId);
        var body = new { effectiveFrom = Today.AddDays(40), contributionRate = 0.1m, payoutRule = "EndOfMonth", payoutDay = 0, defaultVatRate = 0.2m, guaranteeFundAdvanceAllowed = false };

        await (await admin.PostAsJsonAsync($"/api/governance/entities/{structure.OtherEntityId}/settings", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync($"/api/governance/entities/{Guid.NewGuid()}/settings", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.PostAsJsonAsync($"/api/governance/entities/{structure.EntityId}/settings", body)).StatusCode);
    }

    [Fact]
    public async Task Given_a_platform_admin_When_creating_an_entity_with_its_history_Then_every_version_reaches_the_other_modules()
    {
        await app.SeedStructureAsync();
        var platformAdmin = await app.ClientAsync(SmartRoles.Admin);
        var code = "SmartBe" + Random.Shared.Next(100000);

        HttpResponseMessage response = null!;
        await app.TrackAsync(async () => response = await platformAdmin.PostAsJsonAsync("/api/governance/entities", new
        {
            code, name = "Smart Belgique", kind = "Scic", country = "be",
            settings = new[]
            {
                new { effectiveFrom = new DateOnly(2020, 1, 1), contributionRate = 0.065m, payoutRule = "DayOfFollowingMonth", payoutDay = 10, defaultVatRate = 0.21m, guaranteeFundAdvanceAllowed = true },
            },
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<ResourceCreated>())!.Id;

        var entity = await platformAdmin.GetFromJsonAsync<EntityBody>($"/api/governance/entities/{id}");
        Assert.Equal(("BE", 0.065m, "DayOfFollowingMonth", 10), (entity!.Country, entity.CurrentSettings!.ContributionRate, entity.CurrentSettings.PayoutRule, entity.CurrentSettings.PayoutDay));
        Assert.Equal(1, await app.QueryStoreAsync<IPayrollStore, int>(s => Marten.QueryableExtensions.CountAsync(s.Query<PayRules>().Where(r => r.EntityId == id))));

        await (await platformAdmin.PostAsJsonAsync("/api/governance/entities", new { code, name = "Again", kind = "Scic", country = "BE", settings = Array.Empty<object>() }))
            .AssertFieldErrorsAsync("settings");
        var again = new
        {
            code, name = "Again", kind = "Scic", country = "BE",
            settings = new[] { new { effectiveFrom = new DateOnly(2020, 1, 1), contributionRate = 0.065m, payoutRule = "EndOfMonth", payoutDay = 0, defaultVatRate = 0.21m, guaranteeFundAdvanceAllowed = true } },
        };
        Assert.Equal("EntityCodeIsUnique", (await (await platformAdmin.PostAsJsonAsync("/api/governance/entities", again)).AssertProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("rule").GetString());
        var entityAdmin = await app.ClientAsync(SmartRoles.Admin, entityId: id);
        Assert.Equal(HttpStatusCode.Forbidden, (await entityAdmin.PostAsJsonAsync("/api/governance/entities", again with { code = code + "X" })).StatusCode);
    }

    [Fact]
    public async Task Given_offices_Then_admins_open_them_in_their_entity_and_names_are_unique()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var name = "Nancy-" + Random.Shared.Next(100000);

        var opened = await admin.PostAsJsonAsync("/api/governance/offices", new { entityId = structure.EntityId, name });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var offices = await admin.GetFromJsonAsync<List<OfficeBody>>("/api/governance/offices");
        Assert.Contains(offices!, o => o.Name == name && o.EntityId == structure.EntityId);
        Assert.All(offices!, o => Assert.Equal(structure.EntityId, o.EntityId));

        await (await admin.PostAsJsonAsync("/api/governance/offices", new { entityId = structure.EntityId, name })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync("/api/governance/offices", new { entityId = structure.OtherEntityId, name })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync("/api/governance/offices", new { entityId = structure.EntityId, name = "" })).AssertFieldErrorsAsync("name");
    }

    [Fact]
    public async Task Given_the_public_endpoints_Then_health_and_the_OpenAPI_document_need_no_login_and_list_Governance()
    {
        var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        var document = await anonymous.GetStringAsync("/swagger/v1/swagger.json");
        Assert.Contains("\"/api/governance/members\"", document);
        Assert.Contains("\"Governance\"", document);
        Assert.Contains("camille.durand@example.org", document); // the RegisterMember example
    }

    [Fact]
    public async Task Given_two_modules_with_a_type_of_the_same_name_Then_the_OpenAPI_document_keeps_both_under_module_prefixed_ids()
    {
        var document = await app.CreateClient().GetStringAsync("/swagger/v1/swagger.json");

        Assert.Contains("\"ActivitiesContractKind\":", document); // kinds of contract documents (sale of a show…)
        Assert.Contains("\"PayrollContractKind\":", document);    // kinds of employment contracts (CDD, CDDU, CDI)
        Assert.DoesNotContain("\"ContractKind\":", document);
        Assert.Contains("\"InvoiceView\":", document);            // a name only one module uses stays as it is
    }

    private Task<int> SettingsVersionsAsync(Guid entityId) => app.QueryStoreAsync<IGovernanceStore, int>(async session =>
        (await session.LoadAsync<CooperativeEntity>(entityId))!.Settings.Count);
}
