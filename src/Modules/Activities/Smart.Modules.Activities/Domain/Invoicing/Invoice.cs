using System.Linq.Expressions;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Domain.Clients;

namespace Smart.Modules.Activities.Domain.Invoicing;

/// <summary>One line of an invoice: net and VAT are rounded to the cent on each line, totals are their sums.</summary>
internal sealed class InvoiceLine
{
    private InvoiceLine()
    {
        Description = null!;
    }

    public InvoiceLine(string description, decimal quantity, decimal unitPrice, decimal vatRate)
    {
        BusinessRules.Check(new LineIsPositive(quantity, unitPrice));
        Description = description.Trim();
        Quantity = quantity;
        UnitPrice = unitPrice;
        VatRate = vatRate;
        Net = Money.RoundToCents(quantity * unitPrice);
        Vat = Money.RoundToCents(Net * vatRate);
    }

    public string Description { get; private set; }

    public decimal Quantity { get; private set; }

    /// <summary>Excluding VAT.</summary>
    public decimal UnitPrice { get; private set; }

    public decimal VatRate { get; private set; }

    public decimal Net { get; private set; }

    public decimal Vat { get; private set; }

    private sealed record LineIsPositive(decimal Quantity, decimal UnitPrice) : IBusinessRule
    {
        public bool IsBroken() => Quantity <= 0 || UnitPrice <= 0;

        public string Message => "Invoice lines have a positive quantity and unit price; corrections go through credit notes.";
    }
}

/// <summary>Totals of a document's lines (invoice or quote): sums of the lines' rounded amounts.</summary>
internal sealed record DocumentTotals(decimal Net, decimal Vat, decimal Gross)
{
    public static DocumentTotals Of(IReadOnlyCollection<InvoiceLine> lines)
    {
        var net = lines.Sum(l => l.Net);
        var vat = lines.Sum(l => l.Vat);
        return new DocumentTotals(net, vat, net + vat);
    }
}

/// <summary>The client of a document belongs to the activity's entity (invoices, quotes, contract documents).</summary>
internal sealed record ClientBelongsToTheActivitysEntity(Guid ClientEntity, Guid ActivityEntity) : IBusinessRule
{
    public bool IsBroken() => ClientEntity != ActivityEntity;

    public string Message => "The client belongs to another entity than the activity.";
}

/// <summary>
/// An issued invoice: immutable once issued (corrections go through credit notes). It keeps the contribution rate
/// in force on its date, so a credit note reverses the contribution at that same rate.
/// </summary>
internal sealed class Invoice : AggregateRoot
{
    public const string Currency = "EUR";

    private readonly List<InvoiceLine> _lines = [];

    private Invoice()
    {
        Number = null!;
    }

    public Guid EntityId { get; private set; }

    public Guid ActivityId { get; private set; }

    public Guid ClientId { get; private set; }

    public string Number { get; private set; }

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    public DateOnly IssueDate { get; private set; }

    public DateOnly DueDate { get; private set; }

    /// <summary>The accepted quote this invoice was issued from, if any.</summary>
    public Guid? QuoteId { get; private set; }

    /// <summary>When the invoiced service was delivered: a day or a period (a mandatory mention).</summary>
    public DateOnly ServiceFrom { get; private set; }

    public DateOnly ServiceTo { get; private set; }

    /// <summary>Seller, client and contact as printed when issued; null on invoices issued before documents carried them.</summary>
    public DocumentHeading? Heading { get; private set; }

    public IReadOnlyList<InvoiceLine> Lines => _lines;

    public decimal TotalNet { get; private set; }

    public decimal TotalVat { get; private set; }

    public decimal TotalGross { get; private set; }

    /// <summary>Legal mention when VAT does not apply (e.g. exempt training).</summary>
    public string? VatMention { get; private set; }

    public decimal ContributionRate { get; private set; }

    public decimal ContributionAmount { get; private set; }

    public decimal CreditedNet { get; private set; }

    public decimal CreditedVat { get; private set; }

    public decimal CreditedContribution { get; private set; }

    public decimal RemainingToCredit => TotalNet - CreditedNet;

