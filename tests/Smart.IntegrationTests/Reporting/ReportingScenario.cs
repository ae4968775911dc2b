using System.Net;
using System.Net.Http.Json;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Reporting;
using Smart.Modules.Reporting.Contracts;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Reporting;

/// <summary>The real host with a clock the tests move: from Monday 2025-06-02 08:00 UTC, a year of the fixture before the reported one.</summary>
public sealed class ReportingApp : SmartApp
{
    public static readonly DateTimeOffset Start = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

    public ReportingApp() => WithManualClock(Start);
}

/// <summary>
/// A fixture year, built through the API in an entity of its own (Lille and Paris offices), hand-counted:
/// <list type="bullet">
/// <item>2025: Alice (Lille, woman born 1990) and Bruno (Lille, man born 2000) register; Alice opens a live-performance
/// activity and invoices 2,000.00 to a French client in June.</item>
/// <item>2026 (clock on Monday 2 March): Bruno opens a training activity, Chloé (Paris, woman born 1970) registers and opens a
/// creative activity. 10 invoices: Alice 4 × 1,000.00 to her French client and 2,000.00 to her Belgian client, Bruno
/// 3 × 500.00 to his French client, Chloé 2 × 3,000.00 to her Belgian client; 2 credit notes: 400.00 on one of Alice's
/// French invoices, 500.00 on one of Bruno's. Net 2026: 13,500.00 − 900.00 = 12,600.00.</item>
/// <item>4 contracts of 7-hour days: Alice 3 CDDU artistic (3, 2 and 1 days), Bruno 1 CDD employee (4 days): 10 days, 70 hours.</item>
/// </list>
/// </summary>
public sealed class ReportingScenario(SmartApp app)
{
    public const int Year = 2026;

    public ActivitiesScenario Activities { get; } = new(app);

    public Structure Structure => Activities.Structure;

    /// <summary>An admin of the entity, logged in on the reported year's clock (a login does not outlive the nine months the clock moves).</summary>
    public HttpClient Admin { get; private set; } = null!;

    public Guid EntityId => Structure.EntityId;

    public string ReportUri => $"/api/reporting/entities/{EntityId}/reports/{Year}";

    /// <summary>One of Alice's 2026 invoices (the one credited 400.00).</summary>
    public Guid AnInvoiceId { get; private set; }

