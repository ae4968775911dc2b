using Marten;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Inbound;

/// <summary>Activities' events, into the journal: activities, invoices (their credit notes in the invoice's stream) and expenses.</summary>
public sealed class ActivitiesMessagesHandler
{
    public static Task HandleAsync(ActivityOpened opened, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(opened.ActivityId,
            new ActivityRecorded(opened.ActivityId, opened.EntityId, opened.OfficeId, opened.CoordinatorId, opened.Kind, opened.OpenedOn), cancellationToken);

    /// <summary>Invoices come in batches (ADR 0129): their streams locked and read in one round trip, each invoice recorded once.</summary>
    public static async Task HandleAsync(InvoiceIssued[] invoices, IDocumentSession session, CancellationToken cancellationToken)
    {
        var facts = await session.FactsForWritingAsync(invoices.Select(i => i.InvoiceId).ToHashSet(), cancellationToken);
        foreach (var issued in invoices.DistinctBy(i => i.InvoiceId))
        {
            session.Record(issued.InvoiceId, facts[issued.InvoiceId], new InvoiceRecorded(issued.InvoiceId, issued.EntityId, issued.OfficeId, issued.ActivityId,
                issued.ActivityKind, issued.CoordinatorId, issued.ClientId, issued.ClientCountry,
                issued.DocumentType == InvoiceDocumentType.QuotedInvoice ? RevenueDocumentType.QuotedInvoice : RevenueDocumentType.Invoice,
                issued.IssueDate, issued.TotalNet, issued.TotalGross, issued.ContributionAmount));
        }
    }

    public static Task HandleAsync(CreditNoteIssued issued, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAfterAsync<InvoiceRecorded>(issued.InvoiceId, invoice => new CreditNoteRecorded(issued.CreditNoteId, issued.InvoiceId, invoice.EntityId,
            invoice.OfficeId, invoice.ActivityId, invoice.Kind, invoice.CoordinatorId, invoice.ClientId, invoice.ClientCountry, issued.IssueDate, issued.Net,
            issued.Gross, LocalBudgets.CreditNoteContribution(invoice.Net, invoice.Contribution, issued.Net)),
            cancellationToken);

    public static Task HandleAsync(ExpenseApproved approved, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordFromAsync<ActivityRecorded>(approved.ExpenseId, approved.ActivityId, activity => new ExpenseRecorded(approved.ExpenseId, activity.EntityId,
            activity.OfficeId, activity.ActivityId, activity.Kind, activity.CoordinatorId, approved.ApprovedOn, approved.AmountInclVat - approved.RecoverableVat),
            cancellationToken);
}
