using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Collections.Domain.BankStatements;

public enum BankLineStatus
{
    /// <summary>Booked as a payment on a receivable.</summary>
    Matched,

    /// <summary>Waiting for a person: no receivable, or several, fit it.</summary>
    Unmatched,

    /// <summary>A person judged it is no client's payment (a bank's interest, a transfer between accounts).</summary>
    Dismissed,
}

/// <summary>How a line found its receivable.</summary>
public enum BankLineMatch
{
    /// <summary>The invoice's number appears in the line's reference.</summary>
    InvoiceNumber,

    /// <summary>No number, but exactly one open receivable of that client is due for exactly that amount.</summary>
    AmountAndClient,

    /// <summary>A person chose the receivable from the unmatched queue.</summary>
    ByHand,
}

/// <summary>
/// A credit line of an imported statement, kept once: its id derives from the entity and the line's identity, so the
/// same line in a second file (or the same file twice) is recognised and books nothing. A matched line's id is the
/// payment's id on the receivable.
/// </summary>
internal sealed record BankStatementLine(Guid Id, Guid EntityId, Guid StatementId, DateOnly BookedOn, decimal Amount, string Currency,
    string Reference, string? Counterparty, BankLineStatus Status, BankLineMatch? MatchedBy, Guid? ReceivableId, string? Note)
{
    /// <summary>A line's identity: the bank's entry reference when there is one, else its content and its rank among the file's identical lines.</summary>
    public static Guid IdOf(Guid entityId, StatementLine line, int rank) =>
        Identity(line.BankReference is { Length: > 0 } bank
            ? $"{entityId}|bank|{bank}"
            : $"{entityId}|{line.BookedOn:yyyy-MM-dd}|{line.Amount:0.00}|{line.Currency}|{line.Reference}|{line.Counterparty}|{rank}");

    /// <summary>A stable Guid from a text (the first 16 bytes of its SHA-256).</summary>
    public static Guid Identity(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    public BankStatementLine MatchByHand(Guid receivableId, string currency)
    {
        BusinessRules.Check(new OnlyAnUnmatchedLine(Status));
        BusinessRules.Check(new SameCurrency(Currency, currency));
        return this with { Status = BankLineStatus.Matched, MatchedBy = BankLineMatch.ByHand, ReceivableId = receivableId, Note = null };
    }

    public BankStatementLine Dismiss(string reason)
    {
        BusinessRules.Check(new OnlyAnUnmatchedLine(Status));
        return this with { Status = BankLineStatus.Dismissed, Note = reason };
    }

    private sealed record OnlyAnUnmatchedLine(BankLineStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status != BankLineStatus.Unmatched;

        public string Message => $"Only an unmatched line can be matched or dismissed; this one is {Status}.";
    }

    private sealed record SameCurrency(string Line, string Receivable) : IBusinessRule
    {
        public bool IsBroken() => Line != Receivable;

        public string Message => $"The line is in {Line}, the invoice in {Receivable}.";
    }
}

/// <summary>An import: the file's hash makes a second import of the same file a no-op that answers the first one's result.</summary>
internal sealed record BankStatement(Guid Id, Guid EntityId, StatementFormat Format, DateTimeOffset ImportedAt, int Lines, int Matched, int Unmatched,
    int AlreadyImported, int Debits);

/// <summary>What a receivable offers to matching: its number, client, currency and what is left to pay.</summary>
internal sealed record MatchCandidate(Guid Id, string Number, string ClientKey, string Currency, decimal Outstanding, bool Payable);

/// <summary>The receivable a line pays, or why none: the rules of automatic matching, pure.</summary>
internal static partial class StatementMatching
{
    /// <summary>Words of a reference that may be an invoice number (letters, digits, dashes and slashes), upper-cased.</summary>
    public static IEnumerable<string> NumberCandidates(string reference) =>
        Words().Matches(reference).Select(m => m.Value.ToUpperInvariant()).Distinct();

    /// <summary>
    /// The invoice number in the reference first (any amount: partial payments and overpayments are the invoice's), then
    /// exactly one payable receivable of a client of that name for exactly that amount; a line dated after today, never; otherwise the line waits for a person.
    /// </summary>
    public static (MatchCandidate? Receivable, BankLineMatch? How, string? Why) Match(StatementLine line, DateOnly today,
        IReadOnlyDictionary<string, MatchCandidate> byNumber, ILookup<decimal, MatchCandidate> byOutstanding)
    {
        if (line.BookedOn > today) return (null, null, $"Booked on {line.BookedOn:yyyy-MM-dd}, after today.");
        var numbered = NumberCandidates(line.Reference).Select(n => byNumber.GetValueOrDefault(n)).OfType<MatchCandidate>().Distinct().ToList();
        if (numbered.Count > 1) return (null, null, $"The reference names several invoices ({string.Join(", ", numbered.Select(r => r.Number))}).");
        if (numbered.Count == 1)
        {
            var receivable = numbered[0];
            if (receivable.Currency != line.Currency) return (null, null, $"Invoice {receivable.Number} is in {receivable.Currency}, the line in {line.Currency}.");
            return receivable.Payable ? (receivable, BankLineMatch.InvoiceNumber, null) : (null, null, $"Invoice {receivable.Number} was written off.");
        }
        if (line.Counterparty is not { Length: > 0 } client) return (null, null, "No invoice number in the reference, and no payer's name.");
        var byClient = byOutstanding[line.Amount]
            .Where(r => r.Payable && r.Currency == line.Currency && string.Equals(r.ClientKey, Normalized(client), StringComparison.Ordinal)).ToList();
        return byClient.Count switch
        {
            1 => (byClient[0], BankLineMatch.AmountAndClient, null),
            0 => (null, null, $"No invoice number in the reference, and no open invoice of {line.Amount:0.00} {line.Currency} to {client}."),
            _ => (null, null, $"No invoice number in the reference, and {byClient.Count} open invoices of {line.Amount:0.00} to {client}."),
        };
    }

    /// <summary>Names compared without case, accents, punctuation or repeated spaces ("SARL Théâtre-du-Nord" = "sarl theatre du nord").</summary>
    public static string Normalized(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c)) kept.Append(char.ToLowerInvariant(c));
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark
                     && kept.Length > 0 && kept[^1] != ' ') kept.Append(' ');
        }
        return kept.ToString().Trim();
    }

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9\-/]*[A-Za-z0-9]")]
    private static partial Regex Words();
}
