using Marten;
using Smart.BuildingBlocks.Bus;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Funding;
using Smart.Modules.Payroll.Persistence;

namespace Smart.Modules.Payroll.Inbound;

/// <summary>
/// Invoices issued by activities, in batches (ADR 0129): Payroll notes what each one's payment will bring for salaries
/// (net − contribution); an invoice noted before (a redelivery) is left as it is.
/// </summary>
public static class InvoiceIssuedHandler
{
    public static async Task HandleAsync(InvoiceIssued[] invoices, IDocumentSession session, CancellationToken cancellationToken)
    {
        var fresh = invoices.DistinctBy(i => i.InvoiceId).ToList();
        var known = (await session.LoadManyAsync<ClientInvoice>(cancellationToken, fresh.Select(i => i.InvoiceId))).Select(i => i.InvoiceId).ToHashSet();
        foreach (var issued in fresh.Where(i => !known.Contains(i.InvoiceId)))
        {
            session.Insert(new ClientInvoice(issued.InvoiceId, issued.ActivityId, issued.TotalGross, issued.TotalNet - issued.ContributionAmount,
                issued.TotalNet, issued.IssueDate));
        }
    }
}

/// <summary>
/// A client paid (part of) an invoice: its salary share goes to the activity's guarantee-fund account and repays the
/// fund's outstanding advances first (<see cref="GuaranteeFundAdvanceRecovered"/>); the rest covers later salaries. An
/// invoice Payroll has not heard of yet throws: the message waits until <see cref="InvoiceIssued"/> has arrived.
/// </summary>
public static class InvoicePaidHandler
{
    /// <summary>What the payment repaid to the guarantee fund, if anything, for Wolverine to publish with the transaction.</summary>
    public static async Task<GuaranteeFundAdvanceRecovered?> HandleAsync(InvoicePaid paid, IDocumentSession session, CancellationToken cancellationToken)
    {
        // The account's lock first: the invoice's own figures are then read and written by one payment at a time too.
        var stream = await session.FetchAccountForWritingAsync(paid.ActivityId, cancellationToken);
        var invoice = await session.LoadAsync<ClientInvoice>(paid.InvoiceId, cancellationToken) ?? throw NotHeardOf(paid.InvoiceId);
        var account = stream.Account();
        var received = account.Receive(invoice.InvoiceId, paid.PaidOn, invoice.Receive(paid.Amount));
        session.Update(invoice);
        stream.AppendOne(received);
        account.Absorb(received);
        return received.Recovered > 0
            ? new GuaranteeFundAdvanceRecovered(invoice.ActivityId, invoice.InvoiceId, paid.PaidOn, received.Recovered, account.AdvancesOutstanding)
            : null;
    }

    /// <summary>An invoice whose <see cref="InvoiceIssued"/> Payroll has not handled yet: the message waits for it.</summary>
    internal static NotArrivedYetException NotHeardOf(Guid invoiceId) => new($"The invoice {invoiceId} has not reached Payroll yet.");
}

/// <summary>
/// Collections wrote an invoice off (DESIGN §4 Collections, §5 flow 3): the salary money it was to bring never comes, so
/// the guarantee fund absorbs the advances that money would have repaid — the fund bears the loss, not the member's
/// activity (<see cref="GuaranteeFundAdvanceWrittenOff"/>). An invoice Payroll has not heard of yet throws and waits.
/// </summary>
public static class InvoiceWrittenOffHandler
{
    public static async Task<GuaranteeFundAdvanceWrittenOff?> HandleAsync(InvoiceWrittenOff writtenOff, IDocumentSession session,
        CancellationToken cancellationToken)
    {
        var stream = await session.FetchAccountForWritingAsync(writtenOff.ActivityId, cancellationToken);
        var invoice = await session.LoadAsync<ClientInvoice>(writtenOff.InvoiceId, cancellationToken) ?? throw InvoicePaidHandler.NotHeardOf(writtenOff.InvoiceId);
        var account = stream.Account();
        // A redelivery finds the invoice written off and does nothing.
        if (invoice.WrittenOffOn is not null) return null;
        invoice.WriteOff(writtenOff.WrittenOffOn);
        session.Update(invoice);
        if (account.WriteOff(invoice.InvoiceId, writtenOff.WrittenOffOn, invoice.SalaryShareOutstanding) is not { } absorbed) return null;
        stream.AppendOne(absorbed);
        account.Absorb(absorbed);
        return new GuaranteeFundAdvanceWrittenOff(invoice.ActivityId, invoice.InvoiceId, writtenOff.WrittenOffOn, absorbed.Amount, account.AdvancesOutstanding);
    }
}
