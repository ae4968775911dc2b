using Microsoft.Extensions.DependencyInjection;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Collections.Features.Dunning;
using Wolverine;
using Wolverine.Tracking;

namespace Smart.IntegrationTests.Collections;

/// <summary>
/// Steps due together are taken in batches (one transaction each): two invoices due 2026-03-31 get reminder 1 on
/// 2026-04-07 once each; the same steps delivered again in one batch, beside a step of a receivable that does not exist,
/// take nothing, send nothing and hold nothing back.
/// </summary>
public sealed class DunningBatchTests(CollectionsApp app) : IClassFixture<CollectionsApp>
{
    private static readonly DateOnly Reminder1 = new(2026, 4, 7);

    [Fact]
    public async Task Given_two_invoices_whose_reminder_1_comes_due_together_Then_each_is_sent_once_and_a_batch_of_them_again_with_an_unknown_one_changes_nothing()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var first = await scenario.IssueInvoiceAsync();
        var second = await scenario.IssueInvoiceAsync();

        var day = await app.TrackAsync(() => scenario.MoveToAsync(Reminder1));
        Assert.Equal([(first, 1), (second, 1)], day.Published<ReminderSent>().Select(r => (r.InvoiceId, r.Step)).Order().ToArray());
        Assert.Equal(2, app.Mails.Count);
        Assert.Equal(Reminder1, (await scenario.StepAsync(first, 1)).TakenOn);
        Assert.Equal(Reminder1, (await scenario.StepAsync(second, 1)).TakenOn);

        var again = await app.TrackAsync(async () =>
        {
            var bus = app.Services.GetRequiredService<IMessageBus>();
            DunningStepDue[] steps = [new(first, 1, Reminder1), new(Guid.NewGuid(), 1, Reminder1), new(second, 1, Reminder1), new(first, 1, Reminder1)];
            await Task.WhenAll(steps.Select(step => bus.PublishAsync(step).AsTask()));
            // Each stays in the inbox until its batch commits (Wolverine's tracking sees it handed to the batcher only).
            await app.WaitForBusIdleAsync();
        });
        Assert.Contains(again.Executed.MessagesOf<DunningStepDue[]>(), batch => batch.Length > 1);
        Assert.Empty(again.Published<ReminderSent>());
        Assert.Empty(again.DeadLetterReasons());
        Assert.Equal(2, app.Mails.Count);
        var operatorClient = await scenario.OperatorAsync();
        Assert.Single(await CollectionsScenario.HistoryKindsAsync(operatorClient, first), k => k == "DunningStepTaken");
        Assert.Single(await CollectionsScenario.HistoryKindsAsync(operatorClient, second), k => k == "DunningStepTaken");
        // Only reminder 2 waits for each, on 2026-04-21.
        Assert.Equal([new DateOnly(2026, 4, 21)], await CollectionsScenario.ScheduledStepsAsync(app, first));
        Assert.Equal([new DateOnly(2026, 4, 21)], await CollectionsScenario.ScheduledStepsAsync(app, second));
    }
}
