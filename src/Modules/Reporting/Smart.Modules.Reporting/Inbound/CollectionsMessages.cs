using Marten;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Reporting.Journal;
using Wolverine;

namespace Smart.Modules.Reporting.Inbound;

/// <summary>Collections' events, into the invoice's stream of the journal (the collections tables read them, ADR 0111).</summary>
public sealed class CollectionsMessagesHandler
{
    /// <summary>With the invoice's entity and office and whether it was reminded before, read from its stream.</summary>
    public static async Task HandleAsync(InvoicePaid paid, Envelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var facts = await session.FactsForWritingAsync(paid.InvoiceId, cancellationToken);
        var origin = ReceivableOrigin.Of(facts, paid.PaidOn);
        session.Record(paid.InvoiceId, facts, new PaymentRecorded(envelope.Id, paid.InvoiceId, paid.ActivityId, paid.Amount, paid.PaidOn,
            origin?.EntityId ?? Guid.Empty, origin?.OfficeId ?? Guid.Empty, origin?.Reminded ?? false));
    }

    public static async Task HandleAsync(InvoiceWrittenOff writtenOff, IDocumentSession session, CancellationToken cancellationToken)
    {
        var facts = await session.FactsForWritingAsync(writtenOff.InvoiceId, cancellationToken);
        var origin = ReceivableOrigin.Of(facts, writtenOff.WrittenOffOn);
        session.Record(writtenOff.InvoiceId, facts, new WriteOffRecorded(writtenOff.InvoiceId, writtenOff.ActivityId, writtenOff.Amount,
            writtenOff.WrittenOffOn, origin?.EntityId ?? Guid.Empty, origin?.OfficeId ?? Guid.Empty));
    }

    /// <summary>
    /// Reminders come in batches (<see cref="ReportingModule.ConfigureBus"/>): a morning's thousands of them are recorded a
    /// batch per transaction, the invoices' streams locked and read once for the batch.
    /// </summary>
    public static async Task HandleAsync(ReminderSent[] sent, IDocumentSession session, CancellationToken cancellationToken)
    {
        var facts = await session.FactsForWritingAsync(sent.Select(s => s.InvoiceId).ToHashSet(), cancellationToken);
        foreach (var invoice in sent.GroupBy(s => s.InvoiceId))
        {
            session.Record(invoice.Key, facts[invoice.Key], invoice.Select(IFact (s) => new ReminderNoted(ReminderNoted.IdOf(s.InvoiceId, s.Step), s.InvoiceId, s.Source,
                s.EntityId, s.OfficeId, s.Step, s.Channel, s.SentOn, s.Outstanding)).ToArray());
        }
    }

    public static Task HandleAsync(InvoiceProvisionBooked booked, Envelope envelope, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(booked.InvoiceId, new ProvisionBookedNoted(envelope.Id, booked.InvoiceId, booked.Source, booked.EntityId, booked.OfficeId, booked.BookedOn,
            booked.Amount), cancellationToken);

    public static Task HandleAsync(InvoiceProvisionReversed reversed, Envelope envelope, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(reversed.InvoiceId, new ProvisionReversedNoted(envelope.Id, reversed.InvoiceId, reversed.Source, reversed.EntityId, reversed.OfficeId,
            reversed.ReversedOn, reversed.Amount, reversed.Reason), cancellationToken);
}
