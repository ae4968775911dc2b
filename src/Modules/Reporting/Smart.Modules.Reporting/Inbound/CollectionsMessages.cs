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

    public static Task HandleAsync(ReminderSent sent, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(sent.InvoiceId, new ReminderNoted(ReminderNoted.IdOf(sent.InvoiceId, sent.Step), sent.InvoiceId, sent.Source, sent.EntityId, sent.OfficeId,
            sent.Step, sent.Channel, sent.SentOn, sent.Outstanding), cancellationToken);

    public static Task HandleAsync(InvoiceProvisionBooked booked, Envelope envelope, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(booked.InvoiceId, new ProvisionBookedNoted(envelope.Id, booked.InvoiceId, booked.Source, booked.EntityId, booked.OfficeId, booked.BookedOn,
            booked.Amount), cancellationToken);

    public static Task HandleAsync(InvoiceProvisionReversed reversed, Envelope envelope, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(reversed.InvoiceId, new ProvisionReversedNoted(envelope.Id, reversed.InvoiceId, reversed.Source, reversed.EntityId, reversed.OfficeId,
            reversed.ReversedOn, reversed.Amount, reversed.Reason), cancellationToken);
}