    /// <summary>What the client has paid so far, VAT included (reported by Collections).</summary>
    public decimal PaidAmount { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    /// <summary>Collections gave up on the invoice; the guarantee fund absorbs what was advanced on it.</summary>
    public bool WrittenOff { get; private set; }

    public DateOnly? WrittenOffOn { get; private set; }

    /// <summary>Gross still due after credit notes.</summary>
    public decimal Due => TotalGross - CreditedNet - CreditedVat;

    /// <summary>Still waiting for the client: neither fully paid nor written off. Its revenue can back a guarantee-fund advance.</summary>
    public static readonly Expression<Func<Invoice, bool>> Unpaid = i => !i.WrittenOff && i.PaidAmount < i.TotalGross - i.CreditedNet - i.CreditedVat;

    /// <summary>What the invoice leaves on the activity: net − credited net − (contribution − credited contribution).</summary>
    public static readonly Expression<Func<Invoice, decimal>> RevenueAfterContribution = i => i.TotalNet - i.CreditedNet - (i.ContributionAmount - i.CreditedContribution);

    private static readonly Func<Invoice, bool> IsUnpaidFunc = Unpaid.Compile();

    private static readonly Func<Invoice, decimal> RevenueAfterContributionFunc = RevenueAfterContribution.Compile();

    public bool IsUnpaid => IsUnpaidFunc(this);

    public decimal NetRevenueAfterContribution => RevenueAfterContributionFunc(this);

    /// <summary>
    /// The rules an invoice must meet to be issued, checked before its number is taken: an invoice issued with others
    /// (a group commit) that breaks one is refused alone, and its number goes to the next.
    /// </summary>
    public static void EnsureIssuable(Activity activity, Client client, int lineCount, DateOnly issueDate, (DateOnly From, DateOnly To)? service)
    {
        activity.EnsureOpen();
        CheckRule(new ClientBelongsToTheActivitysEntity(client.EntityId, activity.EntityId));
        CheckRule(new InvoiceHasLines(lineCount));
        var (serviceFrom, serviceTo) = service ?? (issueDate, issueDate);
        CheckRule(new ServicePeriodIsOrdered(serviceFrom, serviceTo));
    }

    /// <summary>What Collections (receivable, dunning) and Payroll (guarantee-fund cover) receive of the issued invoice.</summary>
    public InvoiceIssued ToInvoiceIssued(Client client, Activity activity) => new(Id, Number, EntityId, ActivityId, client.Id, client.Name, client.Typology.ToString(), IssueDate,
        DueDate, TotalNet, TotalVat, TotalGross, Currency, ContributionAmount, activity.OfficeId, activity.CoordinatorId, client.BillingEmail, client.Country,
        QuoteId is null ? InvoiceDocumentType.Invoice : InvoiceDocumentType.QuotedInvoice, activity.Kind);

    /// <param name="service">When the service was delivered; the issue date when not stated.</param>
    public static Invoice Issue(LegalNumber number, Activity activity, Client client, IReadOnlyList<InvoiceLine> lines, DateOnly issueDate,
        decimal contributionRate, string? vatMention, Guid? quoteId = null, DocumentHeading? heading = null, (DateOnly From, DateOnly To)? service = null)
    {
        EnsureIssuable(activity, client, lines.Count, issueDate, service);
        var (serviceFrom, serviceTo) = service ?? (issueDate, issueDate);
        var invoice = new Invoice
        {
            Id = Guid.CreateVersion7(),
            EntityId = activity.EntityId,
            ActivityId = activity.Id,
            ClientId = client.Id,
            Number = number.ToString(),
            Year = number.Year,
            Sequence = number.Sequence,
            IssueDate = issueDate,
            DueDate = issueDate.AddDays(client.PaymentTermsDays),
            VatMention = vatMention,
            ContributionRate = contributionRate,
            QuoteId = quoteId,
            ServiceFrom = serviceFrom,
            ServiceTo = serviceTo,
            Heading = heading,
        };
        invoice._lines.AddRange(lines);
        (invoice.TotalNet, invoice.TotalVat, invoice.TotalGross) = DocumentTotals.Of(lines);
        invoice.ContributionAmount = Money.RoundToCents(invoice.TotalNet * contributionRate);
        return invoice;
    }

    /// <summary>Revenue excl. VAT in, the cooperative's contribution out, on the invoice date.</summary>
    public IReadOnlyList<BudgetEntry> BudgetEntries(DateTimeOffset now) =>
    [
        new(ActivityId, IssueDate, BudgetEntryKind.Revenue, TotalNet, BudgetSource.Invoice, Id, $"Invoice {Number}", now),
        new(ActivityId, IssueDate, BudgetEntryKind.Contribution, -ContributionAmount, BudgetSource.Invoice, Id,
            $"Contribution {ContributionRate:0.###%} on invoice {Number}", now),
    ];

    /// <summary>
    /// Credits part or all of what remains: VAT and contribution in proportion to the credited net, the last credit
    /// taking exactly what remains so that a fully credited invoice nets to zero to the cent.
    /// </summary>
    public CreditNote Credit(LegalNumber number, decimal net, DateOnly issueDate, string reason)
    {
        CheckRule(new CreditIsWithinWhatRemains(net, RemainingToCredit));
        CheckRule(new CreditNoteFollowsInvoice(issueDate, IssueDate));
        var creditsAll = net == RemainingToCredit;
        var vat = creditsAll ? TotalVat - CreditedVat : Money.RoundToCents(TotalVat * net / TotalNet);
        var contribution = creditsAll ? ContributionAmount - CreditedContribution : Money.RoundToCents(ContributionAmount * net / TotalNet);
        CreditedNet += net;
        CreditedVat += vat;
        CreditedContribution += contribution;
        return CreditNote.For(this, number, issueDate, net, vat, contribution, reason);
    }

    /// <summary>
    /// Records a payment (part or all, VAT included). Books nothing on the ledger: the revenue was booked when the invoice
    /// was issued; the payment only ends the invoice's part in guarantee-fund advances once it is fully paid.
    /// </summary>
    public void MarkPaid(decimal amount, DateOnly paidOn)
    {
        CheckRule(new PaymentIsPositive(amount));
        PaidAmount += amount;
        PaidOn = paidOn;
    }

    /// <summary>
    /// Collections wrote the invoice off. Books nothing on the member's activity: per DESIGN §5 flow 3 the guarantee fund
    /// absorbs what was already paid out on it. The invoice stops backing guarantee-fund advances.
    /// </summary>
    public void MarkWrittenOff(DateOnly writtenOffOn)
    {
        if (WrittenOff)
        {
            return;
        }
        WrittenOff = true;
        WrittenOffOn = writtenOffOn;
    }

    private sealed record PaymentIsPositive(decimal Amount) : IBusinessRule
    {
        public bool IsBroken() => Amount <= 0;

        public string Message => $"A payment is positive, not {Amount:0.00}.";
    }

    private sealed record ServicePeriodIsOrdered(DateOnly From, DateOnly To) : IBusinessRule
    {
        public bool IsBroken() => From > To;

        public string Message => $"The service period starts ({From:yyyy-MM-dd}) after it ends ({To:yyyy-MM-dd}).";
    }

    private sealed record InvoiceHasLines(int Count) : IBusinessRule
    {
        public bool IsBroken() => Count == 0;

        public string Message => "An invoice has at least one line.";
    }

    private sealed record CreditIsWithinWhatRemains(decimal Net, decimal Remaining) : IBusinessRule
    {
        public bool IsBroken() => Net <= 0 || Net > Remaining;

        public string Message => $"A credit note credits between 0.01 and what remains to be credited ({Remaining:0.00}), not {Net:0.00}.";
    }

    private sealed record CreditNoteFollowsInvoice(DateOnly CreditDate, DateOnly InvoiceDate) : IBusinessRule
    {
        public bool IsBroken() => CreditDate < InvoiceDate;

        public string Message => $"A credit note cannot be dated before its invoice ({InvoiceDate:yyyy-MM-dd}).";
    }
}

/// <summary>A credit note on an invoice: reduces its revenue and gives back the contribution in proportion.</summary>
internal sealed class CreditNote : AggregateRoot
{
    private CreditNote()
    {
        Number = Reason = null!;
    }

