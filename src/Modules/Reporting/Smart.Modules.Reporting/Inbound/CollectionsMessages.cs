using Marten;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Reporting.Journal;
using Wolverine;

namespace Smart.Modules.Reporting.Inbound;

/// <summary>Collections' events, into the invoice's stream of the journal (the collections tables will read them).</summary>
public sealed class CollectionsMessagesHandler
{
    public static Task HandleAsync(InvoicePaid paid, Envelope envelope, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(paid.InvoiceId, new PaymentRecorded(envelope.Id, paid.InvoiceId, paid.ActivityId, paid.Amount, paid.PaidOn), cancellationToken);

    public static Task HandleAsync(InvoiceWrittenOff writtenOff, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(writtenOff.InvoiceId, new WriteOffRecorded(writtenOff.InvoiceId, writtenOff.ActivityId, writtenOff.Amount, writtenOff.WrittenOffOn),
            cancellationToken);
}
