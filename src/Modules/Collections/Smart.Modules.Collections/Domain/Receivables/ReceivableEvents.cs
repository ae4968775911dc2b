using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Provisions;

namespace Smart.Modules.Collections.Domain.Receivables;

/// <summary>Where the invoice behind a receivable comes from.</summary>
public enum ReceivableSource
{
    /// <summary>An activity's invoice to its client (Activities).</summary>
    ActivityInvoice,

    /// <summary>An employer structure's monthly contract-management invoice (Payroll, GDC).</summary>
    EmployerInvoice,
}

/// <summary>
/// The events of a receivable's stream (its id is the invoice's): its collection history is the truth, the
/// <see cref="Receivable"/> is what they add up to.
/// </summary>
internal interface IReceivableEvent
{
    /// <summary>The business date the event happened on.</summary>
    DateOnly Date { get; }
}

/// <summary>
/// An issued invoice became a receivable on <see cref="OpenedOn"/>, with the dunning plan and the provision policy in force
/// on its issue date (receivables opened before provisions existed have none).
/// </summary>
internal sealed record ReceivableOpened(
    Guid InvoiceId, ReceivableSource Source, string Number, Guid EntityId, Guid OfficeId, Guid? ActivityId, Guid OwnerId,
    Guid ClientId, string ClientName, string? ClientEmail, string ClientTypology, DateOnly IssueDate, DateOnly DueDate,
    decimal Amount, string Currency, DunningPlan Plan, DateOnly OpenedOn, ProvisionPolicy? Provisions = null) : IReceivableEvent
{
    public DateOnly Date => IssueDate;
}

internal sealed record CreditNoteApplied(Guid CreditNoteId, string Number, DateOnly IssuedOn, decimal Amount) : IReceivableEvent
{
    public DateOnly Date => IssuedOn;
}

internal sealed record PaymentRecorded(Guid PaymentId, DateOnly PaidOn, decimal Amount, string? Reference) : IReceivableEvent
{
    public DateOnly Date => PaidOn;
}

/// <summary>Nothing is left to pay: <see cref="AmountPaid"/> settled it, anything received beyond is the client's credit.</summary>
internal sealed record ReceivableSettled(DateOnly SettledOn, decimal AmountPaid, decimal ClientCredit) : IReceivableEvent
{
    public DateOnly Date => SettledOn;
}

/// <summary>Credit notes cancelled the whole amount before anything was paid.</summary>
internal sealed record ReceivableCancelled(DateOnly CancelledOn) : IReceivableEvent
{
    public DateOnly Date => CancelledOn;
}

/// <summary>
/// A step of the plan was taken; <see cref="SkippedSteps"/> are earlier steps whose date had passed too (a receivable
/// opened late): only the latest due one is taken. <see cref="EmailId"/> is the e-mail sent to <see cref="Recipient"/>, if any.
/// </summary>
internal sealed record DunningStepTaken(int Step, DateOnly TakenOn, DunningChannel Channel, DunningTemplate Template, string? Recipient,
    IReadOnlyList<int> SkippedSteps, Guid? EmailId = null) : IReceivableEvent
{
    public DateOnly Date => TakenOn;
}

internal sealed record DisputeOpened(DateOnly OpenedOn, string Reason, string OpenedBy) : IReceivableEvent
{
    public DateOnly Date => OpenedOn;
}

/// <summary>The dispute is over; the steps not taken yet move <see cref="PlanDelayDays"/> later (the days it lasted).</summary>
internal sealed record DisputeResolved(DateOnly ResolvedOn, string Outcome, int PlanDelayDays) : IReceivableEvent
{
    public DateOnly Date => ResolvedOn;
}

/// <summary>Judged unrecoverable: <see cref="Amount"/>, what was left to pay, is lost; the plan stops.</summary>
internal sealed record ReceivableWrittenOff(DateOnly WrittenOffOn, decimal Amount, string Reason) : IReceivableEvent
{
    public DateOnly Date => WrittenOffOn;
}

/// <summary>The client's credit (what it paid beyond the invoice) paid back to it.</summary>
internal sealed record ClientCreditRefunded(DateOnly RefundedOn, decimal Amount, string? Reference) : IReceivableEvent
{
    public DateOnly Date => RefundedOn;
}

/// <summary>The client's credit used to pay another of its invoices (which records it as a payment with the same <see cref="PaymentId"/>).</summary>
internal sealed record ClientCreditApplied(DateOnly AppliedOn, decimal Amount, Guid ToReceivableId, string ToNumber, Guid PaymentId) : IReceivableEvent
{
    public DateOnly Date => AppliedOn;
}

/// <summary>
/// A write-down of a doubtful receivable: <see cref="Rate"/> of what was left to pay is provisioned from then on;
/// <see cref="Amount"/> is what this tier adds to the provisions already booked.
/// </summary>
internal sealed record ProvisionBooked(DateOnly BookedOn, int DaysAfterDue, decimal Rate, decimal Amount) : IReceivableEvent
{
    public DateOnly Date => BookedOn;
}

public enum ProvisionRelease
{
    /// <summary>The client paid (or a credit note reduced the invoice): less, or nothing, is doubtful.</summary>
    Recovered,

    /// <summary>The write-off books the loss the provision anticipated.</summary>
    WrittenOff,
}

/// <summary>Provisions taken back: <see cref="Amount"/> of those booked.</summary>
internal sealed record ProvisionReversed(DateOnly ReversedOn, decimal Amount, ProvisionRelease Why) : IReceivableEvent
{
    public DateOnly Date => ReversedOn;
}

/// <summary>The client says, through its link, that it paid: a note for the collectors until the bank statement shows the money.</summary>
internal sealed record PaymentDeclared(DateOnly DeclaredOn, DateOnly PaidOn, decimal Amount, string? Reference) : IReceivableEvent
{
    public DateOnly Date => DeclaredOn;
}

/// <summary>A collector takes (or is given) the receivable's collector task.</summary>
internal sealed record CollectorAssigned(DateOnly AssignedOn, Guid CollectorId) : IReceivableEvent
{
    public DateOnly Date => AssignedOn;
}

/// <summary>
/// A collector's call and its outcome; a promise to pay by <see cref="PromisedOn"/> moves the plan's pending steps
/// <see cref="PlanDelayDays"/> later, so that the next one falls the day after the promised date.
/// </summary>
internal sealed record CollectorCallRecorded(DateOnly CalledOn, string Outcome, DateOnly? PromisedOn, decimal? PromisedAmount, int PlanDelayDays) : IReceivableEvent
{
    public DateOnly Date => CalledOn;
}

public enum LegalDecision
{
    /// <summary>Handed to the lawyers or bailiffs: the case leaves the plan.</summary>
    HandOff,

    /// <summary>Not worth suing (amount, client gone): the receivable stays with the collectors, or is written off.</summary>
    Decline,
}

/// <summary>Staff decided on the legal action the plan proposed.</summary>
internal sealed record LegalActionDecided(DateOnly DecidedOn, LegalDecision Decision, string Note) : IReceivableEvent
{
    public DateOnly Date => DecidedOn;
}
