using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Collections.Features.Dunning;
using Smart.Modules.Collections.Features.Provisions;
using Wolverine;
using Wolverine.Tracking;

namespace Smart.IntegrationTests.Collections;

/// <summary>
/// The events Collections publishes for the annual report, on a company's invoice of 1,200.00 (VAT included) issued
/// 2026-03-01, due 2026-03-31, under the default plan and a provision policy of 30 % at due + 90 and 100 % at due + 200.
/// </summary>
public sealed class ReportingEventsTests(CollectionsApp app) : IClassFixture<CollectionsApp>
{
    [Fact]
    public async Task Given_an_unpaid_invoice_Then_each_step_taken_is_one_reminder_360_provisioned_on_06_29_60_reversed_by_a_payment_of_200_and_300_by_the_write_off()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var structure = scenario.Activities.Structure;
        var admin = await app.AdminClientAsync(structure);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/collections/provision-policies", new
        {
            entityId = structure.EntityId, effectiveFrom = "2026-03-01", tiers = new[] { new { daysAfterDue = 90, rate = 0.3m }, new { daysAfterDue = 200, rate = 1.0m } },
        })).StatusCode);
        var invoice = await scenario.IssueInvoiceAsync();
        var officeId = (await CollectionsScenario.GetAsync(await scenario.OperatorAsync(), invoice)).Receivable.OfficeId;

        var reminders = new List<ReminderSent>();
        ITrackedSession? lastDay = null;
        foreach (var day in new DateOnly[] { new(2026, 4, 7), new(2026, 4, 21), new(2026, 5, 15), new(2026, 5, 30), new(2026, 6, 29) })
        {
            lastDay = await app.TrackAsync(() => scenario.MoveToAsync(day));
            reminders.AddRange(lastDay.Published<ReminderSent>().Where(r => r.InvoiceId == invoice));
        }
        Assert.Equal(
        [
            (1, ReminderChannel.Email, new DateOnly(2026, 4, 7)), (2, ReminderChannel.Email, new DateOnly(2026, 4, 21)),
            (3, ReminderChannel.Email, new DateOnly(2026, 5, 15)), (4, ReminderChannel.CollectorTask, new DateOnly(2026, 5, 30)),
            (5, ReminderChannel.LegalHandOff, new DateOnly(2026, 6, 29)),
        ], reminders.Select(r => (r.Step, r.Channel, r.SentOn)).ToArray());
        Assert.All(reminders, r => Assert.Equal((InvoiceSource.ActivityInvoice, structure.EntityId, officeId, scenario.ActivityId, scenario.MemberId, 1_200.00m),
            (r.Source, r.EntityId, r.OfficeId, r.ActivityId, r.OwnerId, r.Outstanding)));
        var june29 = new DateOnly(2026, 6, 29);
        Assert.Equal(new InvoiceProvisionBooked(invoice, InvoiceSource.ActivityInvoice, structure.EntityId, officeId, scenario.ActivityId, june29, 90, 0.3m, 360.00m, 360.00m),
            Assert.Single(lastDay!.Published<InvoiceProvisionBooked>(), p => p.InvoiceId == invoice));

        // Redelivered, the step and the tier do nothing: nothing is published twice.
        // Steps are taken in batches: the message stays in the inbox until its batch commits, what the idle bus waits for.
        var redelivered = await app.TrackAsync(async () =>
        {
            await app.Services.GetRequiredService<IMessageBus>().PublishAsync(new DunningStepDue(invoice, 1, new DateOnly(2026, 4, 7)));
            await app.WaitForBusIdleAsync();
        });
        Assert.Single(redelivered.Executed.MessagesOf<DunningStepDue[]>());
        Assert.Empty(redelivered.Published<ReminderSent>());
        redelivered = await app.PublishAsync(new ProvisionDue(invoice, 90));
        Assert.Empty(redelivered.Published<InvoiceProvisionBooked>());

        var operatorClient = await scenario.OperatorAsync();
        var paid = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoice}/payments",
            new { amount = 200.00m, currency = "EUR", paidOn = "2026-06-29" })).StatusCode));
        Assert.Equal(new InvoiceProvisionReversed(invoice, InvoiceSource.ActivityInvoice, structure.EntityId, officeId, scenario.ActivityId, june29, 0.3m, 60.00m,
            ProvisionReversalReason.Recovered, 300.00m), Assert.Single(paid.Published<InvoiceProvisionReversed>()));

        var writtenOff = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK,
            (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoice}/write-off", new { reason = "Client en liquidation judiciaire." })).StatusCode));
        Assert.Equal(new InvoiceProvisionReversed(invoice, InvoiceSource.ActivityInvoice, structure.EntityId, officeId, scenario.ActivityId, june29, 0.3m, 300.00m,
            ProvisionReversalReason.WrittenOff, 0m), Assert.Single(writtenOff.Published<InvoiceProvisionReversed>()));
        Assert.Equal(1_000.00m, Assert.Single(writtenOff.Published<InvoiceWrittenOff>()).Amount);
        Assert.Empty((await app.PublishAsync(new ProvisionDue(invoice, 200))).Published<InvoiceProvisionBooked>());
    }
}
