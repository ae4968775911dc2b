using Smart.Modules.Collections.Domain.Dunning;

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
/// An issued invoice became a receivable on <see cref="OpenedOn"/>, with the dunning plan in force on its issue date.
/// </summary>
internal sealed record ReceivableOpened(
    Guid InvoiceId, ReceivableSource Source, string Number, Guid EntityId, Guid OfficeId, Guid? ActivityId, Guid OwnerId,
    Guid ClientId, string ClientName, string? ClientEmail, string ClientTypology, DateOnly IssueDate, DateOnly DueDate,
    decimal Amount, string Currency, DunningPlan Plan, DateOnly OpenedOn) : IReceivableEvent
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
