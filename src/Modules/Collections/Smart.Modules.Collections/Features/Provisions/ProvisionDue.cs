using System.Runtime.Serialization;
using Marten;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Features.Dunning;
using Smart.Modules.Collections.Features.Receivables;
using Wolverine;

namespace Smart.Modules.Collections.Features.Provisions;

/// <summary>
/// A tier of a receivable's provision policy comes due (due date + its days): scheduled when the receivable opens and
/// when the previous tier came due, like the dunning steps, without a batch job.
/// </summary>
[DataContract(Name = "collections.provision-due.v1")]
public sealed record ProvisionDue(Guid ReceivableId, int DaysAfterDue);

internal static class ProvisionSchedule
{
    /// <summary>The receivable's tier after <paramref name="daysAfterDue"/> (the first when null), scheduled on its date, while something is left to pay.</summary>
    public static IEnumerable<object> NextTierOf(Receivable receivable, int? daysAfterDue, TimeProvider clock) =>
        receivable.NextProvisionTier(daysAfterDue) is { } tier
            ? [new ProvisionDue(receivable.Id, tier.DaysAfterDue).ScheduledOn(DunningStepDue.At(receivable.DueDate.AddDays(tier.DaysAfterDue)), clock)]
            : [];
}

/// <summary>
/// The tier's provision is booked if the receivable is still unpaid (a paid one does nothing), published
/// (<c>InvoiceProvisionBooked</c>), and the next tier scheduled.
/// </summary>
public sealed class ProvisionDueHandler(TimeProvider clock)
{
    public async Task<OutgoingMessages> HandleAsync(ProvisionDue due, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Receivable>(due.ReceivableId, cancellationToken);
        var receivable = stream.Aggregate ?? throw new NotFoundException("Receivable", due.ReceivableId);
        var outgoing = new OutgoingMessages();
        if (receivable.TierAwaitsItsDate(due.DaysAfterDue, clock.Today()))
        {
            // Early: sent again for the tier's date rather than lost.
            outgoing.Add(due.ScheduledOn(DunningStepDue.At(receivable.DueDate.AddDays(due.DaysAfterDue)), clock));
            return outgoing;
        }
        if (receivable.Provision(due.DaysAfterDue, clock.Today()) is not { } booked) return outgoing;
        stream.AppendOne(booked);
        var after = receivable.After([booked]);
        outgoing.AddRange(ProvisionSchedule.NextTierOf(after, due.DaysAfterDue, clock));
        outgoing.AddRange(ReceivablePublications.Published(after, [booked]));
        return outgoing;
    }
}
