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
    ActivityKind Kind,
    int ServiceTier,
    DateOnly OpenedOn);

/// <summary>
/// An invoice was issued: Collections opens a receivable due on <see cref="DueDate"/>. <see cref="ContributionAmount"/> is
/// the cooperative's contribution on it, so <see cref="TotalNet"/> − <see cref="ContributionAmount"/> is what its payment
/// brings to the activity (Payroll's guarantee fund counts it). <see cref="OfficeId"/>, <see cref="CoordinatorId"/> (the
/// member who owns the activity) and <see cref="ClientEmail"/> came later, for Collections; <see cref="ClientCountry"/> (ISO
/// 3166 alpha-2), <see cref="DocumentType"/> and <see cref="ActivityKind"/> later still, for Reporting's tables (revenue
/// by module, by document type, abroad). Messages stored before them read as empty (an invoice, of no known kind or country).
/// </summary>
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
    string Currency,
    decimal ContributionAmount,
    Guid OfficeId = default,
    Guid CoordinatorId = default,
    string? ClientEmail = null,
    string? ClientCountry = null,
    InvoiceDocumentType DocumentType = InvoiceDocumentType.Invoice,
    ActivityKind? ActivityKind = null);

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
    ExpenseCategory Category);

/// <summary>
/// A member asked for a salary drawn from an activity's budget: Payroll creates and declares the contract, computes the
/// payslip and answers with <c>PayslipIssued</c> or <c>SalaryRequestRejected</c>; exactly one of <see cref="Days"/> and <see cref="Hours"/> is set. <see cref="GuaranteeFundAdvance"/> says the
/// budget was short and the guarantee fund advances the difference on issued but unpaid invoices.
/// </summary>
[DataContract(Name = "activities.salary-requested.v1")]
public sealed record SalaryRequested(
    Guid SalaryRequestId,
    Guid ActivityId,
    Guid EntityId,
    Guid MemberId,
    decimal EmploymentBudget,
    SalaryContractKind ContractKind,
    SalaryCategory Category,
    DateOnly WorkStart,
    DateOnly WorkEnd,
    decimal? Days,
    decimal? Hours,
    string Job,
    bool GuaranteeFundAdvance);

/// <summary>
/// A command other modules send (Spaces for a booking, Training for a registration) through <c>PublishAsync</c> or
/// <c>ScheduleAsync</c>: Activities books <see cref="Amount"/> (positive) as a charge on the activity's budget, once per
/// <see cref="ChargeId"/>. <see cref="Origin"/> names the sender (e.g. <c>Spaces</c>).
/// </summary>
[DataContract(Name = "activities.charge-activity.v1")]
public sealed record ChargeActivity(
    Guid ChargeId,
    Guid ActivityId,
    ActivityChargeKind ChargeKind,
    decimal Amount,
    DateOnly Date,
    string Description,
    string Origin);

/// <summary>
/// A command other modules send when a charge they sent is cancelled (Spaces, a booking cancelled in time): Activities
/// books the charge's amount back on the activity's budget, once per <see cref="ChargeId"/>. Sent before the charge has
/// arrived, it is retried until it has.
/// </summary>
[DataContract(Name = "activities.reverse-activity-charge.v1")]
public sealed record ReverseActivityCharge(Guid ChargeId, Guid ActivityId, DateOnly Date, string Reason, string Origin);

/// <summary>Query for other modules (Spaces before a charge): an activity's coordinator, state and available budget, or null when unknown.</summary>
public sealed record GetActivityStanding(Guid ActivityId);

/// <summary>Query for other modules' demo data (Spaces seeds residents and bookings): up to <see cref="Take"/> open activities of an office, oldest first.</summary>
public sealed record ListOpenActivities(Guid OfficeId, int Take);

/// <summary>
/// <see cref="Available"/> is the budget left once committed salaries and outstanding instalments are set aside (what
/// a new charge may use); <see cref="IsOpen"/> false means the activity takes no new charge.
/// </summary>
public sealed record ActivityStanding(Guid ActivityId, Guid EntityId, Guid OfficeId, Guid CoordinatorId, string Name, bool IsOpen, decimal Available);

/// <summary>
/// A command Training sends when a session a member taught was delivered: Activities books <see cref="Amount"/> as revenue
/// on the trainer's activity (the member coordinating it is <see cref="MemberId"/>) and requests the trainer's salary from
/// it through the usual salary-request path (<see cref="SalaryRequested"/> for Payroll), once per <see cref="PaymentId"/>.
/// </summary>
[DataContract(Name = "activities.pay-member-trainer.v1")]
public sealed record PayMemberTrainer(
    Guid PaymentId,
    Guid ActivityId,
    Guid MemberId,
    decimal Amount,
    DateOnly WorkStart,
    DateOnly WorkEnd,
    decimal Days,
    string Job,
    string Origin);
