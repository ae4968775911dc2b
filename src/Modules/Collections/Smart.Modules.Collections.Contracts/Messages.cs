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
