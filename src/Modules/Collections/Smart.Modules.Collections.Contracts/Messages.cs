using System.Runtime.Serialization;

namespace Smart.Modules.Collections.Contracts;

/// <summary>A client paid (part of) an invoice; <see cref="Amount"/> is what was received, VAT included.</summary>
[DataContract(Name = "collections.invoice-paid.v1")]
public sealed record InvoicePaid(
    Guid InvoiceId,
    Guid ActivityId,
    decimal Amount,
    DateOnly PaidOn);

/// <summary>An invoice was written off as unrecoverable; <see cref="Amount"/> is what was left unpaid, VAT included.</summary>
[DataContract(Name = "collections.invoice-written-off.v1")]
public sealed record InvoiceWrittenOff(
    Guid InvoiceId,
    Guid ActivityId,
    decimal Amount,
    DateOnly WrittenOffOn);

/// <summary>How a dunning step reached the client.</summary>
public enum ReminderChannel
{
    Email,
    Letter,

    /// <summary>The receivable went to the collectors' queue for a call.</summary>
    CollectorTask,

    /// <summary>The plan proposed legal action (staff decide on it).</summary>
    LegalHandOff,
}

/// <summary>Where the invoice behind a receivable comes from.</summary>
public enum InvoiceSource
{
    /// <summary>An activity's invoice to its client (<see cref="ReminderSent.ActivityId"/> is set).</summary>
    ActivityInvoice,

    /// <summary>An employer structure's monthly contract-management invoice (Payroll).</summary>
    EmployerInvoice,
}

/// <summary>Why provisions were taken back.</summary>
public enum ProvisionReversalReason
{
    /// <summary>The client paid, or a credit note reduced the invoice: less, or nothing, is doubtful.</summary>
    Recovered,

    /// <summary>The write-off books the loss the provision anticipated.</summary>
    WrittenOff,
}

/// <summary>
/// Step <see cref="Step"/> of the dunning plan of an invoice (<see cref="InvoiceId"/>, the receivable's id) was taken on
/// <see cref="SentOn"/> through <see cref="Channel"/>, while <see cref="Outstanding"/> (VAT included) was left to pay; in the
/// invoice's entity and office, for its owner (<see cref="OwnerId"/>: the activity's member or the employer structure).
/// Published once per step taken, with it, through the outbox; steps skipped (their date passed before the receivable
/// opened) are not sent and not published.
/// </summary>
[DataContract(Name = "collections.reminder-sent.v1")]
public sealed record ReminderSent(
    Guid InvoiceId,
    InvoiceSource Source,
    Guid EntityId,
    Guid OfficeId,
    Guid? ActivityId,
    Guid OwnerId,
    int Step,
    ReminderChannel Channel,
    DateOnly SentOn,
    decimal Outstanding);

/// <summary>
/// A tier of the entity's provision policy was reached <see cref="DaysAfterDue"/> days after the due date: the invoice's
/// provision became <see cref="Rate"/> of what was left to pay, <see cref="Amount"/> being what this booking adds and
/// <see cref="TotalProvisioned"/> the invoice's provisions after it. Published once per booking, with it, through the outbox.
/// </summary>
[DataContract(Name = "collections.invoice-provision-booked.v1")]
public sealed record InvoiceProvisionBooked(
    Guid InvoiceId,
    InvoiceSource Source,
    Guid EntityId,
    Guid OfficeId,
    Guid? ActivityId,
    DateOnly BookedOn,
    int DaysAfterDue,
    decimal Rate,
    decimal Amount,
    decimal TotalProvisioned);

/// <summary>
/// <see cref="Amount"/> of an invoice's provisions was taken back on <see cref="ReversedOn"/> (a payment or credit note:
/// <see cref="Rate"/>, the rate reached, now applies to less; a write-off: everything). <see cref="TotalProvisioned"/> is
/// what stays provisioned. Published once per reversal, with it, through the outbox.
/// </summary>
[DataContract(Name = "collections.invoice-provision-reversed.v1")]
public sealed record InvoiceProvisionReversed(
    Guid InvoiceId,
    InvoiceSource Source,
    Guid EntityId,
    Guid OfficeId,
    Guid? ActivityId,
    DateOnly ReversedOn,
    decimal Rate,
    decimal Amount,
    ProvisionReversalReason Reason,
    decimal TotalProvisioned);
