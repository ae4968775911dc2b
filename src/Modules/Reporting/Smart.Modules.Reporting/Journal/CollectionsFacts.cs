using Smart.Modules.Collections.Contracts;

namespace Smart.Modules.Reporting.Journal;

// Collections' dunning and provisions in the invoice's stream of the journal (ADR 0111): with the invoices, credit notes,
// payments and write-offs already there, they give the collections tables.

/// <summary>
/// A step of an invoice's dunning plan taken (stream: the invoice). Collections publishes each step once and names no
/// reminder, so <see cref="ReminderId"/> is derived from the invoice and the step.
/// </summary>
internal sealed record ReminderNoted(Guid ReminderId, Guid InvoiceId, InvoiceSource Source, Guid EntityId, Guid OfficeId, int Step, ReminderChannel Channel,
    DateOnly SentOn, decimal Outstanding) : IFact
{
    public Guid SourceId => ReminderId;

    public static Guid IdOf(Guid invoiceId, int step) => FactIds.Of($"reminder|{invoiceId}|{step}");
}

/// <summary>A provision booked on an invoice (stream: the invoice), keyed by the message's id (the event names no booking).</summary>
internal sealed record ProvisionBookedNoted(Guid MessageId, Guid InvoiceId, InvoiceSource Source, Guid EntityId, Guid OfficeId, DateOnly BookedOn, decimal Amount)
    : IFact
{
    public Guid SourceId => MessageId;
}

/// <summary>Provisions taken back on an invoice (stream: the invoice), keyed by the message's id (the event names no reversal).</summary>
internal sealed record ProvisionReversedNoted(Guid MessageId, Guid InvoiceId, InvoiceSource Source, Guid EntityId, Guid OfficeId, DateOnly ReversedOn,
    decimal Amount, ProvisionReversalReason Reason) : IFact
{
    public Guid SourceId => MessageId;
}

/// <summary>What the collections tables need of an invoice's stream when a payment or a write-off arrives: where it was issued, and whether it was reminded.</summary>
internal sealed record ReceivableOrigin(Guid EntityId, Guid OfficeId, bool Reminded)
{
    /// <summary>The invoice's entity and office, and whether a reminder was taken on or before <paramref name="on"/>; null for an invoice the journal does not hold.</summary>
    public static ReceivableOrigin? Of(IReadOnlyList<IFact> facts, DateOnly on)
    {
        var reminded = facts.OfType<ReminderNoted>().Any(r => r.SentOn <= on);
        return facts.Select(f => f switch
        {
            InvoiceRecorded i => new ReceivableOrigin(i.EntityId, i.OfficeId, reminded),
            EmployerInvoiceRecorded e => new ReceivableOrigin(e.EntityId, e.OfficeId, reminded),
            _ => null,
        }).FirstOrDefault(o => o is not null);
    }
}
