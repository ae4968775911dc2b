using System.Text.Json.Serialization;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Collections.Domain.Dunning;

namespace Smart.Modules.Collections.Domain.Receivables;

public enum ReceivableStatus
{
    /// <summary>Something is left to pay; the dunning plan runs.</summary>
    Open,

    /// <summary>The client disputes it: the plan waits until the dispute is resolved.</summary>
    Disputed,

    /// <summary>Paid in full (after credit notes).</summary>
    Paid,

    /// <summary>Credit notes cancelled it before anything was paid.</summary>
    Cancelled,

    /// <summary>Judged unrecoverable: what was left is lost (the guarantee fund bears what was advanced on it).</summary>
    WrittenOff,
}

/// <summary>A step of the receivable's plan on its date; taken or skipped once.</summary>
public sealed record PlannedStep(int Number, DunningChannel Channel, DunningTemplate Template, DateOnly PlannedOn, DateOnly? TakenOn, bool Skipped)
{
    public bool Pending => TakenOn is null && !Skipped;
}

/// <summary>
/// What a receivable's stream adds up to (Marten keeps it as an inline snapshot): amounts, status and the plan's next
/// step. Its decisions are pure: each returns the events to append, and the stream, not this object, changes.
/// </summary>
internal sealed class Receivable
{
    [JsonConstructor]
    private Receivable()
    {
        Number = ClientName = ClientTypology = Currency = null!;
    }

    [JsonInclude] public Guid Id { get; private set; }
    [JsonInclude] public ReceivableSource Source { get; private set; }
    [JsonInclude] public string Number { get; private set; }
    [JsonInclude] public Guid EntityId { get; private set; }
    [JsonInclude] public Guid OfficeId { get; private set; }
    [JsonInclude] public Guid? ActivityId { get; private set; }

    /// <summary>The member who owns the invoice: the activity's coordinator, or the employer structure.</summary>
    [JsonInclude] public Guid OwnerId { get; private set; }

    [JsonInclude] public Guid ClientId { get; private set; }
    [JsonInclude] public string ClientName { get; private set; }
    [JsonInclude] public string? ClientEmail { get; private set; }
    [JsonInclude] public string ClientTypology { get; private set; }
    [JsonInclude] public DateOnly IssueDate { get; private set; }
    [JsonInclude] public DateOnly DueDate { get; private set; }

    /// <summary>The invoice's amount, VAT included.</summary>
    [JsonInclude] public decimal Amount { get; private set; }

    [JsonInclude] public string Currency { get; private set; }
    [JsonInclude] public decimal Credited { get; private set; }
    [JsonInclude] public decimal Received { get; private set; }
    [JsonInclude] public ReceivableStatus Status { get; private set; }
    [JsonInclude] public DateOnly? DisputedSince { get; private set; }
    [JsonInclude] public decimal LateInterestRate { get; private set; }
    [JsonInclude] public decimal RecoveryIndemnity { get; private set; }
    [JsonInclude] public IReadOnlyList<PlannedStep> Steps { get; private set; } = [];
    [JsonInclude] public IReadOnlyList<Guid> CreditNotes { get; private set; } = [];
    [JsonInclude] public IReadOnlyList<Guid> Payments { get; private set; } = [];

    /// <summary>What is left to pay: the amount less credit notes and payments, never below zero.</summary>
    public decimal Outstanding => Math.Max(0m, Amount - Credited - Received);

    /// <summary>What the client paid beyond what it owed: theirs, refundable or for a next invoice.</summary>
    public decimal ClientCredit => Math.Max(0m, Received - (Amount - Credited));

    public PlannedStep? NextStep => Status == ReceivableStatus.Open ? Steps.FirstOrDefault(s => s.Pending) : null;

    public bool IsBusinessClient => DunningPlan.IsBusinessClient(ClientTypology);

