using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Features.Activities;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using StoredActivity = Smart.Modules.Activities.Domain.Activities.Activity;

namespace Smart.IntegrationTests.Activities;

public sealed class ActivitiesApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Fact]
    public async Task Given_a_member_When_opening_an_activity_Then_it_is_theirs_in_their_entity_and_office()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (memberId, member) = await scenario.MemberAsync();

        var id = await OpenActivityAsync(member, "Atelier sérigraphie", "CreativeProjects");

        var activity = await member.GetApiAsync<ActivityView>($"/api/activities/activities/{id}");
        Assert.Equal(("Atelier sérigraphie", ActivityKind.CreativeProjects, 1, ActivityStatus.Open), (activity!.Name, activity.Kind, activity.ServiceTier, activity.Status));
        Assert.Equal((memberId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId, 0m), (activity.CoordinatorId, activity.EntityId, activity.OfficeId, activity.Balance));
        Assert.Equal("Alex Artiste", activity.CoordinatorName);
    }

    [Fact]
    public async Task Given_staff_Then_an_advisor_opens_for_a_member_of_their_office_but_not_of_another()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (lilleMember, _) = await scenario.MemberAsync();
        var (parisMember, _) = await scenario.MemberAsync(scenario.Structure.ParisOfficeId);
        var lilleAdvisor = await app.ClientAsync(SmartRoles.Advisor, entityId: scenario.Structure.EntityId, officeId: scenario.Structure.LilleOfficeId);

        var opened = await lilleAdvisor.PostAsJsonAsync("/api/activities/activities", new { coordinatorId = lilleMember, name = "Duo jazz", kind = "LivePerformance", serviceTier = 2 });
        var refused = await lilleAdvisor.PostAsJsonAsync("/api/activities/activities", new { coordinatorId = parisMember, name = "Ailleurs", kind = "LivePerformance", serviceTier = 1 });

        await CreatedIdAsync(opened);
        await refused.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_bad_input_Then_400_with_field_errors_and_nothing_written()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var before = await StoredAsync<StoredActivity>(app);

        await (await member.PostAsJsonAsync("/api/activities/activities", new { name = "", kind = "LivePerformance", serviceTier = 5 })).AssertFieldErrorsAsync("name", "serviceTier");
        await (await member.PostAsJsonAsync("/api/activities/activities", new { name = "X", kind = "Circus", serviceTier = 1 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await member.GetAsync("/api/activities/activities?pageSize=1000")).AssertFieldErrorsAsync("pageSize");

        Assert.Equal(before, await StoredAsync<StoredActivity>(app));
    }

    [Fact]
    public async Task Given_someone_elses_activity_Then_404_for_reading_renaming_and_closing()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, owner) = await scenario.MemberAsync();
        var (_, other) = await scenario.MemberAsync();
        var parisAdvisor = await app.ClientAsync(SmartRoles.Advisor, entityId: scenario.Structure.EntityId, officeId: scenario.Structure.ParisOfficeId);
        var otherEntityOperator = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.OtherEntityId);
        var id = await OpenActivityAsync(owner);

        foreach (var stranger in new[] { other, parisAdvisor, otherEntityOperator })
        {
            await (await stranger.GetAsync($"/api/activities/activities/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await stranger.PutAsJsonAsync($"/api/activities/activities/{id}/name", new { name = "Mine now", expectedVersion = 0 })).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await stranger.PostAsJsonAsync($"/api/activities/activities/{id}/close", new { expectedVersion = 0 })).AssertProblemAsync(HttpStatusCode.NotFound);
        }
        Assert.Equal("Compagnie Les Échappées", (await owner.GetApiAsync<ActivityView>($"/api/activities/activities/{id}"))!.Name);
        // The empty id is nobody's activity (Marten refuses it as a stream id: it was a 500 on close).
        var platformAdmin = await app.ClientAsync(SmartRoles.Admin);
        await (await platformAdmin.PostAsJsonAsync($"/api/activities/activities/{Guid.Empty}/close", new { expectedVersion = 6 })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_two_people_editing_the_same_activity_Then_the_second_edit_with_a_stale_version_is_409()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: scenario.Structure.EntityId, officeId: scenario.Structure.LilleOfficeId);
        var id = await OpenActivityAsync(member);
        var read = (await member.GetApiAsync<ActivityView>($"/api/activities/activities/{id}"))!.Version;

        Assert.Equal(HttpStatusCode.NoContent, (await member.PutAsJsonAsync($"/api/activities/activities/{id}/name", new { name = "Les Échappées", expectedVersion = read })).StatusCode);
        var stale = await advisor.PutAsJsonAsync($"/api/activities/activities/{id}/name", new { name = "Échappées (advisor)", expectedVersion = read });

        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        var activity = await member.GetApiAsync<ActivityView>($"/api/activities/activities/{id}");
        Assert.Equal(("Les Échappées", read + 1), (activity!.Name, activity.Version));
    }

    [Fact]
    public async Task Given_an_activity_with_money_Then_it_cannot_close_and_an_empty_one_can()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var busy = await OpenActivityAsync(member);
        var empty = await OpenActivityAsync(member, "Idle project");
        await CreatedIdAsync(await IssueInvoiceAsync(member, busy, await RegisterClientAsync(member), issueDate: null));

        var refused = await member.PostAsJsonAsync($"/api/activities/activities/{busy}/close", new { expectedVersion = 1 });
        var closed = await member.PostAsJsonAsync($"/api/activities/activities/{empty}/close", new { expectedVersion = 1 });

        Assert.Equal("ClosingBalanceIsZero", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.Equal(ActivityStatus.Closed, (await member.GetApiAsync<ActivityView>($"/api/activities/activities/{empty}"))!.Status);
        await (await IssueInvoiceAsync(member, empty, await RegisterClientAsync(member), issueDate: null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Given_the_activity_list_Then_each_caller_sees_their_scope_and_filters_apply()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (mine, member) = await scenario.MemberAsync();
        var (_, colleague) = await scenario.MemberAsync();
        await OpenActivityAsync(member, "Mine 100%_", "Audiovisual");
        await OpenActivityAsync(colleague, "Theirs", "Training");
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: scenario.Structure.EntityId, officeId: scenario.Structure.LilleOfficeId);

        var own = await member.GetApiAsync<PagedResult<ActivityView>>("/api/activities/activities");
        var office = await advisor.GetApiAsync<PagedResult<ActivityView>>("/api/activities/activities?pageSize=200");
        var search = await advisor.GetApiAsync<PagedResult<ActivityView>>("/api/activities/activities?search=100%25_");
        var training = await advisor.GetApiAsync<PagedResult<ActivityView>>("/api/activities/activities?kind=Training&pageSize=200");

        Assert.All(own!.Items, a => Assert.Equal(mine, a.CoordinatorId));
        Assert.True(office!.Items.Count >= 2);
        Assert.Equal("Mine 100%_", Assert.Single(search!.Items).Name);
        Assert.All(training!.Items, a => Assert.Equal(ActivityKind.Training, a.Kind));
    }
}
