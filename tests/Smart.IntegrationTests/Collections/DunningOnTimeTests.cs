using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Collections.Features.Dunning;

namespace Smart.IntegrationTests.Collections;

/// <summary>A step's message that arrives before the step's date (due 2026-03-31, reminder 1 on 2026-04-07) waits for it.</summary>
public sealed class DunningOnTimeTests(CollectionsApp app) : IClassFixture<CollectionsApp>
{
    private static readonly DateOnly Reminder1 = new(2026, 4, 7);

    [Fact]
    public async Task Given_reminder_1_due_on_04_07_When_its_message_arrives_on_04_01_Then_nothing_is_sent_before_04_07_and_the_reminder_leaves_once_that_day()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var invoice = await scenario.IssueInvoiceAsync();
        await scenario.MoveToAsync(new DateOnly(2026, 4, 1));

        // Six days early, as a machine clock ahead of the platform's or a delivery moved by hand would bring it.
        await app.PublishAsync(new DunningStepDue(invoice, 1, Reminder1));
        await app.WaitForBusIdleAsync(); // steps are taken in batches: the message stays in the inbox until its batch commits
        Assert.Null((await scenario.StepAsync(invoice, 1)).TakenOn);
        Assert.Empty(app.Mails.ReceivedEmail);
        // Sent again for its date, beside the message scheduled when the receivable opened.
        Assert.Equal([Reminder1, Reminder1], await CollectionsScenario.ScheduledStepsAsync(app, invoice));

        await scenario.MoveToAsync(Reminder1.AddDays(-1));
        Assert.Null((await scenario.StepAsync(invoice, 1)).TakenOn);
        Assert.Empty(app.Mails.ReceivedEmail);

        await scenario.MoveToAsync(Reminder1);
        Assert.Equal(Reminder1, (await scenario.StepAsync(invoice, 1)).TakenOn);
        Assert.Single(app.Mails.ReceivedEmail);
        Assert.Single(await CollectionsScenario.HistoryKindsAsync(await scenario.OperatorAsync(), invoice), k => k == "DunningStepTaken");
        // The second message found the step taken: it did nothing, and only reminder 2 waits.
        Assert.Equal([new DateOnly(2026, 4, 21)], await CollectionsScenario.ScheduledStepsAsync(app, invoice));
    }
}