    /// <summary>
    /// The receivable of an issued invoice. Steps dated before the day it is opened are skipped: an invoice that reaches
    /// Collections late (back-dated, or brought over from before Collections) starts at its next step to come, instead of
    /// receiving every past reminder and notice at once.
    /// </summary>
    public static Receivable Opened(ReceivableOpened opened) => new()
    {
        Id = opened.InvoiceId,
        Source = opened.Source,
        Number = opened.Number,
        EntityId = opened.EntityId,
        OfficeId = opened.OfficeId,
        ActivityId = opened.ActivityId,
        OwnerId = opened.OwnerId,
        ClientId = opened.ClientId,
        ClientName = opened.ClientName,
        ClientEmail = opened.ClientEmail,
        ClientTypology = opened.ClientTypology,
        IssueDate = opened.IssueDate,
        DueDate = opened.DueDate,
        Amount = opened.Amount,
        Currency = opened.Currency,
        LateInterestRate = opened.Plan.LateInterestRate,
        RecoveryIndemnity = opened.Plan.RecoveryIndemnity,
        Steps = opened.Plan.Steps
            .OrderBy(s => s.DaysAfterDue)
            .Select((s, i) => new PlannedStep(i + 1, s.Channel, s.Template, opened.DueDate.AddDays(s.DaysAfterDue), null,
                opened.DueDate.AddDays(s.DaysAfterDue) < opened.OpenedOn))
            .ToList(),
    };

    public void Absorb(IReceivableEvent @event)
    {
        switch (@event)
        {
            case CreditNoteApplied note:
                Credited += note.Amount;
                CreditNotes = [.. CreditNotes, note.CreditNoteId];
                break;
            case PaymentRecorded payment:
                Received += payment.Amount;
                Payments = [.. Payments, payment.PaymentId];
                break;
            case ReceivableSettled:
                Status = ReceivableStatus.Paid;
                DisputedSince = null;
                break;
            case ReceivableCancelled:
                Status = ReceivableStatus.Cancelled;
                DisputedSince = null;
                break;
            case DunningStepTaken taken:
                Steps = Steps.Select(s => s.Number == taken.Step ? s with { TakenOn = taken.TakenOn, Skipped = false }
                    : taken.SkippedSteps.Contains(s.Number) ? s with { Skipped = true } : s).ToList();
                break;
            case ReceivableWrittenOff:
                Status = ReceivableStatus.WrittenOff;
                DisputedSince = null;
                break;
            case DisputeOpened opened:
                Status = ReceivableStatus.Disputed;
                DisputedSince = opened.OpenedOn;
                break;
            case DisputeResolved resolved:
                Status = ReceivableStatus.Open;
                DisputedSince = null;
                Steps = Steps.Select(s => s.Pending ? s with { PlannedOn = s.PlannedOn.AddDays(resolved.PlanDelayDays) } : s).ToList();
                break;
        }
    }

    /// <summary>A credit note reduces what is due, once per credit note; it may settle or cancel the receivable.</summary>
    public IReadOnlyList<IReceivableEvent> ApplyCreditNote(CreditNoteApplied note)
    {
        if (CreditNotes.Contains(note.CreditNoteId)) return [];
        BusinessRules.Check(new CreditNoteWithinTheAmount(note.Amount, Amount - Credited));
        return WithSettlement(note, note.IssuedOn);
    }

    /// <summary>A payment, full or partial, once per payment id; what exceeds the amount due becomes the client's credit.</summary>
    public IReadOnlyList<IReceivableEvent> RecordPayment(PaymentRecorded payment, string currency, DateOnly today)
    {
        if (Payments.Contains(payment.PaymentId)) return [];
        BusinessRules.Check(new NoPaymentOnAWrittenOffReceivable(Status));
        BusinessRules.Check(new PaymentInTheInvoiceCurrency(currency, Currency));
        BusinessRules.Check(new PaymentNotInTheFuture(payment.PaidOn, today));
        return WithSettlement(payment, payment.PaidOn);
    }

    /// <summary>
    /// The steps skipped at opening whose date has come, as if taken on their dates: the history of a receivable brought
    /// over from before Collections (the demo data).
    /// </summary>
    public IReadOnlyList<DunningStepTaken> PastSteps(DateOnly until) =>
        Steps.Where(s => s.Skipped && s.PlannedOn <= until)
            .Select(s => new DunningStepTaken(s.Number, s.PlannedOn, s.Channel, s.Template, s.Channel == DunningChannel.Email ? ClientEmail : null, []))
            .ToList();

    /// <summary>What is left to pay is written off, from an open or disputed receivable.</summary>
    public ReceivableWrittenOff WriteOff(string reason, DateOnly today)
    {
        BusinessRules.Check(new OnlyAnUnpaidReceivableCanBeWrittenOff(Status, Outstanding));
        return new ReceivableWrittenOff(today, Outstanding, reason);
    }

