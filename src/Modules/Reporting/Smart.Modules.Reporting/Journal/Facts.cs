using Smart.Modules.Activities.Contracts;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Contracts;

namespace Smart.Modules.Reporting.Journal;

// Reporting's journal: what the other modules' integration events told it, as its own events (ADR 0095). Each fact
// carries what the tables need, copied from the facts recorded before it (an invoice's credit note carries the invoice's
// module, client and country), so a projection never has to look anything up.

/// <summary>A fact of the journal; <see cref="SourceId"/> is what it records (an invoice, a credit note, a payslip), once per stream.</summary>
internal interface IFact
{
    Guid SourceId { get; }
}

/// <summary>What kind of revenue document a line of invoicing comes from (the table by document type).</summary>
internal enum RevenueDocumentType
{
    Invoice,
    QuotedInvoice,
    CreditNote,

    /// <summary>A contract-management invoice to an employer structure (Payroll's GDC).</summary>
    EmployerInvoice,
}

/// <summary>An entity Reporting knows (stream: the entity), from its first settings.</summary>
internal sealed record EntityRecorded(Guid EntityId, string Code) : IFact
{
    public Guid SourceId => EntityId;
}

/// <summary>A member's registration (stream: the member).</summary>
internal sealed record MemberRecorded(Guid MemberId, Guid EntityId, Guid OfficeId, MemberKind Kind, DateOnly RegisteredOn, Gender? Gender, DateOnly? BirthDate) : IFact
{
    public Guid SourceId => MemberId;
}

/// <summary>An activity's opening (stream: the activity).</summary>
internal sealed record ActivityRecorded(Guid ActivityId, Guid EntityId, Guid OfficeId, Guid CoordinatorId, ActivityKind Kind, DateOnly OpenedOn) : IFact
{
    public Guid SourceId => ActivityId;
}

/// <summary>
/// An invoice issued (stream: the invoice). <see cref="Kind"/> and <see cref="ClientCountry"/> are null on invoices issued
/// before Activities told them; <see cref="Gross"/> (VAT included, the receivable's amount) is 0 on facts recorded before
/// the collections tables, <see cref="Contribution"/> (the cooperative's, for the offices' local budgets) on facts recorded
/// before Reporting kept it.
/// </summary>
internal sealed record InvoiceRecorded(Guid InvoiceId, Guid EntityId, Guid OfficeId, Guid ActivityId, ActivityKind? Kind, Guid CoordinatorId, Guid ClientId,
    string? ClientCountry, RevenueDocumentType DocumentType, DateOnly IssueDate, decimal Net, decimal Gross = 0m, decimal Contribution = 0m) : IFact
{
    public Guid SourceId => InvoiceId;
}

/// <summary>
/// A credit note on an invoice (stream: the invoice), with the invoice's module, coordinator and client; <see cref="Gross"/>
/// VAT included; <see cref="Contribution"/> is the share of the invoice's contribution it takes back, as Governance takes it.
/// </summary>
internal sealed record CreditNoteRecorded(Guid CreditNoteId, Guid InvoiceId, Guid EntityId, Guid OfficeId, Guid ActivityId, ActivityKind? Kind, Guid CoordinatorId,
    Guid ClientId, string? ClientCountry, DateOnly IssueDate, decimal Net, decimal Gross = 0m, decimal Contribution = 0m) : IFact
{
    public Guid SourceId => CreditNoteId;
}

/// <summary>An approved expense (stream: the expense), with its activity's office, module and coordinator.</summary>
internal sealed record ExpenseRecorded(Guid ExpenseId, Guid EntityId, Guid OfficeId, Guid ActivityId, ActivityKind Kind, Guid CoordinatorId, DateOnly ApprovedOn,
    decimal Amount) : IFact
{
    public Guid SourceId => ExpenseId;
}

/// <summary>An employment contract (stream: its salary request, which its payslip shares), with its activity's office and module.</summary>
internal sealed record ContractRecorded(Guid ContractId, Guid SalaryRequestId, Guid EntityId, Guid OfficeId, Guid ActivityId, ActivityKind ActivityKind, Guid MemberId,
    ContractKind Kind, ContractCategory Category, DateOnly Start, DateOnly End, decimal Days, decimal Hours) : IFact
{
    public Guid SourceId => ContractId;
}

/// <summary>A contract's payslip (stream: the salary request), counted in the year its contract starts, as the contract is.</summary>
internal sealed record PayslipRecorded(Guid PayslipId, Guid SalaryRequestId, Guid EntityId, Guid MemberId, ContractKind Kind, ContractCategory Category,
    DateOnly ContractStart, DateOnly PayDate, decimal Gross) : IFact
{
    public Guid SourceId => PayslipId;
}

/// <summary>A contract-management invoice to an employer (stream: the invoice); <see cref="Net"/> is its total less the VAT on the fee, <see cref="Total"/> what the employer owes.</summary>
internal sealed record EmployerInvoiceRecorded(Guid InvoiceId, Guid EntityId, Guid OfficeId, Guid EmployerId, DateOnly IssueDate, decimal Net, decimal Total = 0m) : IFact
{
    public Guid SourceId => InvoiceId;
}

/// <summary>
/// A payment on an invoice (stream: the invoice). Collections' message names no payment, so the fact is keyed by the
/// message's id: a redelivery is the same message, two payments of the same amount on one day are two. The invoice's entity
/// and office, and whether it was reminded before, are copied from its stream (empty when the journal does not hold it).
/// </summary>
internal sealed record PaymentRecorded(Guid MessageId, Guid InvoiceId, Guid ActivityId, decimal Amount, DateOnly PaidOn, Guid EntityId = default,
    Guid OfficeId = default, bool AfterReminder = false) : IFact
{
    public Guid SourceId => MessageId;
}

/// <summary>An invoice written off (stream: the invoice), with its entity and office copied from the stream (empty when the journal does not hold it).</summary>
internal sealed record WriteOffRecorded(Guid InvoiceId, Guid ActivityId, decimal Amount, DateOnly WrittenOffOn, Guid EntityId = default, Guid OfficeId = default) : IFact
{
    public Guid SourceId => InvoiceId;
}
