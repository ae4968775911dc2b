using System.Net;
using System.Net.Http.Json;
using Marten;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Domain.Committees;
using Smart.Modules.Governance.Features.Committees;

namespace Smart.IntegrationTests.Governance;

public sealed class CommitteesApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Fact]
    public async Task Given_committees_of_each_kind_Then_one_of_each_per_entity_or_office_and_seats_keep_their_history()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var office = await scenario.OfficeAsync();
        var (chair, _) = await scenario.MemberAsync(office, "Anne", "Leroy");
        var (parisMember, _) = await scenario.MemberAsync(scenario.Structure.ParisOfficeId);
        var local = await scenario.CommitteeAsync("Local", office);

        var seated = await scenario.Admin.PostAsJsonAsync($"/api/governance/committees/{local}/seats", new { memberId = chair, role = "Chair", from = "2026-02-01" });
        var twice = await scenario.Admin.PostAsJsonAsync($"/api/governance/committees/{local}/seats", new { memberId = chair, role = "Member", from = "2026-03-01" });
        var wrongOffice = await scenario.Admin.PostAsJsonAsync($"/api/governance/committees/{local}/seats", new { memberId = parisMember, role = "Member", from = "2026-03-01" });
        var secondLocal = await scenario.Admin.PostAsJsonAsync("/api/governance/committees",
            new { entityId = scenario.Structure.EntityId, kind = "Local", officeId = office, name = "Encore" });
        var ended = await scenario.Admin.PostAsJsonAsync($"/api/governance/committees/{local}/seats/{chair}/end", new { lastDay = "2026-06-30" });
        var endedBeforeStart = await scenario.Admin.PostAsJsonAsync($"/api/governance/committees/{local}/seats/{chair}/end", new { lastDay = "2026-01-01" });

        Assert.Equal(HttpStatusCode.OK, seated.StatusCode);
        Assert.Equal("OneSeatAtATime", (await twice.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal("LocalCommitteeSeatsItsOfficeMembers", (await wrongOffice.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal("OneCommitteeOfAKind", (await secondLocal.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var detail = (await ended.Content.ReadApiAsync<CommitteeDetailView>())!;
        var seat = Assert.Single(detail.Seats);
        Assert.Equal((chair, "Anne Leroy", SeatRole.Chair, new DateOnly(2026, 2, 1), (DateOnly?)new DateOnly(2026, 6, 30)),
            (seat.MemberId, seat.DisplayName, seat.Role, seat.From, seat.Until));
        Assert.Equal("SeatIsOpen", (await endedBeforeStart.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        // Seated again after leaving: a new seat beside the old one.
        Assert.Equal(2, (await (await scenario.Admin.PostAsJsonAsync($"/api/governance/committees/{local}/seats",
            new { memberId = chair, role = "Member", from = "2026-09-01" })).Content.ReadApiAsync<CommitteeDetailView>())!.Seats.Count);
        var officeCommittees = (await scenario.Admin.GetApiAsync<List<CommitteeView>>($"/api/governance/committees?officeId={office}"))!;
        Assert.Equal(1, Assert.Single(officeCommittees).SittingMembers);
    }

    [Fact]
    public async Task Given_a_matter_referred_to_the_ethics_committee_Then_only_the_referrer_and_sitting_members_see_it_and_the_answer_is_emailed()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var (referrerId, referrer) = await scenario.MemberAsync(scenario.Structure.LilleOfficeId, "Lucie", "Dumas");
        var (sittingId, sitting) = await scenario.MemberAsync(scenario.Structure.ParisOfficeId, "Marc", "Petit");
        var (_, bystander) = await scenario.MemberAsync(scenario.Structure.LilleOfficeId);
        var ethics = (await scenario.Admin.GetApiAsync<List<CommitteeView>>("/api/governance/committees"))!.SingleOrDefault(c => c.Kind == CommitteeKind.Ethics)?.Id
            ?? await scenario.CommitteeAsync("Ethics", null);
        await scenario.Admin.PostAsJsonAsync($"/api/governance/committees/{ethics}/seats", new { memberId = sittingId, role = "Member", from = "2026-01-01" });

        var referred = await referrer.PostAsJsonAsync($"/api/governance/committees/{ethics}/referrals",
            new { subject = "Conflit avec un client", details = "Un client refuse de signer le contrat de cession après la représentation." });
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        var id = (await referred.Content.ReadApiAsync<ResourceCreated>())!.Id;
        Assert.Equal($"/api/governance/referrals/{id}", referred.Headers.Location!.OriginalString);

        await (await bystander.GetAsync($"/api/governance/referrals/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await bystander.GetApiAsync<List<ReferralView>>($"/api/governance/committees/{ethics}/referrals"))!);
        Assert.Contains((await sitting.GetApiAsync<List<ReferralView>>($"/api/governance/committees/{ethics}/referrals"))!, r => r.Id == id);
        var byBystander = await bystander.PostAsync($"/api/governance/referrals/{id}/take-up", null);
        await byBystander.AssertProblemAsync(HttpStatusCode.NotFound);
        var byReferrer = await referrer.PostAsJsonAsync($"/api/governance/referrals/{id}/answer", new { answer = "Réglé." });
        Assert.Equal("OnlyASittingMemberActsForTheCommittee", (await byReferrer.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var takenUp = (await (await sitting.PostAsync($"/api/governance/referrals/{id}/take-up", null)).Content.ReadApiAsync<ReferralView>())!;
        Assert.Equal((ReferralStatus.UnderReview, (Guid?)sittingId), (takenUp.Status, takenUp.ReviewerId));
        await app.TrackAsync(async () =>
            Assert.Equal(HttpStatusCode.OK, (await sitting.PostAsJsonAsync($"/api/governance/referrals/{id}/answer",
                new { answer = "Le comité vous recevra le 12 décembre avec le client." })).StatusCode));
        await app.WaitForBusIdleAsync();

        var mine = Assert.Single((await referrer.GetApiAsync<List<ReferralView>>("/api/governance/referrals/mine"))!);
        Assert.Equal((ReferralStatus.Answered, "Le comité vous recevra le 12 décembre avec le client."), (mine.Status, mine.Answer));
        var mail = Assert.Single(CommunityScenario.Mails(app), m => m.Subject?.Contains("Conflit avec un client") == true);
        Assert.Equal("Lucie Dumas", mail.To.Mailboxes.Single().Name);
        Assert.Contains("Le comité vous recevra le 12 décembre avec le client.", mail.TextBody);
        var again = await sitting.PostAsJsonAsync($"/api/governance/referrals/{id}/answer", new { answer = "Encore." });
        Assert.Equal("NotYetAnswered", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(referrerId, mine.ReferrerId);
    }

    [Fact]
    public async Task Given_bad_input_Then_400_with_field_errors_and_nothing_written()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var (_, member) = await scenario.MemberAsync(scenario.Structure.LilleOfficeId);
        var local = await scenario.CommitteeAsync("Local", await scenario.OfficeAsync());
        var before = await CountsAsync();

        await (await scenario.Admin.PostAsJsonAsync("/api/governance/committees", new { })).AssertFieldErrorsAsync("entityId", "kind", "name");
        await (await scenario.Admin.PostAsJsonAsync("/api/governance/committees", new { entityId = scenario.Structure.EntityId, kind = "Local", name = "Sans bureau" }))
            .AssertFieldErrorsAsync("officeId");
        await (await scenario.Admin.PostAsJsonAsync("/api/governance/committees",
            new { entityId = scenario.Structure.EntityId, kind = "Ethics", officeId = scenario.Structure.LilleOfficeId, name = "Éthique" })).AssertFieldErrorsAsync("officeId");
        await (await scenario.Admin.PostAsJsonAsync($"/api/governance/committees/{local}/seats", new { from = "0001-01-01" }))
            .AssertFieldErrorsAsync("memberId", "role", "from");
        await (await scenario.Admin.PostAsJsonAsync($"/api/governance/committees/{local}/seats", new { memberId = Guid.NewGuid(), role = "King", from = "2026-01-01" }))
            .AssertFieldErrorsAsync("role");
        await (await member.PostAsJsonAsync($"/api/governance/committees/{local}/referrals", new { subject = "", details = new string('x', 10_001) }))
            .AssertFieldErrorsAsync("subject", "details");

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Given_someone_elses_committee_or_referral_Then_404_and_members_cannot_form_committees()
    {
        var scenario = await CommunityScenario.StartAsync(app);
        var (_, member) = await scenario.MemberAsync(scenario.Structure.LilleOfficeId);
        var local = await scenario.CommitteeAsync("Local", await scenario.OfficeAsync());
        var otherAdmin = await app.ClientAsync(SmartRoles.Admin, entityId: scenario.Structure.OtherEntityId);
        var referral = (await (await member.PostAsJsonAsync($"/api/governance/committees/{local}/referrals",
            new { subject = "Salle", details = "La salle de réunion est toujours pleine." })).Content.ReadApiAsync<ResourceCreated>())!.Id;

        await (await otherAdmin.GetAsync($"/api/governance/committees/{local}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.PostAsJsonAsync($"/api/governance/committees/{local}/seats", new { memberId = Guid.NewGuid(), role = "Member", from = "2026-01-01" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.GetAsync($"/api/governance/referrals/{referral}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Admin.PostAsJsonAsync($"/api/governance/committees/{local}/seats", new { memberId = Guid.NewGuid(), role = "Member", from = "2026-01-01" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Admin.PostAsJsonAsync("/api/governance/committees",
            new { entityId = scenario.Structure.OtherEntityId, kind = "WorksCouncil", name = "CSE" })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/governance/committees",
            new { entityId = scenario.Structure.EntityId, kind = "WorksCouncil", name = "CSE" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Admin.GetAsync($"/api/governance/referrals/{referral}")).StatusCode);
    }

    private Task<(int, int)> CountsAsync() => app.QueryStoreAsync<IGovernanceStore, (int, int)>(async s =>
        (await s.Query<Committee>().CountAsync(), await s.Query<Referral>().CountAsync()));
}
