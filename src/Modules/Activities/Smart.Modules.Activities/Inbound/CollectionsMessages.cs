using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Collections.Contracts;

namespace Smart.Modules.Activities.Inbound;

/// <summary>
/// A client paid: the payment is recorded on the invoice. Nothing is booked on the ledger, since the revenue was booked
/// when the invoice was issued; a fully paid invoice stops backing guarantee-fund advances. An unknown invoice dead-letters.
/// </summary>
public sealed class InvoicePaidHandler
{
    public async Task HandleAsync(InvoicePaid paid, IDocumentSession session, CancellationToken cancellationToken)
    {
        var invoice = await InvoiceAsync(session, paid.InvoiceId, paid.ActivityId, cancellationToken);
        invoice.MarkPaid(paid.Amount, paid.PaidOn);
        session.UpdateRevision(invoice, invoice.Version + 1);
    }

    internal static async Task<Invoice> InvoiceAsync(IDocumentSession session, Guid invoiceId, Guid activityId, CancellationToken cancellationToken) =>
        await session.LoadAsync<Invoice>(invoiceId, cancellationToken) is { } invoice && invoice.ActivityId == activityId
            ? invoice
            : throw new NotFoundException("Invoice", invoiceId);
}

/// <summary>
/// Collections wrote an invoice off: it is marked so. Nothing is booked on the member's activity: the guarantee fund
/// absorbs what was already paid out on it (DESIGN.md §5, flow 3). An unknown invoice dead-letters.
/// </summary>
public sealed class InvoiceWrittenOffHandler
{
    public async Task HandleAsync(InvoiceWrittenOff writtenOff, IDocumentSession session, CancellationToken cancellationToken)
    {
        var invoice = await InvoicePaidHandler.InvoiceAsync(session, writtenOff.InvoiceId, writtenOff.ActivityId, cancellationToken);
        invoice.MarkWrittenOff(writtenOff.WrittenOffOn);
        session.UpdateRevision(invoice, invoice.Version + 1);
    }
}
