using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.Budget;

public sealed record BudgetTotal(BudgetEntryKind Kind, decimal Amount);

/// <summary>
/// <see cref="Committed"/>: employment budgets of pending salary requests; <see cref="OutstandingInstalments"/>: what
/// advances and leases will still deduct; <see cref="AvailableForSalaries"/> = balance − both (negative while the
/// balance does not cover the debts yet).
/// </summary>
public sealed record BudgetView(Guid ActivityId, decimal Balance, decimal Committed, decimal OutstandingInstalments, decimal AvailableForSalaries,
    IReadOnlyList<BudgetTotal> TotalsByKind);

public sealed record BudgetEntryView(long Id, DateOnly Date, BudgetEntryKind Kind, decimal Amount, BudgetSource Source, Guid SourceId, string Description);

/// <summary>The activity's balance, derived from its ledger, with totals by kind of entry and what is left for salaries.</summary>
public sealed record GetBudget(Guid ActivityId);

/// <summary>Ledger entries of an activity between two dates (inclusive), oldest first.</summary>
public sealed record ListBudgetEntries(Guid ActivityId, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 100)
{
    internal sealed class Validator : AbstractValidator<ListBudgetEntries>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 500);
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
        }
    }
}

public sealed class BudgetQueriesHandler(ICurrentUser user)
{
    public async Task<BudgetView> HandleAsync(GetBudget query, IQuerySession session, CancellationToken cancellationToken)
    {
        await session.VisibleActivityAsync(user, query.ActivityId, cancellationToken);
        var budget = await session.BudgetAsync(query.ActivityId, cancellationToken);
        return new BudgetView(query.ActivityId, budget.Balance, budget.Committed, budget.OutstandingInstalments, budget.Available,
            budget.Totals.Select(t => new BudgetTotal(t.Key, t.Value)).OrderBy(t => t.Kind).ToList());
    }

    /// <summary>The id of an entry is its position in the activity's ledger.</summary>
    public async Task<PagedResult<BudgetEntryView>> HandleAsync(ListBudgetEntries query, IQuerySession session, CancellationToken cancellationToken)
    {
        await session.VisibleActivityAsync(user, query.ActivityId, cancellationToken);
        var entries = session.Query<LedgerEntry>().Where(e => e.ActivityId == query.ActivityId);
        if (query.From is { } from) entries = entries.Where(e => e.Date >= from);
        if (query.To is { } to) entries = entries.Where(e => e.Date <= to);
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderBy(e => e.Date).ThenBy(e => e.Sequence).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<BudgetEntryView>(page.Select(e => new BudgetEntryView(e.Sequence, e.Date, e.Kind, e.Amount, e.Source, e.SourceId, e.Description)).ToList(),
            query.Page, query.PageSize, total);
    }
}

public static class BudgetQueriesEndpoints
{
    [WolverineGet("/api/activities/activities/{activityId:guid}/budget", OperationId = "GetBudget"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The activity's budget balance, derived from its ledger, with totals by kind, committed salaries and what is available for salaries.")]
    public static async Task<Ok<BudgetView>> Get(Guid activityId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<BudgetView>(new GetBudget(activityId), ct));

    [WolverineGet("/api/activities/activities/{activityId:guid}/budget/entries", OperationId = "ListBudgetEntries"), ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The activity's ledger entries for a period, oldest first.")]
    public static async Task<Ok<PagedResult<BudgetEntryView>>> List(Guid activityId, DateOnly? from, DateOnly? to, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<BudgetEntryView>>(new ListBudgetEntries(activityId, from, to, page ?? 1, pageSize ?? 100), ct));
}
