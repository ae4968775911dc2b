using Marten;
using Microsoft.Extensions.Logging;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Features.Receivables;
using Wolverine;

namespace Smart.Modules.Collections.Features.Dunning;

/// <summary>
/// Steps come due, in batches (<see cref="CollectionsModule.ConfigureBus"/>: a morning's reminders come due together):
/// each taken once, if its receivable is still open and the step still the next on that date (Marten refuses a second
/// append on the same stream version, and a step taken is not taken again); an e-mail step sends its e-mail, and the next
/// step is scheduled; <c>ReminderSent</c> is published with it. A message that comes before the step's date is scheduled
/// again for it. The batch is one transaction: each step's event, e-mail and next step commit together or not at all,
/// and a batch that fails (another writer appended to one of its receivables) is retried whole.
/// </summary>
public sealed class DunningStepDueHandler(TimeProvider clock, ClientLinks.ClientLinks links, ILogger<DunningStepDueHandler> logger)
{
    public async Task<OutgoingMessages> HandleAsync(DunningStepDue[] due, IDocumentSession session, CancellationToken cancellationToken)
    {
        var streams = await session.FetchManyForWritingAsync(due.Select(d => d.ReceivableId), cancellationToken);
        var today = clock.Today();
        var outgoing = new OutgoingMessages();
        foreach (var steps in due.GroupBy(d => d.ReceivableId))
        {
            if (!streams.TryGetValue(steps.Key, out var fetched))
            {
                // Not a client's input: a step is only scheduled for a receivable that was opened. Failing the batch would hold its other steps.
                logger.LogWarning("A dunning step came due for receivable {ReceivableId}, which does not exist: nothing to take.", steps.Key);
                continue;
            }
            var (stream, receivable) = fetched;
            foreach (var step in steps)
            {
                // Early (a clock ahead, a retry): sent again for its date, so the step is neither taken before it nor lost.
                if (receivable.StepAwaitsItsDate(step.Step, step.PlannedOn, today))
                {
                    outgoing.Add(step.ScheduledOn(DunningStepDue.At(step.PlannedOn), clock));
                    continue;
                }
                if (receivable.TakeStep(step.Step, step.PlannedOn, today) is not { } taken) continue;
                var email = taken is { Channel: DunningChannel.Email, Recipient: not null } ? DunningEmails.For(receivable, taken, Guid.CreateVersion7(), links.For(receivable).Url) : null;
                taken = taken with { EmailId = email?.EmailId };
                stream.AppendOne(taken);
                // The e-mail and ReminderSent leave through the outbox with the step: all or nothing.
                receivable = receivable.After([taken]);
                outgoing.AddRange(DunningSchedule.NextStepOf(receivable, clock));
                if (email is not null) outgoing.Add(email);
                outgoing.AddRange(ReceivablePublications.Published(receivable, [taken]));
            }
        }
        return outgoing;
    }
}
