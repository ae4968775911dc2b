using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Collections.Domain.BankStatements;
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Features.Payments;
using Smart.Modules.Collections.Features.Receivables;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Collections.Features.BankStatements;

/// <summary>
/// A bank statement file of an entity's account, as text: a CSV export read through <see cref="ColumnMap"/>, or a CAMT.053
/// document. Credit lines are matched to the entity's receivables and booked as payments; the others wait in the queue.
/// </summary>
public sealed record ImportBankStatement(Guid EntityId, StatementFormat Format, string Content, CsvColumnMap? ColumnMap)
{
    /// <summary>A 20,000-line CAMT file stays under it.</summary>
    public const int MaxContentLength = 20_000_000;

    public static readonly IReadOnlyList<string> DateFormats = ["dd/MM/yyyy", "yyyy-MM-dd", "dd.MM.yyyy", "dd-MM-yyyy", "MM/dd/yyyy"];

    public static readonly IReadOnlyList<string> Delimiters = [";", ",", "\t", "|"];

    internal sealed class Validator : AbstractValidator<ImportBankStatement>
    {
        public Validator()
        {
            RuleFor(c => c.EntityId).NotEmpty();
            RuleFor(c => c.Format).IsInEnum();
            RuleFor(c => c.Content).NotEmpty().MaximumLength(MaxContentLength);
            RuleFor(c => c.ColumnMap).NotNull().When(c => c.Format == StatementFormat.Csv).WithMessage("A CSV file needs its column map.");
            When(c => c.Format == StatementFormat.Csv && c.ColumnMap is not null, () =>
            {
                RuleFor(c => c.ColumnMap!.BookedOn).NotEmpty().MaximumLength(100).OverridePropertyName("columnMap.bookedOn");
                RuleFor(c => c.ColumnMap!.Amount).NotEmpty().MaximumLength(100).OverridePropertyName("columnMap.amount");
                RuleFor(c => c.ColumnMap!.Reference).NotEmpty().MaximumLength(100).OverridePropertyName("columnMap.reference");
                RuleFor(c => c.ColumnMap!.Currency).MaximumLength(100).OverridePropertyName("columnMap.currency");
                RuleFor(c => c.ColumnMap!.Counterparty).MaximumLength(100).OverridePropertyName("columnMap.counterparty");
                RuleFor(c => c.ColumnMap!.Delimiter).Must(d => Delimiters.Contains(d)).OverridePropertyName("columnMap.delimiter")
                    .WithMessage("One of ; , | or a tab.");
                RuleFor(c => c.ColumnMap!.DateFormat).Must(f => DateFormats.Contains(f)).OverridePropertyName("columnMap.dateFormat")
                    .WithMessage($"One of {string.Join(", ", DateFormats)}.");
                RuleFor(c => c.ColumnMap!.DecimalSeparator).Must(s => s is '.' or ',').OverridePropertyName("columnMap.decimalSeparator")
                    .WithMessage("A dot or a comma.");
                RuleFor(c => c.ColumnMap!.DefaultCurrency).Must(c => PaymentInput.KnownCurrencies.Contains(c)).OverridePropertyName("columnMap.defaultCurrency")
                    .WithMessage($"One of {string.Join(", ", PaymentInput.KnownCurrencies)}.");
            });
            // The file itself, once the request is well formed: a wrong column map or a malformed file is a 400 naming it, nothing imported.
            RuleFor(c => c).Custom((command, context) =>
            {
                foreach (var problem in StatementFile.Read(command.Format, command.Content, command.ColumnMap).Problems)
                {
                    context.AddFailure(new ValidationFailure(problem.Field, problem.Message));
                }
            }).When(c => c.Content is { Length: > 0 and <= MaxContentLength } && Enum.IsDefined(c.Format)
                         && (c.Format != StatementFormat.Csv || c.ColumnMap is { BookedOn: not null, Amount: not null, Reference: not null, Delimiter: not null, DateFormat: not null }
                             && Delimiters.Contains(c.ColumnMap.Delimiter) && DateFormats.Contains(c.ColumnMap.DateFormat)));
        }
    }
}

/// <summary>
/// What an import did: lines read, credits matched and booked, left unmatched, already imported before (a file or line
/// seen again books nothing), debits ignored. <see cref="AlreadyImportedFile"/>: this very file was imported before.
/// </summary>
public sealed record BankStatementView(Guid Id, StatementFormat Format, DateTimeOffset ImportedAt, int Lines, int Matched, int Unmatched, int AlreadyImported,
    int Debits, bool AlreadyImportedFile)
{
    internal static BankStatementView From(BankStatement s, bool again) =>
        new(s.Id, s.Format, s.ImportedAt, s.Lines, s.Matched, s.Unmatched, s.AlreadyImported, s.Debits, again);
}

