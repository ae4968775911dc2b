using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;

namespace Smart.Modules.Activities.Domain.Financing;

public enum FinancingMode
{
    /// <summary>Paid from the activity's budget at once.</summary>
    Purchase,

    /// <summary>Paid by a treasury advance of the cooperative, repaid by monthly instalments.</summary>
    TreasuryAdvance,

    /// <summary>Leased: a monthly deduction over the term, no purchase.</summary>
    Lease,
}

/// <summary>
/// The limits on equipment financing in force from a date (configuration, effective-dated): how many monthly
/// instalments an advance may have, how many months a lease may run.
/// </summary>
internal sealed class FinancingLimits(DateOnly effectiveFrom, int maxAdvanceInstalments, int maxLeaseMonths) : IEffectiveDated
{
    private FinancingLimits() : this(default, 0, 0)
    {
    }

    /// <summary>One version per date.</summary>
    public string Id { get; private set; } = $"{effectiveFrom:yyyy-MM-dd}";

    public DateOnly EffectiveFrom { get; private set; } = effectiveFrom;

    public int MaxAdvanceInstalments { get; private set; } = maxAdvanceInstalments;

    public int MaxLeaseMonths { get; private set; } = maxLeaseMonths;
}

/// <summary>One monthly instalment of an advance's repayment or of a lease, booked on the ledger on its due date.</summary>
internal sealed class EquipmentInstalment
{
    private EquipmentInstalment()
    {
    }

    public EquipmentInstalment(int number, DateOnly dueDate, decimal amount)
    {
        Number = number;
        DueDate = dueDate;
        Amount = amount;
    }

    /// <summary>1 for the first instalment.</summary>
    public int Number { get; private set; }

    public DateOnly DueDate { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>When its ledger entry was recorded; null while it is still to come.</summary>
    public DateTimeOffset? BookedAt { get; private set; }

    public bool IsBooked => BookedAt is not null;

    internal void MarkBooked(DateTimeOffset now) => BookedAt = now;
}

/// <summary>
/// A piece of equipment of an activity and how it is financed: bought from the budget, bought with a treasury advance
/// of the cooperative repaid on a monthly schedule, or leased with a monthly deduction. The purchase (and the advance)
/// are booked when it is recorded; each instalment is booked on its due date by a scheduled message.
/// </summary>
internal sealed class Equipment : AggregateRoot
{
    public const int MaxDescriptionLength = 500;
    public const int MaxSupplierLength = 200;

    private readonly List<EquipmentInstalment> _instalments = [];

    private Equipment()
    {
        Description = null!;
        Supplier = null!;
    }

