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

/// <summary>
/// Year-end close of the caller's entity: each activity's unspent balance on 31 December leaves the year and
/// enters the next on 1 January (two ledger entries), so yearly statements start from what was carried over.
/// The all-time balance does not change.
/// </summary>
public sealed record CloseBudgetYear(int Year)
{
    internal sealed class Validator : AbstractValidator<CloseBudgetYear>
    {
        public Validator() => RuleFor(c => c.Year).InclusiveBetween(2000, 2100);
    }
}

public sealed record BudgetYearClosed(int Year, int ActivitiesCarriedForward, decimal TotalCarriedForward);

public sealed class CloseBudgetYearHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<BudgetYearClosed> HandleAsync(CloseBudgetYear command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var yearEnd = new DateOnly(command.Year, 12, 31);
        BusinessRules.Check(new YearIsOver(yearEnd, clock.Today()));
        var activities = await session.VisibleActivityIdsAsync(user, cancellationToken);
        BusinessRules.Check(new YearIsNotClosedYet(command.Year, await session.Query<LedgerEntry>()
            .AnyAsync(e => e.Source == BudgetSource.YearEndClose && e.Date == yearEnd && activities.Contains(e.ActivityId), cancellationToken)));

        // The snapshots say which ledgers have something to carry; each is then taken (in one order: two closes never
        // wait on each other) and its balance read again under the lock.
        var candidates = (await session.LoadManyAsync<ActivityBudget>(cancellationToken, activities))
            .Where(b => b.BalanceAtEndOf(command.Year) != 0m).Select(b => b.Id).Order().ToList();
        var now = clock.GetUtcNow();
        var carried = new List<decimal>();
        foreach (var activityId in candidates)
        {
            var ledger = await session.LedgerAsync(activityId, cancellationToken);
            var balance = ledger.Budget.BalanceAtEndOf(command.Year);
            if (balance == 0m) continue;
            ledger.Append(BudgetEntry.CarryForward(activityId, command.Year, balance, now));
            carried.Add(balance);
        }
        return new BudgetYearClosed(command.Year, carried.Count, carried.Sum());
    }

    private sealed record YearIsOver(DateOnly YearEnd, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => Today <= YearEnd;

        public string Message => $"The year ends on {YearEnd:yyyy-MM-dd}: it can be closed from the day after.";
    }

    private sealed record YearIsNotClosedYet(int Year, bool Closed) : IBusinessRule
    {
        public bool IsBroken() => Closed;

        public string Message => $"{Year} is already closed.";
    }
}

public static class CloseBudgetYearEndpoint
{
    [WolverinePost("/api/activities/budget-years/{year:int}/close", OperationId = "CloseBudgetYear"), Authorize(SmartPolicies.Operator), ProducesValidationProblem,
     ProducesProblem(StatusCodes.Status409Conflict)]
    [EndpointSummary("Carries every activity's unspent balance of the year over to the next (operators, for their entity).")]
    public static async Task<Ok<BudgetYearClosed>> Post(int year, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<BudgetYearClosed>(new CloseBudgetYear(year), ct));
}
