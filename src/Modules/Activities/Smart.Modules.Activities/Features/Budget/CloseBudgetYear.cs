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
using Smart.Modules.Activities.Persistence;

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

public sealed class CloseBudgetYearHandler(ActivitiesDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<BudgetYearClosed> HandleAsync(CloseBudgetYear command, CancellationToken cancellationToken)
    {
        var yearEnd = new DateOnly(command.Year, 12, 31);
        BusinessRules.Check(new YearIsOver(yearEnd, clock.Today()));
        var activities = db.Activities.VisibleTo(user).Select(a => a.Id);
        BusinessRules.Check(new YearIsNotClosedYet(command.Year,
            await db.BudgetEntries.AnyAsync(e => activities.Contains(e.ActivityId) && e.Source == BudgetSource.YearEndClose && e.Date == yearEnd, cancellationToken)));

        var balances = await db.BudgetEntries
            .Where(e => activities.Contains(e.ActivityId) && e.Date <= yearEnd)
            .GroupBy(e => e.ActivityId)
            .Select(g => new { ActivityId = g.Key, Balance = g.Sum(e => e.Amount) })
            .Where(b => b.Balance != 0m)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (activityId, balance) in balances.Select(b => (b.ActivityId, b.Balance)))
        {
            db.BudgetEntries.AddRange(BudgetEntry.CarryForward(activityId, command.Year, balance, now));
        }
        return new BudgetYearClosed(command.Year, balances.Count, balances.Sum(b => b.Balance));
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

internal sealed class CloseBudgetYearEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module) => module
        .MapPost("/budget-years/{year:int}/close", async (int year, IMessageBus bus, CancellationToken ct) =>
            TypedResults.Ok(await bus.InvokeAsync<BudgetYearClosed>(new CloseBudgetYear(year), ct)))
        .RequireAuthorization(SmartPolicies.Operator)
        .WithName("CloseBudgetYear")
        .WithSummary("Carries every activity's unspent balance of the year over to the next (operators, for their entity).")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict);
}
