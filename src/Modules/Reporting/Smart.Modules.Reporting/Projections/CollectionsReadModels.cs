using Smart.Modules.Collections.Contracts;
using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

/// <summary>
/// Collections of one entity in one month, office and source of invoice (id: all of them, ADR 0111): invoices issued and
/// their amount VAT included, credit notes, payments (and those on invoices reminded before), reminders by step and
/// channel, provisions booked and reversed, write-offs — each in the month of its own date.
/// </summary>
internal sealed class CollectionsCell : IReadModel
{
    public string Id { get; set; } = "";
    public Guid EntityId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public Guid OfficeId { get; set; }
    public InvoiceSource Source { get; set; }
    public int Invoices { get; set; }
    public decimal Invoiced { get; set; }
    public decimal Credited { get; set; }
    public decimal Paid { get; set; }
    public decimal RecoveredAfterReminder { get; set; }

    /// <summary>Reminders by "step|channel".</summary>
    public Dictionary<string, int> Reminders { get; set; } = [];

    public decimal ProvisionsBooked { get; set; }
    public decimal ProvisionsReversed { get; set; }
    public int WriteOffs { get; set; }
    public decimal WrittenOff { get; set; }

    public int ReminderCount => Reminders.Values.Sum();

    /// <summary>What the month adds to the receivables still open: invoiced, less credit notes, payments and write-offs.</summary>
    public decimal OpenChange => Invoiced - Credited - Paid - WrittenOff;

    public static string Key(Guid entityId, DateOnly date, Guid officeId, InvoiceSource source) => $"{entityId}:{date.Year}:{date.Month}:{officeId}:{source}";

    public static string ReminderKey(int step, ReminderChannel channel) => $"{step}|{channel}";

    public void Absorb(object fact)
    {
        switch (fact)
        {
            case InvoiceRecorded i:
                Of(i.EntityId, i.IssueDate, i.OfficeId, InvoiceSource.ActivityInvoice);
                (Invoices, Invoiced) = (Invoices + 1, Invoiced + i.Gross);
                break;
            case EmployerInvoiceRecorded e:
                Of(e.EntityId, e.IssueDate, e.OfficeId, InvoiceSource.EmployerInvoice);
                (Invoices, Invoiced) = (Invoices + 1, Invoiced + e.Total);
                break;
            case CreditNoteRecorded c:
                Of(c.EntityId, c.IssueDate, c.OfficeId, InvoiceSource.ActivityInvoice);
                Credited += c.Gross;
                break;
            case PaymentRecorded p:
                Of(p.EntityId, p.PaidOn, p.OfficeId, InvoiceSource.ActivityInvoice);
                Paid += p.Amount;
                if (p.AfterReminder) RecoveredAfterReminder += p.Amount;
                break;
            case WriteOffRecorded w:
                Of(w.EntityId, w.WrittenOffOn, w.OfficeId, InvoiceSource.ActivityInvoice);
                (WriteOffs, WrittenOff) = (WriteOffs + 1, WrittenOff + w.Amount);
                break;
            case ReminderNoted r:
                Of(r.EntityId, r.SentOn, r.OfficeId, r.Source);
                Reminders[ReminderKey(r.Step, r.Channel)] = Reminders.GetValueOrDefault(ReminderKey(r.Step, r.Channel)) + 1;
                break;
            case ProvisionBookedNoted b:
                Of(b.EntityId, b.BookedOn, b.OfficeId, b.Source);
                ProvisionsBooked += b.Amount;
                break;
            case ProvisionReversedNoted r:
                Of(r.EntityId, r.ReversedOn, r.OfficeId, r.Source);
                ProvisionsReversed += r.Amount;
                break;
        }
    }

    private void Of(Guid entityId, DateOnly date, Guid officeId, InvoiceSource source) =>
        (EntityId, Year, Month, OfficeId, Source) = (entityId, date.Year, date.Month, officeId, source);
}