    public async Task<ReportingScenario> StartAsync()
    {
        await Activities.StartInOwnEntityAsync();
        Admin = Activities.Admin;
        var (aliceId, alice) = await MemberAsync("Alice", "Female", new DateOnly(1990, 5, 1), Structure.LilleOfficeId);
        var (brunoId, bruno) = await MemberAsync("Bruno", "Male", new DateOnly(2000, 1, 1), Structure.LilleOfficeId);
        var show = await OpenActivityAsync(alice, "Compagnie Alice", "LivePerformance");
        var aliceFr = await RegisterClientAsync(alice);
        await IssueAsync(alice, show, aliceFr, 2000m);

        app.Clock!.Advance(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        Admin = await app.AdminClientAsync(Structure);
        alice = await app.ClientAsync(SmartRoles.Member, aliceId, EntityId, Structure.LilleOfficeId);
        bruno = await app.ClientAsync(SmartRoles.Member, brunoId, EntityId, Structure.LilleOfficeId);
        var training = await OpenActivityAsync(bruno, "Formations Bruno", "Training");
        var (_, chloe) = await MemberAsync("Chloé", "Female", new DateOnly(1970, 7, 1), Structure.ParisOfficeId);
        var creative = await OpenActivityAsync(chloe, "Atelier Chloé", "CreativeProjects");
        var aliceBe = await BelgianClientAsync(alice);
        var brunoFr = await RegisterClientAsync(bruno);
        var chloeBe = await BelgianClientAsync(chloe);

        var credited = await IssueAsync(alice, show, aliceFr, 1000m);
        for (var i = 0; i < 3; i++) await IssueAsync(alice, show, aliceFr, 1000m);
        await IssueAsync(alice, show, aliceBe, 2000m);
        var creditedToo = await IssueAsync(bruno, training, brunoFr, 500m);
        for (var i = 0; i < 2; i++) await IssueAsync(bruno, training, brunoFr, 500m);
        for (var i = 0; i < 2; i++) await IssueAsync(chloe, creative, chloeBe, 3000m);
        await CreditAsync(alice, credited, 400m);
        AnInvoiceId = credited;
        await CreditAsync(bruno, creditedToo, 500m);

        await SalaryAsync(alice, show, "Cddu", "Artistic", new DateOnly(2026, 3, 9), 3);
        await SalaryAsync(alice, show, "Cddu", "Artistic", new DateOnly(2026, 3, 16), 2);
        await SalaryAsync(alice, show, "Cddu", "Artistic", new DateOnly(2026, 3, 23), 1);
        await SalaryAsync(bruno, training, "Cdd", "Employee", new DateOnly(2026, 3, 9), 4);
        await TrainingReportScenario.PublishAsync(app, EntityId, Structure.LilleOfficeId, Structure.ParisOfficeId);
        await SettledAsync();
        return this;
    }

    /// <summary>Waits until every message was handled, then until the daemon has projected every fact appended.</summary>
    public async Task SettledAsync()
    {
        await app.WaitForBusIdleAsync();
        await app.Services.GetRequiredService<IReportingStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
    }

    private async Task<(Guid, HttpClient)> MemberAsync(string firstName, string gender, DateOnly birthDate, Guid officeId)
    {
        var response = await Admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName, lastName = "Fixture", email = $"{firstName.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org", gender, birthDate, officeId,
        });
        var memberId = await CreatedIdAsync(response);
        await app.WaitForBusIdleAsync();
        return (memberId, await app.ClientAsync(SmartRoles.Member, memberId, EntityId, officeId));
    }

    private static async Task<Guid> BelgianClientAsync(HttpClient member) =>
        await CreatedIdAsync(await member.PostAsJsonAsync("/api/activities/clients", new
        {
            name = "Théâtre de Namur " + Guid.NewGuid().ToString("N")[..6], country = "BE", legalForm = "PublicBody", typology = "PublicBody",
            billingAddress = new { line1 = "Place du Théâtre 2", postalCode = "5000", city = "Namur", country = "BE" }, billingEmail = "compta@namur.example",
        }));

    private async Task<Guid> IssueAsync(HttpClient member, Guid activityId, Guid clientId, decimal net)
    {
        var id = await CreatedIdAsync(await IssueInvoiceAsync(member, activityId, clientId, null, net));
        await app.WaitForBusIdleAsync();
        return id;
    }

    private async Task CreditAsync(HttpClient member, Guid invoiceId, decimal net)
    {
        await CreatedIdAsync(await member.PostAsJsonAsync($"/api/activities/invoices/{invoiceId}/credit-notes", new { net, reason = "Une date annulée" }));
        await app.WaitForBusIdleAsync();
    }

    private async Task SalaryAsync(HttpClient member, Guid activityId, string contractKind, string category, DateOnly start, int days)
    {
        var response = await member.PostAsJsonAsync($"/api/activities/activities/{activityId}/salary-requests", new
        {
            employmentBudget = 200m * days, contractKind, category, workStart = start, workEnd = start.AddDays(days - 1), days = (decimal)days, hours = (decimal?)null,
            job = "Musicien",
        });
        await CreatedIdAsync(response);
        await app.WaitForBusIdleAsync();
    }

    public async Task<AnnualReport> ReportAsync(HttpClient? client = null)
    {
        var response = await (client ?? Admin).GetAsync(ReportUri);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadApiAsync<AnnualReport>())!;
    }

    /// <summary>A value of a table, by row label ("Total" for the total row) and column key.</summary>
    public static decimal? Value(AnnualReport report, string table, string row, string column)
    {
        var t = report.Tables.Single(x => x.Key == table);
        var r = row == "Total" ? t.Total : t.Rows.Single(x => x.Label == row);
        return r.Values[t.Columns.ToList().FindIndex(c => c.Key == column)];
    }
}