    public Guid EntityId { get; private set; }

    public Guid ActivityId { get; private set; }

    public Guid InvoiceId { get; private set; }

    public Guid ClientId { get; private set; }

    public string Number { get; private set; }

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    public DateOnly IssueDate { get; private set; }

    public decimal Net { get; private set; }

    public decimal Vat { get; private set; }

    public decimal Gross { get; private set; }

    public decimal ContributionRefund { get; private set; }

    public string Reason { get; private set; }

    internal static CreditNote For(Invoice invoice, LegalNumber number, DateOnly issueDate, decimal net, decimal vat, decimal contribution, string reason) => new()
    {
        Id = Guid.CreateVersion7(),
        EntityId = invoice.EntityId,
        ActivityId = invoice.ActivityId,
        InvoiceId = invoice.Id,
        ClientId = invoice.ClientId,
        Number = number.ToString(),
        Year = number.Year,
        Sequence = number.Sequence,
        IssueDate = issueDate,
        Net = net,
        Vat = vat,
        Gross = net + vat,
        ContributionRefund = contribution,
        Reason = reason.Trim(),
    };

    public IReadOnlyList<BudgetEntry> BudgetEntries(DateTimeOffset now) =>
    [
        new(ActivityId, IssueDate, BudgetEntryKind.Revenue, -Net, BudgetSource.CreditNote, Id, $"Credit note {Number}", now),
        new(ActivityId, IssueDate, BudgetEntryKind.Contribution, ContributionRefund, BudgetSource.CreditNote, Id, $"Contribution given back by credit note {Number}", now),
    ];
}
