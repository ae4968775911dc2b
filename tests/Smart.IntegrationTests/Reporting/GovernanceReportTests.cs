using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Governance.Life;
using Smart.Modules.Reporting.Contracts;
using static Smart.IntegrationTests.Governance.Life.CooperativeLifeScenario;
using static Smart.IntegrationTests.Reporting.ReportChecks;
using static Smart.IntegrationTests.Reporting.ReportingScenario;

namespace Smart.IntegrationTests.Reporting;

/// <summary>
/// A year of the register and one assembly, all through Governance's endpoints (SmartFr's rules: 20.00 € a share, a client's
/// minimum 4 shares), hand-counted:
/// <list type="bullet">
/// <item>Anne, a member, admitted 2026-01-15 with 1 share, subscribes 2 more on 2026-02-01 and pays 60.00 on 2026-02-10:
/// 3 shares, 60.00 subscribed and paid.</item>
/// <item>Bastien, a member, admitted 2026-01-15 with 1 share, pays 20.00 on 2026-02-10, leaves on 2026-03-02 and is refunded
/// 20.00 on 2026-03-30 after the assembly approved the accounts: no longer a shareholder on 31 December (his exit is
/// published), 20.00 subscribed, paid and refunded, nothing outstanding.</item>
/// <item>A client admitted 2026-01-20 with 4 shares, paying 80.00 on 2026-02-10.</item>
/// <item>The assembly of 2026-03-30 (first convocation; an ordinary resolution approving the accounts and an extraordinary
/// one): 2 voting rights (Bastien left before it), Anne votes Yes electronically, staff record the client's Yes in person on
/// the ordinary one only: 2 participants, 1 electronic, 0 by proxy, 2 resolutions put to the vote, 1 adopted.</item>
/// </list>
/// </summary>
public sealed class GovernanceReportFixture : IAsyncLifetime
{
    public CooperativeLifeApp App { get; } = new();

    public AnnualReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var scenario = await new CooperativeLifeScenario(App).StartAsync();
        var (anne, anneMemberId, _) = await scenario.MemberShareholderAsync("2026-01-15");
        var (bastien, _, _) = await scenario.MemberShareholderAsync("2026-01-15");
        var client = await ActivitiesScenario.CreatedIdAsync(await scenario.Admin.PostAsJsonAsync("/api/governance/shareholders", new
        {
            entityId = scenario.EntityId, name = "Librairie du Beffroi", email = $"beffroi-{Guid.NewGuid():N}@example.org", category = "Client", shares = 4,
            admittedOn = "2026-01-20", boardDecision = "CA du 2026-01-20",
        }));
        var staff = await scenario.StaffAsync();
        await OkAsync(await scenario.Admin.PostAsJsonAsync($"/api/governance/shareholders/{anne}/subscriptions", new { shares = 2, subscribedOn = "2026-02-01" }));
        await OkAsync(await staff.PostAsJsonAsync($"/api/governance/shareholders/{anne}/payments", new { amount = 60.00m, paidOn = "2026-02-10" }));
        await OkAsync(await staff.PostAsJsonAsync($"/api/governance/shareholders/{bastien}/payments", new { amount = 20.00m, paidOn = "2026-02-10" }));
        await OkAsync(await staff.PostAsJsonAsync($"/api/governance/shareholders/{client}/payments", new { amount = 80.00m, paidOn = "2026-02-10" }));
        await OkAsync(await scenario.Admin.PostAsJsonAsync($"/api/governance/shareholders/{bastien}/exit", new { exitedOn = "2026-03-02", reason = "Départ de la région" }));
        var (assemblyId, ordinary, _) = await scenario.PlanAsync("AG 2026");
        await scenario.ConveneAsync(assemblyId, waitForMails: false);

        App.Clock!.Advance(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero) - App.Clock.GetUtcNow());
        var structure = scenario.Structure.Structure;
        var admin = await App.AdminClientAsync(structure);
        staff = await scenario.StaffAsync();
        var voter = await App.ClientAsync(SmartRoles.Member, anneMemberId, structure.EntityId, structure.LilleOfficeId);
        await OkAsync(await voter.PutAsJsonAsync($"/api/governance/assemblies/{assemblyId}/resolutions/{ordinary}/ballot", new { choice = "Yes" }));
        await RecordInPersonAsync(staff, assemblyId, ordinary, [(client, "Yes")]);
        await OkAsync(await admin.PostAsJsonAsync($"/api/governance/assemblies/{assemblyId}/close", new { heldOn = "First" }));
        await OkAsync(await staff.PostAsJsonAsync($"/api/governance/shareholders/{bastien}/refunds", new { amount = 20.00m, refundedOn = "2026-03-30", assemblyId }));
        Report = await SettledReportAsync(App, structure, 2026);
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

public sealed class GovernanceReportTests(GovernanceReportFixture fixture) : IClassFixture<GovernanceReportFixture>
{
    private AnnualReport Report => fixture.Report;

    [Fact]
    public void Given_the_fixture_year_Then_the_shareholders_by_category_are_counted_with_their_shares_and_capital()
    {
        // Shareholders, shares, subscribed, paid, refunded in the year, outstanding on 31 December.
        AssertRow("actionnaires-categories", "Porteurs et porteuses de projet", 1, 3, 80.00m, 80.00m, 20.00m, 60.00m);
        AssertRow("actionnaires-categories", "Clients", 1, 4, 80.00m, 80.00m, 0m, 80.00m);
        AssertRow("actionnaires-categories", "Total", 2, 7, 160.00m, 160.00m, 20.00m, 140.00m);
        AssertTotalsAreSums(Report, "actionnaires-categories", "actionnaires-colleges", "assemblees");
    }

    [Fact]
    public void Given_the_fixture_year_Then_the_shareholders_by_college_follow_their_categories()
    {
        AssertRow("actionnaires-colleges", "Bénéficiaires", 1, 3, 80.00m, 80.00m, 20.00m, 60.00m);
        AssertRow("actionnaires-colleges", "Partenaires et clients", 1, 4, 80.00m, 80.00m, 0m, 80.00m);
        AssertRow("actionnaires-colleges", "Total", 2, 7, 160.00m, 160.00m, 20.00m, 140.00m);
    }

    [Fact]
    public void Given_the_fixture_year_Then_the_assembly_is_one_row_with_its_rights_participants_and_resolutions()
    {
        var row = Assert.Single(Report.Tables.Single(t => t.Key == "assemblees").Rows);
        Assert.Equal("30/03/2026 — mixte, première convocation", row.Label);
        Assert.Equal([2m, 2m, 1m, 0m, 2m, 1m], row.Values);
    }

    private void AssertRow(string table, string row, int shareholders, int shares, decimal subscribed, decimal paid, decimal refunded, decimal outstanding)
    {
        decimal?[] expected = [shareholders, shares, subscribed, paid, refunded, outstanding];
        Assert.Equal(expected, new[] { "actionnaires", "parts", "souscrit", "libere", "rembourse", "encours" }.Select(c => Value(Report, table, row, c)).ToArray());
    }
}
