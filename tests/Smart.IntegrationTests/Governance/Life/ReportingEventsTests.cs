using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance.Contracts;
using static Smart.IntegrationTests.Governance.Life.CooperativeLifeScenario;

namespace Smart.IntegrationTests.Governance.Life;

/// <summary>The events Governance publishes for the annual report: share movements (SmartFr's rules: 20.00 a share) and an assembly's results.</summary>
public sealed class ReportingEventsTests(CooperativeLifeApp app) : IClassFixture<CooperativeLifeApp>
{
    [Fact]
    public async Task Given_a_member_admitted_with_1_share_who_subscribes_2_more_and_pays_60_Then_three_movements_published_once_each_and_a_refused_payment_none()
    {
        var scenario = await new CooperativeLifeScenario(app).StartAsync();
        var office = scenario.Structure.Structure.LilleOfficeId;

        (Guid ShareholderId, Guid MemberId, HttpClient Client) shareholder = default;
        var admitted = await app.TrackAsync(async () => shareholder = await scenario.MemberShareholderAsync("2026-01-15"));
        var (id, memberId) = (shareholder.ShareholderId, shareholder.MemberId);
        Assert.Equal(new ShareMovementRecorded(id, scenario.EntityId, memberId, office, ShareholderCategory.ActivityCoordinator, VotingCollege.Beneficiaries,
            ShareMovementKind.Subscribed, new DateOnly(2026, 1, 15), 1, 20.00m, 1, 20.00m, 0m, 0m), Assert.Single(admitted.Published<ShareMovementRecorded>()));

        var subscribed = await app.TrackAsync(async () => await OkAsync(await scenario.Admin.PostAsJsonAsync($"/api/governance/shareholders/{id}/subscriptions",
            new { shares = 2, subscribedOn = "2026-02-01" })));
        Assert.Equal(new ShareMovementRecorded(id, scenario.EntityId, memberId, office, ShareholderCategory.ActivityCoordinator, VotingCollege.Beneficiaries,
            ShareMovementKind.Subscribed, new DateOnly(2026, 2, 1), 2, 40.00m, 3, 60.00m, 0m, 0m), Assert.Single(subscribed.Published<ShareMovementRecorded>()));

        var staff = await scenario.StaffAsync();
        var paid = await app.TrackAsync(async () => await OkAsync(await staff.PostAsJsonAsync($"/api/governance/shareholders/{id}/payments",
            new { amount = 60.00m, paidOn = "2026-02-10", reference = "VIR-0210" })));
        Assert.Equal(new ShareMovementRecorded(id, scenario.EntityId, memberId, office, ShareholderCategory.ActivityCoordinator, VotingCollege.Beneficiaries,
            ShareMovementKind.Paid, new DateOnly(2026, 2, 10), 0, 60.00m, 3, 60.00m, 60.00m, 0m), Assert.Single(paid.Published<ShareMovementRecorded>()));

        // Nothing is left unpaid: the same payment again is refused (409) and publishes nothing.
        var refused = await app.TrackAsync(async () => await (await staff.PostAsJsonAsync($"/api/governance/shareholders/{id}/payments",
            new { amount = 60.00m, paidOn = "2026-02-10", reference = "VIR-0210" })).AssertProblemAsync(HttpStatusCode.Conflict));
        Assert.Empty(refused.Published<ShareMovementRecorded>());
    }

    [Fact]
    public async Task Given_4_voting_rights_and_4_voters_1_electronic_on_a_combined_assembly_Then_its_results_are_published_once_and_the_exit_and_refund_are_movements()
    {
        var scenario = await new CooperativeLifeScenario(app).StartAsync();
        var seeded = await scenario.SeedShareholdersAsync(ShareholderCategory.ActivityCoordinator, 3);
        var (voter, voterMemberId, _) = await scenario.MemberShareholderAsync();
        var (leaver, leaverMemberId, _) = await scenario.MemberShareholderAsync();
        var staff = await scenario.StaffAsync();
        await OkAsync(await staff.PostAsJsonAsync($"/api/governance/shareholders/{leaver}/payments", new { amount = 20.00m, paidOn = "2026-02-10" }));
        var exited = await app.TrackAsync(async () =>
            await OkAsync(await scenario.Admin.PostAsJsonAsync($"/api/governance/shareholders/{leaver}/exit", new { exitedOn = "2026-03-02", reason = "Départ à la retraite" })));
        var structure = scenario.Structure.Structure;
        // No capital moves on the exit: 0 shares, 0.00, the totals as they were, and the day the leaver left.
        Assert.Equal(new ShareMovementRecorded(leaver, scenario.EntityId, leaverMemberId, structure.LilleOfficeId, ShareholderCategory.ActivityCoordinator,
            VotingCollege.Beneficiaries, ShareMovementKind.Exited, new DateOnly(2026, 3, 2), 0, 0m, 1, 20.00m, 20.00m, 0m, new DateOnly(2026, 3, 2)),
            Assert.Single(exited.Published<ShareMovementRecorded>()));
        var (assemblyId, ordinary, _) = await scenario.PlanAsync("AG 2026, résultats publiés");
        await scenario.ConveneAsync(assemblyId, waitForMails: false);

        app.Clock!.Advance(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        var admin = await app.AdminClientAsync(structure);
        staff = await scenario.StaffAsync();
        var member = await app.ClientAsync(SmartRoles.Member, voterMemberId, structure.EntityId, structure.LilleOfficeId);
        await OkAsync(await member.PutAsJsonAsync($"/api/governance/assemblies/{assemblyId}/resolutions/{ordinary}/ballot", new { choice = "Yes" }));
        await RecordInPersonAsync(staff, assemblyId, ordinary, seeded.Select(s => (s, "Yes")));

        var closed = await app.TrackAsync(async () => await OkAsync(await admin.PostAsJsonAsync($"/api/governance/assemblies/{assemblyId}/close", new { heldOn = "First" })));
        Assert.Equal(new AssemblyClosed(assemblyId, scenario.EntityId, new DateOnly(2026, 3, 30), AssemblyConvocation.First, AssemblyKind.Combined, 4, 4, 1, 0, 2, 1),
            Assert.Single(closed.Published<AssemblyClosed>()));
        var again = await app.TrackAsync(async () =>
            await (await admin.PostAsJsonAsync($"/api/governance/assemblies/{assemblyId}/close", new { heldOn = "First" })).AssertProblemAsync(HttpStatusCode.Conflict));
        Assert.Empty(again.Published<AssemblyClosed>());

        // The assembly approved the accounts: the leaver's 20.00 is refunded.
        var refunded = await app.TrackAsync(async () => await OkAsync(await staff.PostAsJsonAsync($"/api/governance/shareholders/{leaver}/refunds",
            new { amount = 20.00m, refundedOn = "2026-03-30", assemblyId })));
        Assert.Equal(new ShareMovementRecorded(leaver, scenario.EntityId, leaverMemberId, structure.LilleOfficeId, ShareholderCategory.ActivityCoordinator,
            VotingCollege.Beneficiaries, ShareMovementKind.Refunded, new DateOnly(2026, 3, 30), 0, 20.00m, 1, 20.00m, 20.00m, 20.00m, new DateOnly(2026, 3, 2)),
            Assert.Single(refunded.Published<ShareMovementRecorded>()));
    }
}
