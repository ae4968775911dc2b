using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Collections.Domain.Receivables;
using Wolverine;

namespace Smart.Modules.Collections.Features.Dunning;

/// <summary>
/// A step comes due: taken once, if the receivable is still open and the step still the next on that date (Marten refuses
/// a second append on the same stream version, and a step taken is not taken again), then the next one is scheduled.
/// </summary>
public sealed class DunningStepDueHandler(TimeProvider clock)
{
    public async Task<OutgoingMessages> HandleAsync(DunningStepDue due, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Receivable>(due.ReceivableId, cancellationToken);
        var receivable = stream.Aggregate ?? throw new NotFoundException("Receivable", due.ReceivableId);
        if (receivable.TakeStep(due.Step, due.PlannedOn, clock.Today()) is not { } taken) return [];
        stream.AppendOne(taken);
        return DunningSchedule.NextStepOf(receivable.After([taken]), clock);
    }
}
