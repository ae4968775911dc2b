using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Domain.Newcomers;

public enum FigureKind
{
    Invoice,
    CreditNote,
    Contract,
}

/// <summary>
/// One fact about a member's work, keyed by its source (the invoice, credit note or contract id): revenue excluding VAT
/// (negative for a credit note), the cooperative's contribution on it, and the office of the activity it belongs to.
/// </summary>
internal sealed record FigureEntry(Guid SourceId, FigureKind Kind, DateOnly Date, Guid OfficeId, decimal Revenue, decimal Contribution);

/// <summary>A member's invoices, contracts and revenue over the 12 months up to <see cref="On"/>, and what they make them.</summary>
internal sealed record TypologyReading(DateOnly On, DateOnly From, int Invoices, int Contracts, decimal Revenue, MemberTypology Typology);

/// <summary>
/// A member's entry as stored: one document per source (its id), so that an event about a busy member writes one small
/// row instead of rewriting every entry the member ever had, and a redelivered event overwrites its entry with itself
/// (ADR 0121).
/// </summary>
internal sealed record MemberFigure(Guid Id, Guid MemberId, FigureEntry Entry)
{
    public static MemberFigure Of(Guid memberId, FigureEntry entry) => new(entry.SourceId, memberId, entry);
}

/// <summary>
/// A member's figures, from Activities' and Payroll's events: one entry per source, so an event delivered twice counts
/// once, and the typology on any date is computed from the entries of the 12 months before it.
/// </summary>
internal sealed class MemberFigures
{
    private readonly List<FigureEntry> _entries = [];
    private readonly HashSet<Guid> _sources = [];

    private MemberFigures()
    {
    }

    public IReadOnlyList<FigureEntry> Entries => _entries;

    public static MemberFigures Of(IEnumerable<FigureEntry> entries)
    {
        var figures = new MemberFigures();
        foreach (var entry in entries) figures.Record(entry);
        return figures;
    }

    /// <summary>Records an entry once; false when its source was already recorded (a redelivery).</summary>
    public bool Record(FigureEntry entry)
    {
        if (!_sources.Add(entry.SourceId)) return false;
        _entries.Add(entry);
        return true;
    }

    /// <summary>
    /// The 12 calendar months up to <paramref name="on"/> (its month and the 11 before, to the date): active at a
    /// threshold, occasional with any invoice or contract, inactive without.
    /// </summary>
    public TypologyReading On(DateOnly on, MemberLifeThresholds thresholds) => Read(_entries, on, thresholds);

    public static TypologyReading Read(IEnumerable<FigureEntry> entries, DateOnly on, MemberLifeThresholds thresholds)
    {
        var from = new DateOnly(on.Year, on.Month, 1).AddMonths(-11);
        var window = entries.Where(e => e.Date >= from && e.Date <= on).ToList();
        var invoices = window.Count(e => e.Kind == FigureKind.Invoice);
        var contracts = window.Count(e => e.Kind == FigureKind.Contract);
        var revenue = window.Sum(e => e.Revenue);
        return new TypologyReading(on, from, invoices, contracts, revenue, thresholds.Typology().Classify(revenue, invoices, contracts));
    }

    /// <summary>
    /// The contribution on an office's entries in a year, each entry shared by the rules in force on its date: the
    /// office's local budget share of this member.
    /// </summary>
    public decimal LocalBudget(Guid officeId, int year, IReadOnlyList<MemberLifeRules> rules) =>
        _entries.Where(e => e.OfficeId == officeId && e.Date.Year == year && e.Contribution != 0)
            .Sum(e => e.Contribution * rules.RequiredOn(e.Date, "member life rules").Thresholds.LocalBudgetShare);
}

/// <summary>Governance's copy of an issued invoice: whose it is and what it brought, for the credit notes that reduce it.</summary>
internal sealed class InvoiceCopy
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    public Guid EntityId { get; set; }

    public Guid OfficeId { get; set; }

    public decimal Net { get; set; }

    public decimal Contribution { get; set; }

    /// <summary>A credit note of <paramref name="net"/> takes back the same share of the invoice's contribution.</summary>
    public FigureEntry CreditNote(Guid creditNoteId, DateOnly issueDate, decimal net) =>
        new(creditNoteId, FigureKind.CreditNote, issueDate, OfficeId, -net, -LocalBudgets.CreditNoteContribution(Net, Contribution, net));
}
