using System.Net;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Collections;

/// <summary>
/// Dunning steps on a database shared by several hosts in Wolverine's Balanced mode, as in production: reminder 1 comes
/// due while two hosts run; one host stops between reminder 1 and reminder 2 and another starts in its place. Each step
/// is taken once and each e-mail received once, whichever host took it.
/// </summary>
public sealed class DunningAcrossHostsTests : IAsyncLifetime
{
    private const int Invoices = 6;
    private static readonly DateOnly Reminder1 = new(2026, 4, 7), Reminder2 = new(2026, 4, 21);

    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly ManualClock _clock = new(CollectionsApp.Start);
    private readonly List<SmartApp> _running = [];

    [Fact]
    public async Task Given_two_hosts_and_one_replaced_between_two_steps_Then_each_step_is_taken_once_and_its_e_mail_received_once()
    {
        var first = await StartHostAsync();
        var second = await StartHostAsync();
        var scenario = await new CollectionsScenario(first).StartAsync();
        var structure = scenario.Activities.Structure;
        var memberOnSecond = await second.ClientAsync(SmartRoles.Member, scenario.MemberId, structure.EntityId, structure.LilleOfficeId);
        var invoices = new List<Guid>();
        for (var i = 0; i < Invoices; i++)
        {
            // Half the invoices are issued through each host: both outboxes and both nodes take part.
            var response = await ActivitiesScenario.IssueInvoiceAsync(i % 2 == 0 ? scenario.Member : memberOnSecond, scenario.ActivityId, scenario.ClientId, null);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            invoices.Add(await ActivitiesScenario.CreatedIdAsync(response));
        }
        await first.WaitForBusIdleAsync();

        await CollectionsScenario.MoveToAsync(first, Reminder1);
        var reminders1 = CollectionsScenario.Mails(first).Concat(CollectionsScenario.Mails(second)).ToList();
        await AssertEachTakenOnceAsync(second, structure.EntityId, invoices, reminders1, steps: 1);

        // The first host stops between the two steps; a new host starts on the same database in its place.
        await StopAsync(first);
        var third = await StartHostAsync();
        second.Mails.ClearReceivedEmail();

        // A stopped node's work goes to the others once the cluster sees it gone: allow for Balanced mode's health checks.
        await CollectionsScenario.MoveToAsync(second, Reminder2, TimeSpan.FromSeconds(60));
        var reminders2 = CollectionsScenario.Mails(second).Concat(CollectionsScenario.Mails(third)).ToList();
        Assert.All(reminders2, m => Assert.StartsWith("Deuxième relance : facture", m.Subject));
        await AssertEachTakenOnceAsync(third, structure.EntityId, invoices, reminders2, steps: 2);
        Assert.Equal(0, await _database.ScalarAsync<int>("SELECT count(*) FROM wolverine.wolverine_dead_letters"));
    }

    /// <summary>Each receivable's history holds <paramref name="steps"/> steps, its latest taken today, and one e-mail per receivable arrived for it.</summary>
    private static async Task AssertEachTakenOnceAsync(SmartApp host, Guid entityId, IReadOnlyList<Guid> invoices, IReadOnlyList<MimeKit.MimeMessage> mails, int steps)
    {
        Assert.Equal(invoices.Count, mails.Count);
        Assert.Equal(invoices.Count, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(invoices.Count, mails.Select(m => m.Subject).Distinct().Count());
        var today = DateOnly.FromDateTime(host.Clock!.GetUtcNow().UtcDateTime);
        var staff = await host.ClientAsync(SmartRoles.Operator, entityId: entityId);
        foreach (var invoice in invoices)
        {
            var detail = await CollectionsScenario.GetAsync(staff, invoice);
            Assert.Equal(steps, detail.History.Count(h => h.Kind == "DunningStepTaken"));
            Assert.Equal(today, detail.Receivable.Steps.Single(s => s.Number == steps).TakenOn);
            Assert.Contains(mails, m => m.Subject?.Contains(detail.Receivable.Number) == true);
            // The next step waits once.
            Assert.Single(await CollectionsScenario.ScheduledStepsAsync(host, invoice));
        }
    }

    private async Task<SmartApp> StartHostAsync()
    {
        var host = new SmartApp(_database, ownsDatabase: false).WithSetting("Smart:Bus:DurabilityMode", "Balanced").WithManualClock(_clock);
        await host.InitializeAsync();
        _running.Add(host);
        return host;
    }

    private async Task StopAsync(SmartApp host)
    {
        _running.Remove(host);
        await ((IAsyncLifetime)host).DisposeAsync();
    }

    public Task InitializeAsync() => _database.CreateFromTemplateAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_running).ToList())
        {
            await StopAsync(host);
        }
        await _database.DisposeAsync();
    }
}
