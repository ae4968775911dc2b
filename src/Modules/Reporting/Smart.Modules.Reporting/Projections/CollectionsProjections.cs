using Smart.Modules.Collections.Contracts;
using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

internal sealed class CollectionsCellProjection : YearProjection<CollectionsCell>
{
    public CollectionsCellProjection()
    {
        Identity<InvoiceRecorded>(f => CollectionsCell.Key(f.EntityId, f.IssueDate, f.OfficeId, InvoiceSource.ActivityInvoice));
        Identity<EmployerInvoiceRecorded>(f => CollectionsCell.Key(f.EntityId, f.IssueDate, f.OfficeId, InvoiceSource.EmployerInvoice));
        Identity<CreditNoteRecorded>(f => CollectionsCell.Key(f.EntityId, f.IssueDate, f.OfficeId, InvoiceSource.ActivityInvoice));
        // Payments and write-offs of invoices the journal did not hold when they came have no entity: no cell takes them.
        Identities<PaymentRecorded>(f => f.EntityId == Guid.Empty ? [] : [CollectionsCell.Key(f.EntityId, f.PaidOn, f.OfficeId, InvoiceSource.ActivityInvoice)]);
        Identities<WriteOffRecorded>(f => f.EntityId == Guid.Empty ? [] : [CollectionsCell.Key(f.EntityId, f.WrittenOffOn, f.OfficeId, InvoiceSource.ActivityInvoice)]);
        Identity<ReminderNoted>(f => CollectionsCell.Key(f.EntityId, f.SentOn, f.OfficeId, f.Source));
        Identity<ProvisionBookedNoted>(f => CollectionsCell.Key(f.EntityId, f.BookedOn, f.OfficeId, f.Source));
        Identity<ProvisionReversedNoted>(f => CollectionsCell.Key(f.EntityId, f.ReversedOn, f.OfficeId, f.Source));
    }
}
