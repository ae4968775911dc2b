using System.Net;
using System.Net.Http.Json;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Infrastructure;
using Smart.IntegrationTests.Collections;
using Smart.Modules.Reporting.Contracts;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Reporting.ReportingScenario;

namespace Smart.IntegrationTests.Reporting;

/// <summary>
/// A collections year in an entity of its own, built through Activities' and Collections' API on a clock from 2026-03-01,
/// hand-counted: on 1 March three Lille invoices A, C, D and one Paris invoice E, each 1,200.00 VAT included, due 31 March
/// (default dunning plan, a provision of 30 % at due + 90). E is paid on 20 March; the first reminders go on 7 April
/// (A, C, D); A is paid on 10 April; C and D get steps 2 to 5 (21 April, 15 May, 30 May, 29 June) and 360.00 of provision
/// each on 29 June; C is then written off (its 360.00 reversed). D stays open.
/// </summary>
public sealed class CollectionsReportFixture : IAsyncLifetime
{
    public CollectionsApp App { get; } = new();

    public AnnualReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var activities = await new ActivitiesScenario(App).StartInOwnEntityAsync();
        var structure = activities.Structure;
        var policy = await activities.Admin.PostAsJsonAsync("/api/collections/provision-policies", new
        {
            entityId = structure.EntityId, effectiveFrom = "2026-03-01", tiers = new[] { new { daysAfterDue = 90, rate = 0.3m } },
        });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        var lille = await InvoicesAsync(activities, structure.LilleOfficeId, 3);
        var (a, c) = (lille[0], lille[1]);
        var e = (await InvoicesAsync(activities, structure.ParisOfficeId, 1))[0];

        await CollectionsScenario.MoveToAsync(App, new DateOnly(2026, 3, 20));
        await PayAsync(structure.EntityId, e, "2026-03-20");
        await CollectionsScenario.MoveToAsync(App, new DateOnly(2026, 4, 7));
        await CollectionsScenario.MoveToAsync(App, new DateOnly(2026, 4, 10));
        await PayAsync(structure.EntityId, a, "2026-04-10");
        foreach (var day in new DateOnly[] { new(2026, 4, 21), new(2026, 5, 15), new(2026, 5, 30), new(2026, 6, 29) }) await CollectionsScenario.MoveToAsync(App, day);
        var operatorClient = await App.ClientAsync(Smart.BuildingBlocks.Security.SmartRoles.Operator, entityId: structure.EntityId);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{c}/write-off",
            new { reason = "Client en liquidation judiciaire." })).StatusCode);

        Report = await ReportChecks.SettledReportAsync(App, structure, 2026);
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();

    /// <summary><paramref name="count"/> invoices of 1,000.00 + 20 % VAT by a new member of <paramref name="officeId"/> to a company on 30-day terms.</summary>
    private async Task<List<Guid>> InvoicesAsync(ActivitiesScenario activities, Guid officeId, int count)
    {
        var (_, member) = await activities.MemberAsync(officeId);
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member, "Company", paymentTermsDays: 30);
        var invoices = new List<Guid>();
        for (var i = 0; i < count; i++) invoices.Add(await CreatedIdAsync(await IssueInvoiceAsync(member, activity, client, null)));
        await App.WaitForBusIdleAsync();
        return invoices;
    }

    private async Task PayAsync(Guid entityId, Guid invoiceId, string paidOn)
    {
        var operatorClient = await App.ClientAsync(Smart.BuildingBlocks.Security.SmartRoles.Operator, entityId: entityId);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoiceId}/payments",
            new { amount = 1_200.00m, currency = "EUR", paidOn })).StatusCode);
        await App.WaitForBusIdleAsync();
    }
}

public sealed class CollectionsReportTests(CollectionsReportFixture fixture) : IClassFixture<CollectionsReportFixture>
{
    private AnnualReport Report => fixture.Report;

    [Fact]
    public void Given_the_collections_year_Then_invoices_reminders_recoveries_provisions_and_write_offs_are_the_hand_counted_ones_by_office_and_month()
    {
        Assert.Equal([3m, 1m, 4m], new[] { "Lille", "Paris", "Total" }.Select(o => Value(Report, "recouvrement-bureaux", o, "factures")));
        Assert.Equal([3_600m, 1_200m, 4_800m], new[] { "Lille", "Paris", "Total" }.Select(o => Value(Report, "recouvrement-bureaux", o, "facture")));
        Assert.Equal([11m, 0m, 11m], new[] { "Lille", "Paris", "Total" }.Select(o => Value(Report, "recouvrement-bureaux", o, "relances"))); // 3 first steps, 2 × 4 more
        Assert.Equal(1_200m, Value(Report, "recouvrement-bureaux", "Lille", "recouvre")); // A, paid after its first reminder
        Assert.Equal(0m, Value(Report, "recouvrement-bureaux", "Paris", "recouvre")); // E, paid before any
        Assert.Equal(720m, Value(Report, "recouvrement-bureaux", "Total", "provisions")); // 30 % of 1,200.00 on C and D
        Assert.Equal(360m, Value(Report, "recouvrement-bureaux", "Total", "reprises")); // C's, on its write-off
        Assert.Equal(1m, Value(Report, "recouvrement-bureaux", "Total", "pertes"));
        Assert.Equal(1_200m, Value(Report, "recouvrement-bureaux", "Total", "perdu"));

        Assert.Equal(4m, Value(Report, "recouvrement-mensuel", "mars", "factures"));
        Assert.Equal(5m, Value(Report, "recouvrement-mensuel", "avril", "relances")); // 7 April × 3, 21 April × 2
        Assert.Equal(1_200m, Value(Report, "recouvrement-mensuel", "avril", "recouvre"));
        Assert.Equal(4m, Value(Report, "recouvrement-mensuel", "mai", "relances"));
        Assert.Equal(2m, Value(Report, "recouvrement-mensuel", "juin", "relances"));
        Assert.Equal(720m, Value(Report, "recouvrement-mensuel", "juin", "provisions"));

        Assert.Equal([3m, 2m, 2m, 2m, 2m, 11m], new[] { "Étape 1 — e-mail", "Étape 2 — e-mail", "Étape 3 — e-mail", "Étape 4 — appel d'un chargé de recouvrement",
            "Étape 5 — transmission au contentieux", "Total" }.Select(s => Value(Report, "relances-etapes", s, "relances")));
        Assert.Equal(0.03m, Value(Report, "relances-etapes", "Total", "par-jour")); // 11 ÷ 365
        Assert.Equal(0.04m, Value(Report, "relances-etapes", "Total", "par-jour-ouvre")); // 11 ÷ 261

        Assert.Equal(1_200m, Value(Report, "recouvrement-dso", "Lille", "encours")); // D
        Assert.Equal(121.7m, Value(Report, "recouvrement-dso", "Lille", "dso")); // 1,200 ÷ 3,600 × 365
        Assert.Equal(0m, Value(Report, "recouvrement-dso", "Paris", "dso"));
        Assert.Equal(91.3m, Value(Report, "recouvrement-dso", "Total", "dso")); // 1,200 ÷ 4,800 × 365 = 91.25
    }

    [Fact]
    public void Given_the_collections_tables_Then_each_additive_total_is_the_sum_of_its_rows()
    {
        ReportChecks.AssertTotalsAreSums(Report, "recouvrement-bureaux", "recouvrement-mensuel", "relances-etapes", "recouvrement-dso");
    }
}
