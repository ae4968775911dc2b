using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Persistence;
using Smart.Modules.Collections.Contracts;

namespace Smart.Modules.Activities.Inbound;

/// <summary>
/// A client paid: the payment is recorded on the invoice. Nothing is booked on the ledger, since the revenue was booked
/// when the invoice was issued; a fully paid invoice stops backing guarantee-fund advances. An unknown invoice dead-letters.
/// </summary>
public sealed class InvoicePaidHandler(ActivitiesDbContext db)
{
    public async Task HandleAsync(InvoicePaid paid, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == paid.InvoiceId && i.ActivityId == paid.ActivityId, cancellationToken)
            ?? throw new NotFoundException("Invoice", paid.InvoiceId);
        invoice.MarkPaid(paid.Amount, paid.PaidOn);
    }
}

/// <summary>
/// Collections wrote an invoice off: it is marked so. Nothing is booked on the member's activity: the guarantee fund
/// absorbs what was already paid out on it (DESIGN.md §5, flow 3). An unknown invoice dead-letters.
/// </summary>
public sealed class InvoiceWrittenOffHandler(ActivitiesDbContext db)
{
    public async Task HandleAsync(InvoiceWrittenOff writtenOff, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == writtenOff.InvoiceId && i.ActivityId == writtenOff.ActivityId, cancellationToken)
            ?? throw new NotFoundException("Invoice", writtenOff.InvoiceId);
        invoice.MarkWrittenOff(writtenOff.WrittenOffOn);
    }
}
