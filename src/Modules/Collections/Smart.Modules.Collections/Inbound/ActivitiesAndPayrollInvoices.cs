using Smart.Modules.Collections.Features.Receivables;
using JasperFx.Events;
using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Provisions;
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Features.Dunning;
using Smart.Modules.Collections.Features.Provisions;
using Smart.Modules.Payroll.Contracts;
using Wolverine;

namespace Smart.Modules.Collections.Inbound;

/// <summary>
/// An issued invoice becomes a receivable whose stream id is the invoice's id, with the dunning plan in force on its issue
/// date for the entity and the client's typology, and the entity's provision policy; its first step and tier are scheduled. An invoice seen again changes nothing.
/// </summary>
public sealed class OpenReceivableHandler(TimeProvider clock)
{
    public async Task<OutgoingMessages> HandleAsync(InvoiceIssued issued, IDocumentSession session, CancellationToken cancellationToken)
    {
        var reads = await ReadAsync(session, issued.InvoiceId, issued.EntityId, cancellationToken);
        return Open(reads, new ReceivableOpened(issued.InvoiceId, ReceivableSource.ActivityInvoice, issued.Number, issued.EntityId, issued.OfficeId,
            issued.ActivityId, issued.CoordinatorId, issued.ClientId, issued.ClientName, issued.ClientEmail, issued.ClientTypology, issued.IssueDate,
            issued.DueDate, issued.TotalGross, issued.Currency, DunningPlan.InForce(reads.Plans, issued.ClientTypology, issued.IssueDate),
            clock.Today(), ProvisionPolicy.InForce(reads.Policies, issued.IssueDate)));
    }

    /// <summary>A contract-management invoice: the client is the employer structure, a member (an association most often).</summary>
    public async Task<OutgoingMessages> HandleAsync(EmployerInvoiceIssued issued, IDocumentSession session, CancellationToken cancellationToken)
    {
        const string typology = nameof(ClientTypology.Association);
        var reads = await ReadAsync(session, issued.InvoiceId, issued.EntityId, cancellationToken);
        return Open(reads, new ReceivableOpened(issued.InvoiceId, ReceivableSource.EmployerInvoice, issued.Number, issued.EntityId, issued.OfficeId,
            null, issued.EmployerId, issued.EmployerId, issued.EmployerName, null, typology, issued.IssueDate, issued.DueDate, issued.Total, issued.Currency,
            DunningPlan.InForce(reads.Plans, typology, issued.IssueDate), clock.Today(), ProvisionPolicy.InForce(reads.Policies, issued.IssueDate)));
    }

    /// <summary>The receivable's stream (to write) and the entity's dunning plans and provision policies, in one round trip.</summary>
    private sealed record OpeningReads(IEventStream<Receivable> Stream, IReadOnlyList<DunningPlanVersion> Plans, IReadOnlyList<ProvisionPolicyVersion> Policies);

    private static async Task<OpeningReads> ReadAsync(IDocumentSession session, Guid invoiceId, Guid entityId, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var stream = batch.Events.FetchForWriting<Receivable>(invoiceId);
        var plans = batch.Query<DunningPlanVersion>().Where(v => v.EntityId == entityId).ToList();
        var policies = batch.Query<ProvisionPolicyVersion>().Where(v => v.EntityId == entityId).ToList();
        await batch.Execute(cancellationToken);
        return new OpeningReads(await stream, await plans, await policies);
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
    /// <summary>An invoice not known yet throws: the message is retried until its InvoiceIssued has arrived.</summary>
    public async Task<OutgoingMessages> HandleAsync(CreditNoteIssued issued, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Receivable>(issued.InvoiceId, cancellationToken);
        var receivable = stream.Aggregate ?? throw new NotFoundException("Receivable", issued.InvoiceId);
        var events = receivable.ApplyCreditNote(new CreditNoteApplied(issued.CreditNoteId, issued.Number, issued.IssueDate, issued.Gross));
        stream.AppendMany(events);
        return ReceivablePublications.Published(receivable.After(events), events);
    }
}
