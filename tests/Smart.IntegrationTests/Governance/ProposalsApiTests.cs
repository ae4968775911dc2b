using System.Net;
using System.Net.Http.Json;
using Marten;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Domain.Proposals;
using Smart.Modules.Governance.Features.Proposals;

namespace Smart.IntegrationTests.Governance;

public sealed class ProposalsApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    /// <summary>Every test of this class runs under a threshold of 3 supports, set from today.</summary>
    private async Task<CommunityScenario> StartWithThresholdOfThreeAsync()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var set = await scenario.Admin.PostAsJsonAsync($"/api/governance/entities/{scenario.Structure.EntityId}/consultation-rules",
            new { effectiveFrom = today, supportsToReachCommittee = 3 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        return scenario;
    }

    [Fact]
    public async Task Given_a_threshold_of_3_Then_the_third_support_hands_the_proposal_to_the_local_committee_which_answers_the_author()
    {
        var scenario = await StartWithThresholdOfThreeAsync();
        var office = await scenario.OfficeAsync();
        var (_, author) = await scenario.MemberAsync(office, "Salomé", "Giraud");
        var supporters = new List<HttpClient>();
        for (var i = 0; i < 4; i++) supporters.Add((await scenario.MemberAsync(office, $"Soutien{i}", "Roy")).Client);
        var (chairId, chair) = await scenario.MemberAsync(office, "Paul", "Chevalier");
        var (secondId, _) = await scenario.MemberAsync(office, "Rose", "Marchand");
        var committee = await scenario.CommitteeAsync("Local", office, chairId, secondId);

        var id = await OpenAsync(author, "Un atelier « premiers pas »", "Accueillir les nouveaux membres chaque mois.");
        var afterTwo = await SupportAsync(supporters[0], id);
        afterTwo = await SupportAsync(supporters[1], id);
        Assert.Equal((ProposalStatus.Open, 2, true), (afterTwo.Status, afterTwo.Supports, afterTwo.SupportedByMe));

        await app.TrackAsync(async () => await SupportAsync(supporters[2], id));
        await app.WaitForBusIdleAsync();
        var handed = (await author.GetApiAsync<ProposalView>($"/api/governance/proposals/{id}"))!;
        Assert.Equal((ProposalStatus.WithCommittee, 3, (Guid?)committee, false), (handed.Status, handed.Supports, handed.CommitteeId, handed.SupportedByMe));
        var told = CommunityScenario.Mails(app).Where(m => m.Subject?.Contains("premiers pas") == true).SelectMany(m => m.To.Mailboxes.Select(b => b.Name ?? "")).Order().ToArray();
        Assert.Equal(["Paul Chevalier", "Rose Marchand"], told);

        // A fourth support still counts; the proposal is not handed over twice.
        Assert.Equal((ProposalStatus.WithCommittee, 4), ((await SupportAsync(supporters[3], id)) is var fourth ? (fourth.Status, fourth.Supports) : default));
        Assert.Single(await EventsAsync<ProposalHandedToCommittee>(id));

        var comment = await (await supporters[0].PostAsJsonAsync($"/api/governance/proposals/{id}/comments", new { text = "Je peux animer la première séance." }))
            .Content.ReadApiAsync<ProposalView>();
        Assert.Equal("Je peux animer la première séance.", Assert.Single(comment!.Comments).Text);
        var byAuthor = await author.PostAsJsonAsync($"/api/governance/proposals/{id}/answer", new { answer = "Adopté." });
        Assert.Equal("OnlyASittingMemberActsForTheCommittee", (await byAuthor.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK,
            (await chair.PostAsJsonAsync($"/api/governance/proposals/{id}/answer", new { answer = "Le comité lance l'atelier en janvier." })).StatusCode));
        await app.WaitForBusIdleAsync();

        var answered = (await author.GetApiAsync<ProposalView>($"/api/governance/proposals/{id}"))!;
        Assert.Equal((ProposalStatus.Answered, "Le comité lance l'atelier en janvier."), (answered.Status, answered.Answer));
        var mail = Assert.Single(CommunityScenario.Mails(app), m => m.Subject?.Contains("a répondu à votre proposition") == true);
        Assert.Equal("Salomé Giraud", mail.To.Mailboxes.Single().Name);
        var late = await supporters[1].PostAsJsonAsync($"/api/governance/proposals/{id}/comments", new { text = "Trop tard ?" });
        Assert.Equal("IsNotClosed", (await late.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Given_an_office_without_a_local_committee_Then_the_proposal_waits_and_the_committee_formed_next_takes_it()
    {
        var scenario = await StartWithThresholdOfThreeAsync();
        var office = await scenario.OfficeAsync();
        var (_, author) = await scenario.MemberAsync(office);
        var id = await OpenAsync(author, "Un local vélo", "Pour ranger les vélos des membres.");
        for (var i = 0; i < 3; i++) await SupportAsync((await scenario.MemberAsync(office)).Client, id);
        Assert.Equal(ProposalStatus.AwaitingCommittee, (await author.GetApiAsync<ProposalView>($"/api/governance/proposals/{id}"))!.Status);

        var committee = await scenario.CommitteeAsync("Local", office);

        var proposal = (await author.GetApiAsync<ProposalView>($"/api/governance/proposals/{id}"))!;
        Assert.Equal((ProposalStatus.WithCommittee, (Guid?)committee, 3), (proposal.Status, proposal.CommitteeId, proposal.Supports));
        var listed = (await author.GetApiAsync<PagedResult<ProposalSummaryView>>($"/api/governance/proposals?officeId={office}&status=WithCommittee"))!;
        Assert.Equal(id, Assert.Single(listed.Items).Id);
    }

    [Fact]
    public async Task Given_supports_Then_one_per_member_not_the_authors_own_and_taken_back_only_while_gathering()
    {
        var scenario = await StartWithThresholdOfThreeAsync();
        var office = await scenario.OfficeAsync();
        var (_, author) = await scenario.MemberAsync(office);
        var (_, supporter) = await scenario.MemberAsync(office);
        var (_, other) = await scenario.MemberAsync(office);
        var id = await OpenAsync(author, "Des casiers", "Des casiers fermés au coworking.");

        var own = await author.PostAsync($"/api/governance/proposals/{id}/support", null);
        await SupportAsync(supporter, id);
        var twice = await supporter.PostAsync($"/api/governance/proposals/{id}/support", null);
        var notSupporting = await other.DeleteAsync($"/api/governance/proposals/{id}/support");
        var withdrawnByOther = await other.PostAsync($"/api/governance/proposals/{id}/withdrawal", null);
        var takenBack = (await (await supporter.DeleteAsync($"/api/governance/proposals/{id}/support")).Content.ReadApiAsync<ProposalView>())!;
        var withdrawn = (await (await author.PostAsync($"/api/governance/proposals/{id}/withdrawal", null)).Content.ReadApiAsync<ProposalView>())!;
        var afterWithdrawal = await supporter.PostAsync($"/api/governance/proposals/{id}/support", null);

        Assert.Equal("AuthorDoesNotSupportTheirOwn", (await own.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal("OneSupportPerMember", (await twice.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal("IsASupporter", (await notSupporting.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal("OnlyTheAuthorWithdraws", (await withdrawnByOther.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal((0, false), (takenBack.Supports, takenBack.SupportedByMe));
        Assert.Equal(ProposalStatus.Withdrawn, withdrawn.Status);
        Assert.Equal("IsNotClosed", (await afterWithdrawal.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Given_consultation_rules_Then_they_change_from_today_or_later_never_in_the_past_and_only_for_ones_entity()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var url = $"/api/governance/entities/{scenario.Structure.EntityId}/consultation-rules";

        var past = await scenario.Admin.PostAsJsonAsync(url, new { effectiveFrom = today.AddDays(-1), supportsToReachCommittee = 5 });
        var future = await scenario.Admin.PostAsJsonAsync(url, new { effectiveFrom = today.AddDays(30), supportsToReachCommittee = 40 });
        var corrected = await scenario.Admin.PostAsJsonAsync(url, new { effectiveFrom = today.AddDays(30), supportsToReachCommittee = 30 });
        var otherEntity = await scenario.Admin.PostAsJsonAsync($"/api/governance/entities/{scenario.Structure.OtherEntityId}/consultation-rules",
            new { effectiveFrom = today, supportsToReachCommittee = 5 });
        var (_, member) = await scenario.MemberAsync(scenario.Structure.LilleOfficeId);
        var byMember = await member.PostAsJsonAsync(url, new { effectiveFrom = today, supportsToReachCommittee = 1 });

        Assert.Equal("NoRetroactiveChange", (await past.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        var history = (await corrected.Content.ReadApiAsync<List<ConsultationRulesView>>())!;
        Assert.Equal(new ConsultationRulesView(today.AddDays(30), 30), history[^1]);
        Assert.Equal(new ConsultationRulesView(new DateOnly(2013, 1, 1), 25), history[0]);
        await otherEntity.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(history, await member.GetApiAsync<List<ConsultationRulesView>>(url));
    }

    [Fact]
    public async Task Given_bad_input_Then_400_with_field_errors_and_nothing_written()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var (_, member) = await scenario.MemberAsync(scenario.Structure.LilleOfficeId);
        var id = await OpenAsync(member, "Une idée", "Une idée précise.");
        var streamsBefore = await StreamEventsAsync();

        await (await member.PostAsJsonAsync("/api/governance/proposals", new { title = "", text = new string('x', 20_001) })).AssertFieldErrorsAsync("title", "text");
        await (await member.PostAsJsonAsync($"/api/governance/proposals/{id}/comments", new { text = " " })).AssertFieldErrorsAsync("text");
        await (await member.PostAsJsonAsync($"/api/governance/proposals/{id}/answer", new { })).AssertFieldErrorsAsync("answer");
        await (await scenario.Admin.PostAsJsonAsync($"/api/governance/entities/{scenario.Structure.EntityId}/consultation-rules",
            new { effectiveFrom = "1800-01-01", supportsToReachCommittee = 0 })).AssertFieldErrorsAsync("effectiveFrom", "supportsToReachCommittee");
        await (await member.GetAsync("/api/governance/proposals?status=Adopted")).AssertFieldErrorsAsync("status");
        await (await member.GetAsync("/api/governance/proposals?pageSize=101")).AssertFieldErrorsAsync("pageSize");

        Assert.Equal(streamsBefore, await StreamEventsAsync());
    }

    [Fact]
    public async Task Given_another_entitys_proposal_Then_404_and_nothing_recorded()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var (_, member) = await scenario.MemberAsync(scenario.Structure.LilleOfficeId);
        var id = await OpenAsync(member, "Un potager", "Un potager sur le toit.");
        var stranger = await app.ClientAsync(SmartRoles.Member, Guid.NewGuid(), scenario.Structure.OtherEntityId, scenario.Structure.OtherEntityOfficeId);
        var otherAdmin = await app.ClientAsync(SmartRoles.Admin, entityId: scenario.Structure.OtherEntityId);
        var eventsBefore = await StreamEventsAsync();

        await (await otherAdmin.GetAsync($"/api/governance/proposals/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"/api/governance/proposals/{id}/support", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.PostAsJsonAsync($"/api/governance/proposals/{id}/comments", new { text = "Bonjour" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.GetAsync($"/api/governance/proposals/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await otherAdmin.GetApiAsync<PagedResult<ProposalSummaryView>>("/api/governance/proposals?pageSize=100"))!.Items, p => p.Id == id);

        Assert.Equal(eventsBefore, await StreamEventsAsync());
    }

    internal static async Task<Guid> OpenAsync(HttpClient author, string title, string text)
    {
        var response = await author.PostAsJsonAsync("/api/governance/proposals", new { title, text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadApiAsync<ResourceCreated>())!.Id;
    }

    internal static async Task<ProposalView> SupportAsync(HttpClient member, Guid proposalId)
    {
        var response = await member.PostAsync($"/api/governance/proposals/{proposalId}/support", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadApiAsync<ProposalView>())!;
    }

    private Task<List<T>> EventsAsync<T>(Guid proposalId) => app.QueryStoreAsync<IGovernanceStore, List<T>>(async s =>
        (await s.Events.FetchStreamAsync(proposalId)).Select(e => e.Data).OfType<T>().ToList());

    private Task<long> StreamEventsAsync() => app.QueryStoreAsync<IGovernanceStore, long>(s => s.Events.QueryAllRawEvents().LongCountAsync());
}
