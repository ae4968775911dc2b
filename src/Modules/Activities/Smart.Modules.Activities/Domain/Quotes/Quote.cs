using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.Invoicing;

namespace Smart.Modules.Activities.Domain.Quotes;

/// <summary>What is stored: expiry is not a stored state but read from the date (<see cref="QuoteState"/>).</summary>
internal enum QuoteStatus
{
    Issued,
    Accepted,
    Declined,
}

/// <summary>What a reader sees: an issued quote past its validity date is expired.</summary>
public enum QuoteState
{
    Open,
    Accepted,
    Declined,
    Expired,
}

/// <summary>
/// A quote ("devis") of an activity to a client: lines computed like invoice lines, valid until a date. The client
/// accepts it (once, while valid, on an open activity: it becomes an invoice) or declines it with a reason.
/// </summary>
internal sealed class Quote : AggregateRoot
{
    public const int MaxReasonLength = 500;

    private readonly List<InvoiceLine> _lines = [];

    private Quote()
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

    public DateOnly ValidUntil { get; private set; }

    public IReadOnlyList<InvoiceLine> Lines => _lines;

    public decimal TotalNet { get; private set; }

    public decimal TotalVat { get; private set; }

    public decimal TotalGross { get; private set; }

    /// <summary>Legal mention when VAT does not apply (exempt training).</summary>
    public string? VatMention { get; private set; }

    /// <summary>
    /// The VAT rate a line asks of its invoice. A rate the exemption set (the quote carries its mention) is not the
    /// member's choice: the invoice applies the treatment in force on acceptance instead, so a 0 % never outlives the
    /// exemption that justified it.
    /// </summary>
    public decimal? RequestedVatRate(InvoiceLine line) => VatMention is null ? line.VatRate : null;

    public QuoteStatus Status { get; private set; }

    /// <summary>Seller, client and contact as printed when issued; null on quotes issued before documents carried them.</summary>
    public DocumentHeading? Heading { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    /// <summary>The invoice issued on acceptance.</summary>
    public Guid? InvoiceId { get; private set; }

    public DateOnly? DeclinedOn { get; private set; }

    public string? DeclineReason { get; private set; }

    public QuoteState StateOn(DateOnly today) => StateOf(Status, ValidUntil, today);

    public static QuoteState StateOf(QuoteStatus status, DateOnly validUntil, DateOnly today) => status switch
    {
        QuoteStatus.Accepted => QuoteState.Accepted,
        QuoteStatus.Declined => QuoteState.Declined,
        _ => today > validUntil ? QuoteState.Expired : QuoteState.Open,
    };

    public static Quote Issue(LegalNumber number, Activity activity, Client client, IReadOnlyList<InvoiceLine> lines, DateOnly issueDate, DateOnly validUntil,
        string? vatMention, DocumentHeading? heading = null)
    {
        activity.EnsureOpen();
        CheckRule(new ClientBelongsToTheActivitysEntity(client.EntityId, activity.EntityId));
        CheckRule(new QuoteHasLines(lines.Count));
        CheckRule(new ValidityFollowsIssue(issueDate, validUntil));
        var quote = new Quote
        {
            Id = Guid.CreateVersion7(),
            EntityId = activity.EntityId,
            ActivityId = activity.Id,
            ClientId = client.Id,
            Number = number.ToString(),
            Year = number.Year,
            Sequence = number.Sequence,
            IssueDate = issueDate,
            ValidUntil = validUntil,
            VatMention = vatMention,
            Status = QuoteStatus.Issued,
            Heading = heading,
        };
        quote._lines.AddRange(lines);
        (quote.TotalNet, quote.TotalVat, quote.TotalGross) = DocumentTotals.Of(lines);
        return quote;
    }

    /// <summary>Checks that the quote may be accepted on a date; the handler then issues the invoice and calls <see cref="MarkAccepted"/>.</summary>
    public void EnsureAcceptable(DateOnly acceptedOn)
    {
        CheckRule(new QuoteIsOpen(Status));
        CheckRule(new AcceptedWhileValid(acceptedOn, IssueDate, ValidUntil));
    }

    public void MarkAccepted(DateOnly acceptedOn, Guid invoiceId)
    {
        EnsureAcceptable(acceptedOn);
        Status = QuoteStatus.Accepted;
        AcceptedOn = acceptedOn;
        InvoiceId = invoiceId;
    }

    public void Decline(DateOnly declinedOn, string reason)
    {
        CheckRule(new QuoteIsOpen(Status));
        CheckRule(new DeclineHasAReason(reason));
        Status = QuoteStatus.Declined;
        DeclinedOn = declinedOn;
        DeclineReason = reason.Trim();
    }

    private sealed record QuoteHasLines(int Count) : IBusinessRule
    {
        public bool IsBroken() => Count == 0;

        public string Message => "A quote has at least one line.";
    }

    private sealed record ValidityFollowsIssue(DateOnly IssueDate, DateOnly ValidUntil) : IBusinessRule
    {
        public bool IsBroken() => ValidUntil < IssueDate;

        public string Message => $"A quote is valid until a date on or after its issue date ({IssueDate:yyyy-MM-dd}), not {ValidUntil:yyyy-MM-dd}.";
    }

    private sealed record QuoteIsOpen(QuoteStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status != QuoteStatus.Issued;

        public string Message => $"The quote is already {Status.ToString().ToLowerInvariant()}; it is accepted or declined once.";
    }

    private sealed record AcceptedWhileValid(DateOnly AcceptedOn, DateOnly IssueDate, DateOnly ValidUntil) : IBusinessRule
    {
        public bool IsBroken() => AcceptedOn > ValidUntil || AcceptedOn < IssueDate;

        public string Message => $"A quote is accepted between its issue date ({IssueDate:yyyy-MM-dd}) and its validity date ({ValidUntil:yyyy-MM-dd}), not on {AcceptedOn:yyyy-MM-dd}.";
    }

    private sealed record DeclineHasAReason(string? Reason) : IBusinessRule
    {
        public bool IsBroken() => string.IsNullOrWhiteSpace(Reason);

        public string Message => "Declining a quote records the client's reason.";
    }
}