    public Guid ActivityId { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public string Description { get; private set; }

    public string Supplier { get; private set; }

    /// <summary>When the equipment was bought (for a lease: when the lease started).</summary>
    public DateOnly PurchaseDate { get; private set; }

    /// <summary>What the activity pays for it: the VAT goes through the cooperative's VAT return, not the activity's budget.</summary>
    public decimal PriceExclVat { get; private set; }

    public FinancingMode Mode { get; private set; }

    /// <summary>The cooperative's treasury advance (advances only).</summary>
    public decimal? AdvanceAmount { get; private set; }

    /// <summary>The member id of whoever recorded it (the user id for a staff account tied to no member): the coordinator, or staff.</summary>
    public Guid RecordedBy { get; private set; }

    public DateOnly RecordedOn { get; private set; }

    public IReadOnlyList<EquipmentInstalment> Instalments => _instalments;

    /// <summary>What the instalments not booked yet still add up to.</summary>
    public decimal Outstanding => _instalments.Where(i => !i.IsBooked).Sum(i => i.Amount);

    /// <summary>
    /// Bought from the budget: refused when the amount available (balance − pending salaries − instalments still to repay, ADR 0040) does not cover the price.
    /// </summary>
    public static Equipment Purchase(Activity activity, decimal available, string description, string supplier, DateOnly purchaseDate,
        decimal priceExclVat, Guid recordedBy, DateOnly today)
    {
        var equipment = Create(activity, FinancingMode.Purchase, description, supplier, purchaseDate, priceExclVat, recordedBy, today);
        CheckRule(new BudgetCoversThePurchase(priceExclVat, available));
        return equipment;
    }

    /// <summary>
    /// Bought with a treasury advance of <paramref name="advanceAmount"/> (at most the price; the budget pays the rest,
    /// which must be available), repaid in <paramref name="instalments"/> monthly instalments from <paramref name="firstDueDate"/>.
    /// </summary>
    public static Equipment FinanceByAdvance(Activity activity, decimal available, FinancingLimits limits, string description, string supplier,
        DateOnly purchaseDate, decimal priceExclVat, decimal advanceAmount, int instalments, DateOnly firstDueDate, Guid recordedBy, DateOnly today)
    {
        var equipment = Create(activity, FinancingMode.TreasuryAdvance, description, supplier, purchaseDate, priceExclVat, recordedBy, today);
        CheckRule(new AdvanceIsWithinThePrice(advanceAmount, priceExclVat));
        CheckRule(new MonthsAreWithinTheLimit("A treasury advance", "instalments", instalments, limits.MaxAdvanceInstalments));
        CheckRule(new BudgetCoversThePurchase(priceExclVat - advanceAmount, available));
        equipment.AdvanceAmount = advanceAmount;
        equipment.PlanMonthly(Split(advanceAmount, instalments), firstDueDate);
        return equipment;
    }

    /// <summary>Leased: <paramref name="termMonths"/> monthly deductions of <paramref name="monthlyAmount"/> from <paramref name="firstDueDate"/>.</summary>
    public static Equipment Lease(Activity activity, FinancingLimits limits, string description, string supplier, DateOnly startDate, decimal priceExclVat,
        decimal monthlyAmount, int termMonths, DateOnly firstDueDate, Guid recordedBy, DateOnly today)
    {
        var equipment = Create(activity, FinancingMode.Lease, description, supplier, startDate, priceExclVat, recordedBy, today);
        CheckRule(new MonthsAreWithinTheLimit("A lease", "months", termMonths, limits.MaxLeaseMonths));
        equipment.PlanMonthly(Enumerable.Repeat(monthlyAmount, termMonths).ToList(), firstDueDate);
        return equipment;
    }

    /// <summary>
    /// An amount split into <paramref name="count"/> instalments rounded half-even to the cent, the last one taking
    /// what remains so that they add up exactly: 1,000.00 in 3 is 333.33, 333.33, 333.34.
    /// </summary>
    public static IReadOnlyList<decimal> Split(decimal amount, int count)
    {
        var each = Money.RoundToCents(amount / count);
        return [.. Enumerable.Repeat(each, count - 1), amount - each * (count - 1)];
    }

    /// <summary>
    /// What is booked when the equipment is recorded, on its purchase date: the price (−) for a purchase; the price (−)
    /// and the advance (+) for an advance; nothing for a lease, whose deductions are instalments.
    /// </summary>
    public IReadOnlyList<BudgetEntry> AcquisitionEntries(DateTimeOffset now) => Mode switch
    {
        FinancingMode.Purchase => [PurchaseEntry(now)],
        FinancingMode.TreasuryAdvance =>
        [
            PurchaseEntry(now),
            new(ActivityId, PurchaseDate, BudgetEntryKind.TreasuryAdvance, AdvanceAmount!.Value, BudgetSource.Equipment, Id,
                $"Treasury advance for {Label()}, {_instalments.Count} monthly instalments", now),
        ],
        _ => [],
    };

    /// <summary>What its instalments will deduct, promised on the ledger from the start (none for a purchase).</summary>
    public InstalmentsPlanned? PlannedInstalments() => _instalments.Count == 0 ? null : new InstalmentsPlanned(Id, Outstanding);

    /// <summary>
    /// Books instalment <paramref name="number"/> on its due date, once: an instalment already booked returns null
    /// (a second delivery of its message changes nothing).
    /// </summary>
    public BudgetEntry? BookInstalment(int number, DateTimeOffset now)
    {
        var instalment = _instalments.SingleOrDefault(i => i.Number == number) ?? throw new NotFoundException("Instalment", number);
        if (instalment.IsBooked)
        {
            return null;
        }
        instalment.MarkBooked(now);
        var (kind, what) = Mode == FinancingMode.Lease ? (BudgetEntryKind.LeaseInstalment, "Lease") : (BudgetEntryKind.AdvanceRepayment, "Advance repayment");
        return new BudgetEntry(ActivityId, instalment.DueDate, kind, -instalment.Amount, BudgetSource.Equipment, Id,
            $"{what} {number}/{_instalments.Count} for {Label()}", now);
    }

    /// <summary>
    /// Repays what an advance still owes in one entry today, at the member's request: the instalments left are marked
    /// booked, so their scheduled messages change nothing. <paramref name="available"/> is what the activity has once
    /// pending salaries and every outstanding instalment (this advance's included) are set aside: repaying leaves it
    /// unchanged, but it must not be negative, or the repayment would spend money already promised.
    /// </summary>
    public BudgetEntry RepayEarly(decimal available, DateOnly today, DateTimeOffset now)
    {
        CheckRule(new OnlyAnAdvanceIsRepaidEarly(Mode));
        var left = _instalments.Where(i => !i.IsBooked).ToList();
        var outstanding = left.Sum(i => i.Amount);
        CheckRule(new SomethingIsLeftToRepay(outstanding));
        CheckRule(new BudgetCoversTheRepayment(outstanding, available));
        left.ForEach(i => i.MarkBooked(now));
        return new BudgetEntry(ActivityId, today, BudgetEntryKind.AdvanceEarlyRepayment, -outstanding, BudgetSource.Equipment, Id,
            $"Early repayment of instalments {left[0].Number}–{left[^1].Number}/{_instalments.Count} for {Label()}", now);
    }

    private static Equipment Create(Activity activity, FinancingMode mode, string description, string supplier, DateOnly purchaseDate,
        decimal priceExclVat, Guid recordedBy, DateOnly today)
    {
        activity.EnsureOpen();
        CheckRule(new PurchaseIsNotPostDated(purchaseDate, today));
        CheckRule(new AmountIsPositive("The price excl. VAT", priceExclVat));
        return new Equipment
        {
            Id = Guid.CreateVersion7(),
            ActivityId = activity.Id,
            EntityId = activity.EntityId,
            OfficeId = activity.OfficeId,
            Description = description.Trim(),
            Supplier = supplier.Trim(),
            PurchaseDate = purchaseDate,
            PriceExclVat = priceExclVat,
            Mode = mode,
            RecordedBy = recordedBy,
            RecordedOn = today,
        };
    }

    /// <summary>Due dates count whole months from the first one; a day past a month's end falls on its last day (31 Jan → 28 Feb → 31 Mar).</summary>
    private void PlanMonthly(IReadOnlyList<decimal> amounts, DateOnly firstDueDate)
    {
        CheckRule(new ScheduleStartsOnOrAfterThePurchase(firstDueDate, PurchaseDate));
        CheckRule(new EveryInstalmentIsPositive(amounts));
        _instalments.AddRange(amounts.Select((amount, i) => new EquipmentInstalment(i + 1, firstDueDate.AddMonths(i), amount)));
    }

    private BudgetEntry PurchaseEntry(DateTimeOffset now) =>
        new(ActivityId, PurchaseDate, BudgetEntryKind.Purchase, -PriceExclVat, BudgetSource.Equipment, Id, $"Purchase of {Label()}", now);

    private string Label()
    {
        var label = $"{Description} ({Supplier})";
        return label.Length <= 200 ? label : label[..200];
    }

    private sealed record OnlyAnAdvanceIsRepaidEarly(FinancingMode Mode) : IBusinessRule
    {
        public bool IsBroken() => Mode != FinancingMode.TreasuryAdvance;

        public string Message => $"Only a treasury advance is repaid early; this equipment is a {Mode}.";
    }

    private sealed record SomethingIsLeftToRepay(decimal Outstanding) : IBusinessRule
    {
        public bool IsBroken() => Outstanding == 0m;

        public string Message => "The advance is repaid already.";
    }

    private sealed record BudgetCoversTheRepayment(decimal Outstanding, decimal Available) : IBusinessRule
    {
        public bool IsBroken() => Available < 0m;

        public string Message =>
            $"Repaying {Outstanding:0.00} now would spend money promised elsewhere: once pending salaries and every instalment are set aside, the activity has {Available:0.00}.";
    }

    private sealed record PurchaseIsNotPostDated(DateOnly PurchaseDate, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => PurchaseDate > Today;

        public string Message => $"Equipment is recorded once acquired: {PurchaseDate:yyyy-MM-dd} is after {Today:yyyy-MM-dd}.";
    }

    private sealed record AmountIsPositive(string What, decimal Amount) : IBusinessRule
    {
        public bool IsBroken() => Amount <= 0;

        public string Message => $"{What} is positive ({Amount:0.00}).";
    }

    private sealed record AdvanceIsWithinThePrice(decimal Advance, decimal Price) : IBusinessRule
    {
        public bool IsBroken() => Advance <= 0 || Advance > Price;

        public string Message => $"A treasury advance is positive and at most the price ({Advance:0.00} for {Price:0.00}).";
    }

    private sealed record MonthsAreWithinTheLimit(string What, string Unit, int Months, int Max) : IBusinessRule
    {
        public bool IsBroken() => Months < 1 || Months > Max;

        public string Message => $"{What} runs over 1 to {Max} {Unit}, not {Months}.";
    }

    private sealed record ScheduleStartsOnOrAfterThePurchase(DateOnly FirstDueDate, DateOnly PurchaseDate) : IBusinessRule
    {
        public bool IsBroken() => FirstDueDate < PurchaseDate;

        public string Message => $"The first instalment ({FirstDueDate:yyyy-MM-dd}) cannot fall before the purchase ({PurchaseDate:yyyy-MM-dd}).";
    }

    private sealed record EveryInstalmentIsPositive(IReadOnlyList<decimal> Amounts) : IBusinessRule
    {
        public bool IsBroken() => Amounts.Any(a => a <= 0);

        public string Message => "Every instalment is at least 0.01: spread the amount over fewer months.";
    }

    private sealed record BudgetCoversThePurchase(decimal Needed, decimal Available) : IBusinessRule
    {
        public bool IsBroken() => Needed > Available;

        public string Message => $"The budget available ({Available:0.00}) does not cover the {Needed:0.00} the purchase takes from it.";
    }
}
