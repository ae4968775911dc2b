using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Funding;
using Smart.Modules.Payroll.Persistence;

namespace Smart.Modules.Payroll.Inbound;

/// <summary>An invoice issued by an activity: Payroll notes what its payment will bring for salaries (net − contribution).</summary>
public sealed class InvoiceIssuedHandler(PayrollDbContext db)
{
    public async Task HandleAsync(InvoiceIssued issued, CancellationToken cancellationToken)
    {
        if (await db.ClientInvoices.AnyAsync(i => i.InvoiceId == issued.InvoiceId, cancellationToken)) return;
        db.ClientInvoices.Add(new ClientInvoice(issued.InvoiceId, issued.ActivityId, issued.TotalGross, issued.TotalNet - issued.ContributionAmount,
            issued.TotalNet, issued.IssueDate));
    }
}

/// <summary>
/// A client paid (part of) an invoice: its salary share goes to the activity's guarantee-fund account and repays the
/// fund's outstanding advances first (<see cref="GuaranteeFundAdvanceRecovered"/>); the rest covers later salaries. An
/// invoice Payroll has not heard of yet throws: the message retries until <see cref="InvoiceIssued"/> has arrived.
/// </summary>
public sealed class InvoicePaidHandler(PayrollDbContext db)
{
    /// <summary>What the payment repaid to the guarantee fund, if anything, for Wolverine to publish with the transaction.</summary>
    public async Task<GuaranteeFundAdvanceRecovered?> HandleAsync(InvoicePaid paid, CancellationToken cancellationToken)
    {
        var invoice = await db.ClientInvoices.SingleOrDefaultAsync(i => i.InvoiceId == paid.InvoiceId, cancellationToken)
            ?? throw new NotFoundException("Invoice", paid.InvoiceId);
        var account = await db.ActivityFundings.SingleOrDefaultAsync(f => f.Id == invoice.ActivityId, cancellationToken);
        if (account is null)
        {
            account = ActivityFunding.Open(invoice.ActivityId);
            db.ActivityFundings.Add(account);
        }
        var recovered = account.Receive(invoice.Receive(paid.Amount));
        return recovered > 0
            ? new GuaranteeFundAdvanceRecovered(invoice.ActivityId, invoice.InvoiceId, paid.PaidOn, recovered, account.AdvancesOutstanding)
            : null;
    }
}
