using System.Text.Json.Serialization;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Provisions;

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

/// <summary>Where the legal action the plan proposes stands.</summary>
public enum LegalStatus
{
    /// <summary>The plan's legal step came: someone must decide.</summary>
    Proposed,
    HandedOff,
    Declined,
}

/// <summary>
/// The human step of the plan: opened when a collector-task step is taken, in the work queue of the receivable's office
/// until the receivable is paid or written off.
/// </summary>
public sealed record CollectorTask(DateOnly OpenedOn, Guid? CollectorId, DateOnly? LastCallOn, string? LastOutcome, DateOnly? PromisedOn, decimal? PromisedAmount);

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
    [JsonInclude] public int ClientLinkDays { get; private set; }
    [JsonInclude] public IReadOnlyList<PlannedStep> Steps { get; private set; } = [];
    [JsonInclude] public IReadOnlyList<Guid> CreditNotes { get; private set; } = [];
    [JsonInclude] public IReadOnlyList<Guid> Payments { get; private set; } = [];

    /// <summary>Of the client's credit, what was refunded or applied to its other invoices.</summary>
    [JsonInclude] public decimal CreditUsed { get; private set; }

    /// <summary>The provision policy's tiers (none for receivables opened before provisions existed).</summary>
    [JsonInclude] public IReadOnlyList<ProvisionTier> ProvisionTiers { get; private set; } = [];

    /// <summary>The rate of the last tier reached and the provisions booked on what is left to pay.</summary>
    [JsonInclude] public decimal ProvisionRate { get; private set; }

    [JsonInclude] public decimal Provisioned { get; private set; }

    /// <summary>When it was written off, and what was lost.</summary>
    [JsonInclude] public DateOnly? WrittenOffOn { get; private set; }

    [JsonInclude] public decimal WrittenOff { get; private set; }

    [JsonInclude] public CollectorTask? Collector { get; private set; }
    [JsonInclude] public LegalStatus? Legal { get; private set; }

    /// <summary>What is left to pay: the amount less credit notes and payments, never below zero.</summary>
    public decimal Outstanding => Math.Max(0m, Amount - Credited - (Received - CreditUsed));

    /// <summary>What the client paid beyond what it owed: theirs, refundable or for a next invoice, until used.</summary>
    public decimal ClientCredit => Math.Max(0m, Received - CreditUsed - (Amount - Credited));

    /// <summary>The client's name as bank lines are matched on it (no case, accents or punctuation); stored, so that it can be queried.</summary>
    public string ClientKey => BankStatements.StatementMatching.Normalized(ClientName);

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
        ClientLinkDays = opened.Plan.ClientLinkDays,
        Steps = opened.Plan.Steps
            .OrderBy(s => s.DaysAfterDue)
            .Select((s, i) => new PlannedStep(i + 1, s.Channel, s.Template, opened.DueDate.AddDays(s.DaysAfterDue), null,
                opened.DueDate.AddDays(s.DaysAfterDue) < opened.OpenedOn))
            .ToList(),
        ProvisionTiers = opened.Provisions?.Tiers.OrderBy(t => t.DaysAfterDue).ToList() ?? [],
    };

    public void Absorb(IReceivableEvent @event)
    {
        switch (@event)
        {
            case CreditNoteApplied note:
                Credited += note.Amount;
                CreditNotes = [.. CreditNotes, note.CreditNoteId];
                break;
            case PaymentDeclared:
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
                if (taken.Channel == DunningChannel.CollectorTask) Collector ??= new CollectorTask(taken.TakenOn, null, null, null, null, null);
                if (taken.Channel == DunningChannel.LegalHandOff) Legal ??= LegalStatus.Proposed;
                break;
            case CollectorAssigned assigned:
                Collector = Collector! with { CollectorId = assigned.CollectorId };
                break;
            case CollectorCallRecorded call:
                Collector = Collector! with { LastCallOn = call.CalledOn, LastOutcome = call.Outcome, PromisedOn = call.PromisedOn, PromisedAmount = call.PromisedAmount };
                Steps = Steps.Select(s => s.Pending ? s with { PlannedOn = s.PlannedOn.AddDays(call.PlanDelayDays) } : s).ToList();
                break;
            case LegalActionDecided decided:
                Legal = decided.Decision == LegalDecision.HandOff ? LegalStatus.HandedOff : LegalStatus.Declined;
                break;
            case ReceivableWrittenOff writtenOff:
                Status = ReceivableStatus.WrittenOff;
                DisputedSince = null;
                WrittenOffOn = writtenOff.WrittenOffOn;
                WrittenOff = writtenOff.Amount;
                break;
            case ClientCreditRefunded refunded:
                CreditUsed += refunded.Amount;
                break;
            case ClientCreditApplied applied:
                CreditUsed += applied.Amount;
                break;
            case ProvisionBooked booked:
                ProvisionRate = booked.Rate;
                Provisioned += booked.Amount;
                break;
            case ProvisionReversed reversed:
                Provisioned -= reversed.Amount;
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

    /// <summary>What is left to pay is written off, from an open or disputed receivable; its provisions are released, the loss is booked.</summary>
    public IReadOnlyList<IReceivableEvent> WriteOff(string reason, DateOnly today)
    {
        BusinessRules.Check(new OnlyAnUnpaidReceivableCanBeWrittenOff(Status, Outstanding));
        return Provisioned > 0
            ? [new ReceivableWrittenOff(today, Outstanding, reason), new ProvisionReversed(today, Provisioned, ProvisionRelease.WrittenOff)]
            : [new ReceivableWrittenOff(today, Outstanding, reason)];
    }

    /// <summary>Part or all of the client's credit is paid back to it.</summary>
    public ClientCreditRefunded RefundCredit(decimal amount, string? reference, DateOnly today)
    {
        BusinessRules.Check(new WithinTheClientCredit(amount, ClientCredit));
        return new ClientCreditRefunded(today, amount, reference);
    }

    /// <summary>
    /// Part or all of the client's credit pays another invoice of the same client, entity and currency: this receivable
    /// gives it, <paramref name="target"/> records it as a payment (which may settle it).
    /// </summary>
    public (ClientCreditApplied Given, IReadOnlyList<IReceivableEvent> Received) ApplyCredit(Receivable target, decimal amount, DateOnly today)
    {
        BusinessRules.Check(new WithinTheClientCredit(amount, ClientCredit));
        BusinessRules.Check(new CreditForAnotherInvoiceOfTheSameClient(this, target));
        var paymentId = Guid.CreateVersion7();
        return (new ClientCreditApplied(today, amount, target.Id, target.Number, paymentId),
            target.RecordPayment(new PaymentRecorded(paymentId, today, amount, $"Avoir client sur {Number}"), Currency, today));
    }

    /// <summary>
    /// The provision of a tier whose date has come (due + its days), if something is still left to pay and the rate rises:
    /// the provision becomes the tier's rate of what is left, and the event books the difference.
    /// </summary>
    public ProvisionBooked? Provision(int daysAfterDue, DateOnly today)
    {
        if (Status is not (ReceivableStatus.Open or ReceivableStatus.Disputed) || Outstanding == 0 || DueDate.AddDays(daysAfterDue) > today) return null;
        if (ProvisionTiers.FirstOrDefault(t => t.DaysAfterDue == daysAfterDue) is not { } tier || tier.Rate <= ProvisionRate) return null;
        return new ProvisionBooked(today, tier.DaysAfterDue, tier.Rate, Math.Round(Outstanding * tier.Rate, 2) - Provisioned);
    }

    /// <summary>The tier after <paramref name="daysAfterDue"/> (the first one when null), while something is left to pay.</summary>
    public ProvisionTier? NextProvisionTier(int? daysAfterDue) =>
        Status is ReceivableStatus.Open or ReceivableStatus.Disputed ? ProvisionTiers.FirstOrDefault(t => daysAfterDue is null || t.DaysAfterDue > daysAfterDue) : null;

    /// <summary>The collector who takes the task; only a receivable in the collectors' queue has one.</summary>
    public CollectorAssigned AssignCollector(Guid collectorId, DateOnly today)
    {
        BusinessRules.Check(new InTheCollectorsQueue(Status, Collector));
        return new CollectorAssigned(today, collectorId);
    }

    /// <summary>
    /// A call and its outcome; a promise to pay (today or later) moves the pending steps so that the next one falls the day
    /// after the promised date (never earlier than planned).
    /// </summary>
    public CollectorCallRecorded RecordCall(string outcome, DateOnly? promisedOn, decimal? promisedAmount, DateOnly today)
    {
        BusinessRules.Check(new InTheCollectorsQueue(Status, Collector));
        BusinessRules.Check(new PromiseNotInThePast(promisedOn, today));
        var delay = promisedOn is { } promised && Steps.FirstOrDefault(s => s.Pending) is { } next
            ? Math.Max(0, promised.AddDays(1).DayNumber - next.PlannedOn.DayNumber)
            : 0;
        return new CollectorCallRecorded(today, outcome, promisedOn, promisedAmount, delay);
    }

    /// <summary>Staff decide on the legal action the plan proposed (once).</summary>
    public LegalActionDecided DecideLegalAction(LegalDecision decision, string note, DateOnly today)
    {
        BusinessRules.Check(new LegalActionProposed(Status, Legal));
        return new LegalActionDecided(today, decision, note);
    }

    /// <summary>The client's word that it paid: noted in the history, nothing booked (the bank statement will show the money).</summary>
    public PaymentDeclared DeclarePayment(decimal amount, DateOnly paidOn, string? reference, DateOnly today)
    {
        BusinessRules.Check(new PaymentNotInTheFuture(paidOn, today));
        return new PaymentDeclared(today, paidOn, amount, reference);
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

    /// <summary>
    /// The step a scheduled message announces is still the next one, but its date has not come: the message arrived early
    /// (a machine clock ahead of the platform's, a retry, a delivery moved by hand). It waits for its date, never acts before.
    /// </summary>
    public bool StepAwaitsItsDate(int step, DateOnly plannedOn, DateOnly today) =>
        NextStep is { } next && next.Number == step && next.PlannedOn == plannedOn && plannedOn > today;

    /// <summary>The provision tier a scheduled message announces would still raise the provision, but its date has not come: it waits for it.</summary>
    public bool TierAwaitsItsDate(int daysAfterDue, DateOnly today) =>
        DueDate.AddDays(daysAfterDue) > today && Provision(daysAfterDue, DueDate.AddDays(daysAfterDue)) is not null;

    /// <summary>The receivable once <paramref name="events"/> are applied; this one is left as it is.</summary>
    public Receivable After(IEnumerable<IReceivableEvent> events)
    {
        // A shallow copy is enough: Absorb replaces the lists, it never changes them.
        var after = (Receivable)MemberwiseClone();
        foreach (var @event in events) after.Absorb(@event);
        return after;
    }

    /// <summary>
    /// The change, the settlement or cancellation it brings, and the provisions it releases: once less is left to pay, only
    /// the rate reached of what is left stays provisioned (nothing once settled).
    /// </summary>
    private IReadOnlyList<IReceivableEvent> WithSettlement(IReceivableEvent change, DateOnly on)
    {
        var after = After([change]);
        var events = new List<IReceivableEvent> { change };
        if (after.Outstanding == 0 && Status is not (ReceivableStatus.Paid or ReceivableStatus.Cancelled))
        {
            events.Add(after.Received > 0
                ? new ReceivableSettled(on, after.Received - after.ClientCredit, after.ClientCredit)
                : new ReceivableCancelled(on));
        }
        var released = Provisioned - Math.Round(after.Outstanding * ProvisionRate, 2);
        if (Provisioned > 0 && released > 0) events.Add(new ProvisionReversed(on, released, ProvisionRelease.Recovered));
        return events;
    }

    private sealed record InTheCollectorsQueue(ReceivableStatus Status, CollectorTask? Collector) : IBusinessRule
    {
        public bool IsBroken() => Collector is null || Status is not (ReceivableStatus.Open or ReceivableStatus.Disputed);

        public string Message => "Only an unpaid receivable whose plan reached its collector's step is in the collectors' queue.";
    }

    private sealed record PromiseNotInThePast(DateOnly? PromisedOn, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => PromisedOn < Today;

        public string Message => $"A promise to pay is for today ({Today:yyyy-MM-dd}) or later, not {PromisedOn:yyyy-MM-dd}.";
    }

    private sealed record LegalActionProposed(ReceivableStatus Status, LegalStatus? Legal) : IBusinessRule
    {
        public bool IsBroken() => Legal != LegalStatus.Proposed || Status is not (ReceivableStatus.Open or ReceivableStatus.Disputed);

        public string Message => Legal is null or LegalStatus.Proposed ? "The plan has not proposed legal action on this unpaid receivable." : $"Legal action was already decided: {Legal}.";
    }

    private sealed record WithinTheClientCredit(decimal Amount, decimal Credit) : IBusinessRule
    {
        public bool IsBroken() => Amount > Credit;

        public string Message => $"The client's credit on this invoice is {Credit:0.00}, less than {Amount:0.00}.";
    }

    private sealed record CreditForAnotherInvoiceOfTheSameClient(Receivable From, Receivable To) : IBusinessRule
    {
        public bool IsBroken() => From.Id == To.Id || From.ClientId != To.ClientId || From.EntityId != To.EntityId || From.Currency != To.Currency;

        public string Message => $"A client's credit pays another invoice of the same client, entity and currency; {To.Number} is not one.";
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