public sealed class ImportBankStatementHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<(BankStatementView, OutgoingMessages)> HandleAsync(ImportBankStatement command, IDocumentSession session, CancellationToken cancellationToken)
    {
        user.EnsureEntityOf(command.EntityId);
        var fileId = BankStatementLine.Identity($"{command.EntityId}|file|{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(command.Content)))}");
        if (await session.LoadAsync<BankStatement>(fileId, cancellationToken) is { } known) return (BankStatementView.From(known, again: true), []);

        var lines = StatementFile.Read(command.Format, command.Content, command.ColumnMap).Lines;
        var credits = Identified(command.EntityId, lines.Where(l => l.IsCredit));
        var seen = (await session.LoadManyAsync<BankStatementLine>(cancellationToken, credits.Select(c => c.Id).ToList())).Select(l => l.Id).ToHashSet();
        var fresh = credits.Where(c => seen.Add(c.Id)).ToList();

        var (byNumber, byOutstanding) = await CandidatesAsync(session, command.EntityId, fresh.Select(f => f.Line).ToList(), cancellationToken);
        var today = clock.Today();
        var matches = fresh.Select(f => (f.Id, f.Line, Match: StatementMatching.Match(f.Line, today, byNumber, byOutstanding))).ToList();
        var streams = await session.FetchManyForWritingAsync(matches.Where(m => m.Match.Receivable is not null).Select(m => m.Match.Receivable!.Id), cancellationToken);

        var outgoing = new OutgoingMessages();
        foreach (var (id, line, (candidate, how, why)) in matches)
        {
            if (candidate is not null)
            {
                var (stream, receivable) = streams[candidate.Id];
                var events = receivable.RecordPayment(new PaymentRecorded(id, line.BookedOn, line.Amount, Trimmed(line.Reference, 140)), line.Currency, today);
                stream.AppendMany(events);
                streams[candidate.Id] = (stream, receivable = receivable.After(events));
                foreach (var message in ReceivablePublications.Published(receivable, events)) outgoing.Add(message);
            }
            // Insert, not store: a concurrent import of the same line fails its transaction instead of booking it twice.
            session.Insert(new BankStatementLine(id, command.EntityId, fileId, line.BookedOn, line.Amount, line.Currency, Trimmed(line.Reference, 500),
                line.Counterparty is null ? null : Trimmed(line.Counterparty, 200), candidate is null ? BankLineStatus.Unmatched : BankLineStatus.Matched,
                how, candidate?.Id, why));
        }
        var matched = matches.Count(m => m.Match.Receivable is not null);
        var statement = new BankStatement(fileId, command.EntityId, command.Format, clock.GetUtcNow(), lines.Count, matched, matches.Count - matched,
            credits.Count - fresh.Count, lines.Count(l => !l.IsCredit));
        session.Insert(statement);
        return (BankStatementView.From(statement, again: false), outgoing);
    }

    /// <summary>Each credit line with its identity; identical lines of one file are told apart by their rank.</summary>
    private static List<(Guid Id, StatementLine Line)> Identified(Guid entityId, IEnumerable<StatementLine> credits)
    {
        var ranks = new Dictionary<Guid, int>();
        return credits.Select(line =>
        {
            var first = BankStatementLine.IdOf(entityId, line, 0);
            var rank = ranks[first] = ranks.GetValueOrDefault(first, -1) + 1;
            return (rank == 0 ? first : BankStatementLine.IdOf(entityId, line, rank), line);
        }).ToList();
    }

    /// <summary>The entity's receivables named in the lines' references, and its payable ones of the other lines' payers due for one of their amounts.</summary>
    private static async Task<(Dictionary<string, MatchCandidate>, ILookup<decimal, MatchCandidate>)> CandidatesAsync(IQuerySession session, Guid entityId,
        IReadOnlyList<StatementLine> lines, CancellationToken cancellationToken)
    {
        var words = lines.SelectMany(l => StatementMatching.NumberCandidates(l.Reference)).Distinct().ToArray();
        var numbered = words.Length == 0 ? [] : await session.Query<Receivable>().Where(r => r.EntityId == entityId && r.Number.IsOneOf(words)).ToListAsync(cancellationToken);
        var byNumber = numbered.GroupBy(r => r.Number.ToUpperInvariant()).ToDictionary(g => g.Key, g => Candidate(g.First()));
        var unnumbered = lines.Where(l => l.Counterparty is { Length: > 0 } && !StatementMatching.NumberCandidates(l.Reference).Any(byNumber.ContainsKey)).ToList();
        var amounts = unnumbered.Select(l => l.Amount).Distinct().ToArray();
        var clients = unnumbered.Select(l => StatementMatching.Normalized(l.Counterparty!)).Distinct().ToArray();
        var byAmount = amounts.Length == 0 ? [] : await session.Query<Receivable>()
            .Where(r => r.EntityId == entityId && (r.Status == ReceivableStatus.Open || r.Status == ReceivableStatus.Disputed) && r.ClientKey.IsOneOf(clients)
                        && r.Outstanding.IsOneOf(amounts))
            .ToListAsync(cancellationToken);
        return (byNumber, byAmount.Select(Candidate).ToLookup(c => c.Outstanding));
    }

    private static MatchCandidate Candidate(Receivable r) => new(r.Id, r.Number, r.ClientKey, r.Currency, r.Outstanding, r.Status != ReceivableStatus.WrittenOff);

    private static string Trimmed(string text, int max) => text.Length <= max ? text : text[..max];
}

public static class ImportBankStatementEndpoint
{
    [WolverinePost("/api/collections/bank-statements", OperationId = "ImportBankStatement"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Imports a bank statement of an entity (operators): CSV with its column map, or CAMT.053; credits are matched to receivables and booked, the rest wait in the unmatched queue. A file or line imported again books nothing.")]
    public static async Task<Ok<BankStatementView>> Post(ImportBankStatement command, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<BankStatementView>(command, ct));
}
