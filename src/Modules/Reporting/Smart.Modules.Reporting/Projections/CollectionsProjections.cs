using Smart.Modules.Collections.Contracts;
using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

internal sealed class CollectionsCellProjection : YearProjection<CollectionsCell>
{
    public CollectionsCellProjection()
    {
        KeyOf<InvoiceRecorded>(f => CollectionsCell.Key(f.EntityId, f.IssueDate, f.OfficeId, InvoiceSource.ActivityInvoice));
        KeyOf<EmployerInvoiceRecorded>(f => CollectionsCell.Key(f.EntityId, f.IssueDate, f.OfficeId, InvoiceSource.EmployerInvoice));
        KeyOf<CreditNoteRecorded>(f => CollectionsCell.Key(f.EntityId, f.IssueDate, f.OfficeId, InvoiceSource.ActivityInvoice));
        // Payments and write-offs of invoices the journal did not hold when they came have no entity: no cell takes them.
        KeysOf<PaymentRecorded>(f => f.EntityId == Guid.Empty ? [] : [CollectionsCell.Key(f.EntityId, f.PaidOn, f.OfficeId, InvoiceSource.ActivityInvoice)]);
        KeysOf<WriteOffRecorded>(f => f.EntityId == Guid.Empty ? [] : [CollectionsCell.Key(f.EntityId, f.WrittenOffOn, f.OfficeId, InvoiceSource.ActivityInvoice)]);
        KeyOf<ReminderNoted>(f => CollectionsCell.Key(f.EntityId, f.SentOn, f.OfficeId, f.Source));
        KeyOf<ProvisionBookedNoted>(f => CollectionsCell.Key(f.EntityId, f.BookedOn, f.OfficeId, f.Source));
        KeyOf<ProvisionReversedNoted>(f => CollectionsCell.Key(f.EntityId, f.ReversedOn, f.OfficeId, f.Source));
    }
}
