using Marten;
using Microsoft.Extensions.DependencyInjection;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Reporting;
using Smart.Modules.Reporting.Inbound;
using Smart.Modules.Reporting.Journal;

namespace Smart.IntegrationTests.Reporting;

/// <summary>Reminders are recorded a batch per transaction (ADR 0120): each once, whatever the batch holds or how often it comes.</summary>
public sealed class ReminderBatchTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Fact]
    public async Task Given_a_batch_with_two_steps_of_one_invoice_a_repeated_step_and_another_invoice_Then_three_reminders_are_recorded_and_the_same_batch_again_records_none()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        ReminderSent Reminder(Guid invoice, int step, string sentOn) => new(invoice, InvoiceSource.ActivityInvoice, Guid.NewGuid(), Guid.NewGuid(), null, Guid.NewGuid(),
            step, ReminderChannel.Email, DateOnly.Parse(sentOn), 1_200.00m);
        ReminderSent[] batch = [Reminder(a, 1, "2026-04-07"), Reminder(b, 1, "2026-04-07"), Reminder(a, 2, "2026-04-21"), Reminder(a, 1, "2026-04-07")];

        await RecordAsync(batch);
        Assert.Equal(new[] { 1, 2 }, await StepsAsync(a));
        Assert.Equal(new[] { 1 }, await StepsAsync(b));

        // Redelivered (a batch retried after its commit was lost), and with the next step of b: only that step is new.
        await RecordAsync([.. batch, Reminder(b, 2, "2026-04-21")]);
        Assert.Equal(new[] { 1, 2 }, await StepsAsync(a));
        Assert.Equal(new[] { 1, 2 }, await StepsAsync(b));
    }

    private async Task RecordAsync(ReminderSent[] batch)
    {
        await using var session = app.Services.GetRequiredService<IReportingStore>().LightweightSession();
        await CollectionsMessagesHandler.HandleAsync(batch, session, CancellationToken.None);
        await session.SaveChangesAsync();
    }

    private async Task<int[]> StepsAsync(Guid invoice)
    {
        await using var session = app.Services.GetRequiredService<IReportingStore>().QuerySession();
        return (await session.FactsAsync(invoice, CancellationToken.None)).OfType<ReminderNoted>().Select(r => r.Step).ToArray();
    }
}
