using Smart.Modules.Collections.Features.Receivables;
using JasperFx.Events;
using Marten;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Provisions;
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Features.Dunning;
using Smart.Modules.Collections.Features.Provisions;
using Smart.Modules.Payroll.Contracts;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Collections.Inbound;

/// <summary>
/// An issued invoice becomes a receivable whose stream id is the invoice's id, with the dunning plan in force on its issue
/// date for the entity and the client's typology, and the entity's provision policy; its first step and tier are scheduled. An invoice seen again changes nothing.
/// </summary>
public sealed class OpenReceivableHandler(TimeProvider clock)
{
    /// <summary>Activities' invoices come in batches (ADR 0129): every receivable and the entities' plans and policies read in one round trip.</summary>
    public async Task<OutgoingMessages> HandleAsync(InvoiceIssued[] invoices, IDocumentSession session, CancellationToken cancellationToken)
    {
        var fresh = invoices.DistinctBy(i => i.InvoiceId).ToList();
        var reads = await ReadAsync(session, fresh.Select(i => (i.InvoiceId, i.EntityId)).ToList(), cancellationToken);
        var outgoing = new OutgoingMessages();
        foreach (var issued in fresh)
        {
            var read = reads[issued.InvoiceId];
            outgoing.AddRange(Open(read, new ReceivableOpened(issued.InvoiceId, ReceivableSource.ActivityInvoice, issued.Number, issued.EntityId, issued.OfficeId,
                issued.ActivityId, issued.CoordinatorId, issued.ClientId, issued.ClientName, issued.ClientEmail, issued.ClientTypology, issued.IssueDate,
                issued.DueDate, issued.TotalGross, issued.Currency, DunningPlan.InForce(read.Plans, issued.ClientTypology, issued.IssueDate),
                clock.Today(), ProvisionPolicy.InForce(read.Policies, issued.IssueDate))));
        }
        return outgoing;
    }

    /// <summary>A contract-management invoice: the client is the employer structure, a member (an association most often).</summary>
    public async Task<OutgoingMessages> HandleAsync(EmployerInvoiceIssued issued, IDocumentSession session, CancellationToken cancellationToken)
    {
        const string typology = nameof(ClientTypology.Association);
        var reads = (await ReadAsync(session, [(issued.InvoiceId, issued.EntityId)], cancellationToken))[issued.InvoiceId];
        return Open(reads, new ReceivableOpened(issued.InvoiceId, ReceivableSource.EmployerInvoice, issued.Number, issued.EntityId, issued.OfficeId,
            null, issued.EmployerId, issued.EmployerId, issued.EmployerName, null, typology, issued.IssueDate, issued.DueDate, issued.Total, issued.Currency,
            DunningPlan.InForce(reads.Plans, typology, issued.IssueDate), clock.Today(), ProvisionPolicy.InForce(reads.Policies, issued.IssueDate)));
    }

    /// <summary>A receivable's stream (to write) and its entity's dunning plans and provision policies.</summary>
    private sealed record OpeningReads(IEventStream<Receivable> Stream, IReadOnlyList<DunningPlanVersion> Plans, IReadOnlyList<ProvisionPolicyVersion> Policies);

    /// <summary>What opening each invoice's receivable needs (<paramref name="invoices"/> of distinct ids), in one round trip.</summary>
    private static async Task<Dictionary<Guid, OpeningReads>> ReadAsync(IDocumentSession session, IReadOnlyList<(Guid InvoiceId, Guid EntityId)> invoices,
        CancellationToken cancellationToken)
    {
        var entities = invoices.Select(i => i.EntityId).Distinct().ToList();
        var batch = session.CreateBatchQuery();
        var streams = invoices.Select(i => (i.InvoiceId, i.EntityId, Stream: batch.Events.FetchForWriting<Receivable>(i.InvoiceId))).ToList();
        var plans = batch.Query<DunningPlanVersion>().Where(v => entities.Contains(v.EntityId)).ToList();
        var policies = batch.Query<ProvisionPolicyVersion>().Where(v => entities.Contains(v.EntityId)).ToList();
        await batch.Execute(cancellationToken);
        var (allPlans, allPolicies) = (await plans, await policies);
        var reads = new Dictionary<Guid, OpeningReads>();
        foreach (var (invoiceId, entityId, stream) in streams)
        {
            reads[invoiceId] = new OpeningReads(await stream, allPlans.Where(p => p.EntityId == entityId).ToList(),
                allPolicies.Where(p => p.EntityId == entityId).ToList());
        }
        return reads;
    }

    private OutgoingMessages Open(OpeningReads reads, ReceivableOpened opened)
    {
        if (reads.Stream.Aggregate is not null) return [];
        reads.Stream.AppendOne(opened);
        var receivable = Receivable.Opened(opened);
        var outgoing = DunningSchedule.NextStepOf(receivable, clock);
        outgoing.AddRange(ProvisionSchedule.NextTierOf(receivable, null, clock));
        return outgoing;
    }
}

/// <summary>A credit note reduces the receivable of its invoice (once per credit note); it may settle or cancel it.</summary>
public sealed class ApplyCreditNoteHandler
{
    /// <summary>
    /// A credit note issued with its invoice comes while the new receivable's first dunning step and provision tier, due
    /// at once for an old invoice, write the same stream: a conflict is tried again a little later, several times, rather
    /// than twice at once (the bus's rule for conflicts).
    /// </summary>
    public static void Configure(HandlerChain chain) => ConflictRetries.SpreadOut(chain);

    /// <summary>An invoice not known yet: the message waits until its InvoiceIssued has arrived.</summary>
    public async Task<OutgoingMessages> HandleAsync(CreditNoteIssued issued, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Receivable>(issued.InvoiceId, cancellationToken);
        var receivable = stream.Aggregate ?? throw new NotArrivedYetException($"The receivable of invoice {issued.InvoiceId} is not open yet.");
        var events = receivable.ApplyCreditNote(new CreditNoteApplied(issued.CreditNoteId, issued.Number, issued.IssueDate, issued.Gross));
        stream.AppendMany(events);
        return ReceivablePublications.Published(receivable.After(events), events);
    }
}
