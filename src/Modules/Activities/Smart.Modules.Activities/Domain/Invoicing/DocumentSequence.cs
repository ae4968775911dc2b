using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Activities.Domain.Invoicing;

internal enum DocumentKind
{
    Invoice,
    CreditNote,
    Quote,
    ContractDocument,
}

/// <summary>A document's legal number: gap-free per entity, kind and year, e.g. FA2026-000042, DE2026-000001.</summary>
internal sealed record DocumentNumber(DocumentKind Kind, int Year, int Sequence)
{
    public override string ToString() => $"{Prefix}{Year}-{Sequence:D6}";

    private string Prefix => Kind switch
    {
        DocumentKind.Invoice => "FA",
        DocumentKind.CreditNote => "AV",
        DocumentKind.Quote => "DE",
        DocumentKind.ContractDocument => "CT",
        _ => throw new InvalidOperationException($"Unknown document kind {Kind}."),
    };
}

/// <summary>
/// The numbering of one kind of document of an entity for a year. The row is locked by the issuing transaction,
/// so concurrent issuers take numbers one after the other and a failed transaction gives its number back: no gap,
/// no reuse. Dates follow numbers (a document may not be dated before the previous one, nor in the future).
/// </summary>
internal sealed class DocumentSequence
{
    private DocumentSequence()
    {
    }

    public Guid EntityId { get; private set; }

    public DocumentKind Kind { get; private set; }

    public int Year { get; private set; }

    public int LastNumber { get; private set; }

    public DateOnly? LastIssueDate { get; private set; }

    public DocumentNumber Next(DateOnly issueDate, DateOnly today)
    {
        BusinessRules.Check(new DocumentIsNotPostDated(issueDate, today));
        BusinessRules.Check(new NumberingFollowsDates(issueDate, LastIssueDate));
        LastNumber++;
        LastIssueDate = issueDate;
        return new DocumentNumber(Kind, Year, LastNumber);
    }

    private sealed record DocumentIsNotPostDated(DateOnly IssueDate, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => IssueDate > Today;

        public string Message => $"A document cannot be dated in the future ({IssueDate:yyyy-MM-dd}).";
    }

    private sealed record NumberingFollowsDates(DateOnly IssueDate, DateOnly? LastIssueDate) : IBusinessRule
    {
        public bool IsBroken() => IssueDate < LastIssueDate;

        public string Message => $"Numbers follow dates: the previous document of this series is dated {LastIssueDate:yyyy-MM-dd}, after {IssueDate:yyyy-MM-dd}.";
    }
}
