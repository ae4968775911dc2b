using FluentValidation;
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
using Smart.Modules.Collections.Features.Receivables;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Collections.Features.BankStatements;

public sealed record BankLineView(Guid Id, Guid EntityId, Guid StatementId, DateOnly BookedOn, decimal Amount, string Currency, string Reference,
    string? Counterparty, BankLineStatus Status, BankLineMatch? MatchedBy, Guid? ReceivableId, string? Note)
{
    internal static BankLineView From(BankStatementLine l) =>
        new(l.Id, l.EntityId, l.StatementId, l.BookedOn, l.Amount, l.Currency, l.Reference, l.Counterparty, l.Status, l.MatchedBy, l.ReceivableId, l.Note);
}

/// <summary>The lines of an entity's statements (default the caller's), by status (e.g. the unmatched queue) and import, the oldest first.</summary>
public sealed record ListBankLines(Guid? EntityId, BankLineStatus? Status, Guid? StatementId, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListBankLines>
    {
        public Validator()
        {
            RuleFor(q => q.Status).IsInEnum();
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }
}

public sealed record BankLineMatchInput(Guid ReceivableId)
{
    internal sealed class Validator : AbstractValidator<BankLineMatchInput>
    {
        public Validator() => RuleFor(m => m.ReceivableId).NotEmpty();
    }
}

/// <summary>A person books an unmatched line on the receivable it pays (of the same entity, in the same currency).</summary>
public sealed record MatchBankLine(Guid LineId, BankLineMatchInput Match)
{
    internal sealed class Validator : AbstractValidator<MatchBankLine>
    {
        public Validator()
        {
            RuleFor(c => c.LineId).NotEmpty();
            RuleFor(c => c.Match).NotNull().SetValidator(new BankLineMatchInput.Validator());
        }
    }
}

public sealed record BankLineDismissal(string Reason)
{
    internal sealed class Validator : AbstractValidator<BankLineDismissal>
    {
        public Validator() => RuleFor(d => d.Reason).NotEmpty().MaximumLength(2000);
    }
}

/// <summary>A person judges an unmatched line is no client's payment: it leaves the queue, with the reason.</summary>
public sealed record DismissBankLine(Guid LineId, BankLineDismissal Dismissal)
{
    internal sealed class Validator : AbstractValidator<DismissBankLine>
    {
        public Validator()
        {
            RuleFor(c => c.LineId).NotEmpty();
            RuleFor(c => c.Dismissal).NotNull().SetValidator(new BankLineDismissal.Validator());
        }
    }
}

public sealed class BankLinesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<PagedResult<BankLineView>> HandleAsync(ListBankLines query, IQuerySession session, CancellationToken cancellationToken)
    {
        var entityId = query.EntityId ?? user.EntityId ?? throw new NotFoundException("Entity", "none");
        user.EnsureEntityOf(entityId);
        var lines = session.Query<BankStatementLine>().Where(l => l.EntityId == entityId);
        if (query.Status is { } status) lines = lines.Where(l => l.Status == status);
        if (query.StatementId is { } statementId) lines = lines.Where(l => l.StatementId == statementId);
        var total = await lines.CountAsync(cancellationToken);
        var page = await lines.OrderBy(l => l.BookedOn).ThenBy(l => l.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<BankLineView>(page.Select(BankLineView.From).ToList(), query.Page, query.PageSize, total);
    }

    /// <summary>The line, matched; the receivable takes the payment (its id is the line's) and may be settled.</summary>
    public async Task<(BankLineView, OutgoingMessages)> HandleAsync(MatchBankLine command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var line = await BankLines.LoadAsync(session, user, command.LineId, cancellationToken);
        var (stream, receivable) = await session.FetchVisibleForWritingAsync(command.Match.ReceivableId, user, cancellationToken);
        if (receivable.EntityId != line.EntityId) throw new NotFoundException("Receivable", command.Match.ReceivableId);
        var matched = line.MatchByHand(receivable.Id, receivable.Currency);
        var events = receivable.RecordPayment(new PaymentRecorded(line.Id, line.BookedOn, line.Amount, line.Reference.Length <= 140 ? line.Reference : line.Reference[..140]),
            line.Currency, clock.Today());
        stream.AppendMany(events);
        session.Store(matched);
        return (BankLineView.From(matched), ReceivablePublications.Published(receivable.After(events), events));
    }

    public async Task<BankLineView> HandleAsync(DismissBankLine command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var line = await BankLines.LoadAsync(session, user, command.LineId, cancellationToken);
        var dismissed = line.Dismiss(command.Dismissal.Reason.Trim());
        session.Store(dismissed);
        return BankLineView.From(dismissed);
    }
}

internal static class BankLines
{
    public static async Task<BankStatementLine> LoadAsync(IQuerySession session, ICurrentUser user, Guid lineId, CancellationToken cancellationToken)
    {
        var line = await session.LoadAsync<BankStatementLine>(lineId, cancellationToken);
        if (line is null || (!user.IsPlatformAdmin() && user.EntityId != line.EntityId)) throw new NotFoundException("Bank statement line", lineId);
        return line;
    }
}

public static class BankLinesEndpoints
{
    [WolverineGet("/api/collections/bank-statement-lines", OperationId = "ListBankStatementLines"), Authorize(SmartPolicies.Operator)]
    [ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The lines of an entity's imported statements (operators), by status (Unmatched is the queue waiting for a person) and import.")]
    public static async Task<Ok<PagedResult<BankLineView>>> List(Guid? entityId, BankLineStatus? status, Guid? statementId, int? page, int? pageSize, IMessageBus bus,
        CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<BankLineView>>(new ListBankLines(entityId, status, statementId, page ?? 1, pageSize ?? 50), ct));

    [WolverinePost("/api/collections/bank-statement-lines/{lineId:guid}/match", OperationId = "MatchBankStatementLine"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Books an unmatched statement line on the receivable it pays (operators).")]
    public static async Task<Ok<BankLineView>> Match(Guid lineId, BankLineMatchInput match, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<BankLineView>(new MatchBankLine(lineId, match), ct));

    [WolverinePost("/api/collections/bank-statement-lines/{lineId:guid}/dismiss", OperationId = "DismissBankStatementLine"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Takes an unmatched statement line out of the queue as no client's payment (operators), with the reason.")]
    public static async Task<Ok<BankLineView>> Dismiss(Guid lineId, BankLineDismissal dismissal, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<BankLineView>(new DismissBankLine(lineId, dismissal), ct));
}
