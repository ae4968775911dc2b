using System.Runtime.Serialization;

namespace Smart.Modules.Activities.Contracts;

/// <summary>A member opened an activity in their entity and office.</summary>
[DataContract(Name = "activities.activity-opened.v1")]
public sealed record ActivityOpened(
    Guid ActivityId,
    Guid EntityId,
    Guid OfficeId,
    Guid CoordinatorId,
    string Name,
    string Kind,
    int ServiceTier,
    DateOnly OpenedOn);

/// <summary>An invoice was issued: Collections opens a receivable due on <see cref="DueDate"/>.</summary>
[DataContract(Name = "activities.invoice-issued.v1")]
public sealed record InvoiceIssued(
    Guid InvoiceId,
    string Number,
    Guid EntityId,
    Guid ActivityId,
    Guid ClientId,
    string ClientName,
    string ClientTypology,
    DateOnly IssueDate,
    DateOnly DueDate,
    decimal TotalNet,
    decimal TotalVat,
    decimal TotalGross,
    string Currency);

/// <summary>A credit note reduced an invoice: Collections reduces the receivable by <see cref="Gross"/>.</summary>
[DataContract(Name = "activities.credit-note-issued.v1")]
public sealed record CreditNoteIssued(
    Guid CreditNoteId,
    string Number,
    Guid InvoiceId,
    Guid EntityId,
    Guid ActivityId,
    DateOnly IssueDate,
    decimal Net,
    decimal Vat,
    decimal Gross,
    string Currency);

/// <summary>
/// An advisor approved an expense: the activity's budget was debited by <see cref="AmountInclVat"/> minus
/// <see cref="RecoverableVat"/> on <see cref="ApprovedOn"/>.
/// </summary>
[DataContract(Name = "activities.expense-approved.v1")]
public sealed record ExpenseApproved(
    Guid ExpenseId,
    Guid ActivityId,
    Guid EntityId,
    DateOnly ExpenseDate,
    DateOnly ApprovedOn,
    decimal AmountInclVat,
    decimal RecoverableVat,
    string Category);