    public DisputeOpened OpenDispute(string reason, string openedBy, DateOnly today)
    {
        BusinessRules.Check(new OnlyAnOpenReceivableCanBeDisputed(Status));
        return new DisputeOpened(today, reason, openedBy);
    }

    public DisputeResolved ResolveDispute(string outcome, DateOnly today)
    {
        BusinessRules.Check(new OnlyADisputedReceivableCanBeResolved(Status));
        return new DisputeResolved(today, outcome, today.DayNumber - DisputedSince!.Value.DayNumber);
    }

    /// <summary>
    /// The step a scheduled message announces, if it is still the next one on the same date and the receivable still
    /// open (a paid, cancelled or disputed receivable, or a step moved since, does nothing). When later steps are due too
    /// (the bus was stopped over several step dates), only the latest due one is taken and the earlier ones are skipped.
    /// </summary>
    public DunningStepTaken? TakeStep(int step, DateOnly plannedOn, DateOnly today)
    {
        if (NextStep is not { } next || next.Number != step || next.PlannedOn != plannedOn || plannedOn > today) return null;
        var due = Steps.Where(s => s.Pending && s.PlannedOn <= today).ToList();
        var taken = due[^1];
        return new DunningStepTaken(taken.Number, today, taken.Channel, taken.Template, taken.Channel == DunningChannel.Email ? ClientEmail : null,
            due.SkipLast(1).Select(s => s.Number).ToList());
    }

    /// <summary>The receivable once <paramref name="events"/> are applied; this one is left as it is.</summary>
    public Receivable After(IEnumerable<IReceivableEvent> events)
    {
        // A shallow copy is enough: Absorb replaces the lists, it never changes them.
        var after = (Receivable)MemberwiseClone();
        foreach (var @event in events) after.Absorb(@event);
        return after;
    }

    private IReadOnlyList<IReceivableEvent> WithSettlement(IReceivableEvent change, DateOnly on)
    {
        var after = After([change]);
        if (after.Outstanding > 0 || Status is ReceivableStatus.Paid or ReceivableStatus.Cancelled) return [change];
        IReceivableEvent closing = after.Received > 0
            ? new ReceivableSettled(on, after.Received - after.ClientCredit, after.ClientCredit)
            : new ReceivableCancelled(on);
        return [change, closing];
    }

    private sealed record CreditNoteWithinTheAmount(decimal Credit, decimal Remaining) : IBusinessRule
    {
        public bool IsBroken() => Credit > Remaining;

        public string Message => $"A credit note of {Credit:0.00} exceeds what is left of the invoice ({Remaining:0.00}).";
    }

    private sealed record PaymentInTheInvoiceCurrency(string Currency, string InvoiceCurrency) : IBusinessRule
    {
        public bool IsBroken() => Currency != InvoiceCurrency;

        public string Message => $"The invoice is in {InvoiceCurrency}, the payment in {Currency}.";
    }

    private sealed record PaymentNotInTheFuture(DateOnly PaidOn, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => PaidOn > Today;

        public string Message => $"A payment cannot be recorded on {PaidOn:yyyy-MM-dd}, after today ({Today:yyyy-MM-dd}).";
    }

    private sealed record NoPaymentOnAWrittenOffReceivable(ReceivableStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status == ReceivableStatus.WrittenOff;

        public string Message => "A written-off receivable takes no payment (recovery after a write-off is not supported yet).";
    }

    private sealed record OnlyAnUnpaidReceivableCanBeWrittenOff(ReceivableStatus Status, decimal Outstanding) : IBusinessRule
    {
        public bool IsBroken() => Status is not (ReceivableStatus.Open or ReceivableStatus.Disputed) || Outstanding == 0;

        public string Message => $"Only an open or disputed receivable with something left to pay can be written off; this one is {Status}.";
    }

    private sealed record OnlyAnOpenReceivableCanBeDisputed(ReceivableStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status != ReceivableStatus.Open;

        public string Message => $"Only an open receivable can be disputed; this one is {Status}.";
    }

    private sealed record OnlyADisputedReceivableCanBeResolved(ReceivableStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status != ReceivableStatus.Disputed;

        public string Message => $"Only a disputed receivable can be resolved; this one is {Status}.";
    }
}
