using System.Runtime.Serialization;

namespace Smart.Modules.Activities.Contracts;

// Training invoices the non-members of its programme through the entity's training activity (ADR 0087).

/// <summary>A person's billing address (a trainee invoiced by Training).</summary>
public sealed record PostalAddress(string Line1, string? Line2, string PostalCode, string City, string Country);

/// <summary>
/// A command Training sends when a non-member's priced seat is confirmed: Activities registers the trainee as an
/// individual client of the entity (or finds them by e-mail) and issues an invoice of <see cref="ActivityId"/> (the
/// entity's training activity, VAT as it treats training) with one line at <see cref="UnitPrice"/> excl. VAT, once per
/// <see cref="RequestId"/>; it answers <see cref="TraineeInvoiced"/>.
/// </summary>
[DataContract(Name = "activities.invoice-trainee.v1")]
public sealed record InvoiceTrainee(
    Guid RequestId,
    Guid EntityId,
    Guid ActivityId,
    string Name,
    string Email,
    PostalAddress Address,
    string Description,
    decimal UnitPrice,
    string Origin);

/// <summary>The invoice of <see cref="InvoiceTrainee"/> <see cref="RequestId"/> is to be credited in full (a cancellation within the free period).</summary>
[DataContract(Name = "activities.credit-trainee-invoice.v1")]
public sealed record CreditTraineeInvoice(Guid RequestId, string Reason, string Origin);

/// <summary>Activities' answer: the invoice issued for the request, with its legal number and amount incl. VAT.</summary>
[DataContract(Name = "activities.trainee-invoiced.v1")]
public sealed record TraineeInvoiced(Guid RequestId, Guid InvoiceId, string Number, decimal Gross);
