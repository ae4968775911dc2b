using Marten;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Features.Receivables;
using Wolverine;

namespace Smart.Modules.Collections.Features.Dunning;

/// <summary>
/// A step comes due: taken once, if the receivable is still open and the step still the next on that date (Marten refuses
/// a second append on the same stream version, and a step taken is not taken again); an e-mail step sends its e-mail, and
/// the next step is scheduled; <c>ReminderSent</c> is published with it. A message that comes before the step's date is
/// scheduled again for it.
/// </summary>
public sealed class DunningStepDueHandler(TimeProvider clock, ClientLinks.ClientLinks links)
{
    public async Task<OutgoingMessages> HandleAsync(DunningStepDue due, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Receivable>(due.ReceivableId, cancellationToken);
        var receivable = stream.Aggregate ?? throw new NotFoundException("Receivable", due.ReceivableId);
        // Early (a clock ahead, a retry): sent again for its date, so the step is neither taken before it nor lost.
        if (receivable.StepAwaitsItsDate(due.Step, due.PlannedOn, clock.Today())) return [due.ScheduledOn(DunningStepDue.At(due.PlannedOn), clock)];
        if (receivable.TakeStep(due.Step, due.PlannedOn, clock.Today()) is not { } taken) return [];
        var email = taken is { Channel: DunningChannel.Email, Recipient: not null } ? DunningEmails.For(receivable, taken, Guid.CreateVersion7(), links.For(receivable).Url) : null;
        taken = taken with { EmailId = email?.EmailId };
        stream.AppendOne(taken);
        // The e-mail and ReminderSent leave through the outbox with the step: all or nothing.
        var after = receivable.After([taken]);
        var outgoing = DunningSchedule.NextStepOf(after, clock);
        if (email is not null) outgoing.Add(email);
        outgoing.AddRange(ReceivablePublications.Published(after, [taken]));
        return outgoing;
    }
}
