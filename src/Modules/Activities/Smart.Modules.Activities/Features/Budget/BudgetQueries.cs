using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.Features.Financing;
using Smart.Modules.Activities.Features.Salaries;
using Smart.Modules.Activities.Persistence;

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

public sealed class BudgetQueriesHandler(ActivitiesDbContext db, ICurrentUser user)
{
    public async Task<BudgetView> HandleAsync(GetBudget query, CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(query.ActivityId, cancellationToken);
        var totals = await db.BudgetEntries.Where(e => e.ActivityId == query.ActivityId)
            .GroupBy(e => e.Kind).Select(g => new BudgetTotal(g.Key, g.Sum(e => e.Amount))).ToListAsync(cancellationToken);
        var balance = totals.Sum(t => t.Amount);
        var committed = await db.CommittedAsync(query.ActivityId, cancellationToken);
        var outstanding = await db.OutstandingInstalmentsAsync(query.ActivityId, cancellationToken);
        return new BudgetView(query.ActivityId, balance, committed, outstanding, SalaryBudget.AvailableOf(balance, committed, outstanding), totals.OrderBy(t => t.Kind).ToList());
    }

    public async Task<PagedResult<BudgetEntryView>> HandleAsync(ListBudgetEntries query, CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(query.ActivityId, cancellationToken);
        var entries = db.BudgetEntries.AsNoTracking().Where(e => e.ActivityId == query.ActivityId);
        if (query.From is { } from) entries = entries.Where(e => e.Date >= from);
        if (query.To is { } to) entries = entries.Where(e => e.Date <= to);
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderBy(e => e.Date).ThenBy(e => e.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(e => new BudgetEntryView(e.Id, e.Date, e.Kind, e.Amount, e.Source, e.SourceId, e.Description)).ToListAsync(cancellationToken);
        return new PagedResult<BudgetEntryView>(page, query.Page, query.PageSize, total);
    }

    private async Task EnsureVisibleAsync(Guid activityId, CancellationToken cancellationToken)
    {
        if (!await db.Activities.VisibleTo(user).AnyAsync(a => a.Id == activityId, cancellationToken))
        {
            throw new NotFoundException("Activity", activityId);
        }
    }
}

internal sealed class BudgetQueriesEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/activities/{activityId:guid}/budget", async (Guid activityId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<BudgetView>(new GetBudget(activityId), ct)))
            .WithName("GetBudget")
            .WithSummary("The activity's budget balance, derived from its ledger, with totals by kind, committed salaries and what is available for salaries.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/activities/{activityId:guid}/budget/entries", async (Guid activityId, DateOnly? from, DateOnly? to, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<PagedResult<BudgetEntryView>>(new ListBudgetEntries(activityId, from, to, page ?? 1, pageSize ?? 100), ct)))
            .WithName("ListBudgetEntries")
            .WithSummary("The activity's ledger entries for a period, oldest first.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
