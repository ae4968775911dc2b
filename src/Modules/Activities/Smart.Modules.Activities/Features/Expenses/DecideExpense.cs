using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Expenses;
using Smart.Modules.Activities.Persistence;

namespace Smart.Modules.Activities.Features.Expenses;

/// <summary>An advisor approves a submitted expense: its cost net of recoverable VAT is booked on the activity's budget. Publishes <see cref="ExpenseApproved"/>.</summary>
public sealed record ApproveExpense(Guid ExpenseId);

/// <summary>An advisor refuses a submitted expense, saying why; nothing is booked.</summary>
public sealed record RefuseExpense(Guid ExpenseId, string Reason)
{
    internal sealed class Validator : AbstractValidator<RefuseExpense>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(Expense.MaxRefusalReasonLength);
        }
    }
}

internal sealed record RefuseExpenseRequest(string Reason);

public sealed class ExpenseDecisionsHandler(ActivitiesDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Returns the event: Wolverine publishes it with the transaction.</summary>
    public async Task<ExpenseApproved> HandleAsync(ApproveExpense command, CancellationToken cancellationToken)
    {
        var (expense, activity) = await LoadAsync(command.ExpenseId, cancellationToken);
        var entry = expense.Approve(activity, DeciderId(), user.MemberId, clock.Today(), clock.GetUtcNow());
        db.BudgetEntries.Add(entry);
        return new ExpenseApproved(expense.Id, expense.ActivityId, expense.EntityId, expense.ExpenseDate, entry.Date,
            expense.AmountInclVat, expense.RecoverableVat, expense.Category);
    }

    public async Task HandleAsync(RefuseExpense command, CancellationToken cancellationToken)
    {
        var (expense, _) = await LoadAsync(command.ExpenseId, cancellationToken);
        expense.Refuse(DeciderId(), user.MemberId, command.Reason, clock.Today());
    }

    /// <summary>
    /// The expense with its activity, when the caller may see the activity; otherwise it does not exist for them. The
    /// activity's row is locked first: approving spends its budget, so it queues with closing and other spending.
    /// </summary>
    private async Task<(Expense Expense, Activity Activity)> LoadAsync(Guid expenseId, CancellationToken cancellationToken)
    {
        if (await db.Expenses.Where(e => e.Id == expenseId).Select(e => (Guid?)e.ActivityId).SingleOrDefaultAsync(cancellationToken) is { } activityId)
        {
            await db.LockActivityAsync(activityId, cancellationToken);
        }
        var found = await (from e in db.Expenses
                           join a in db.Activities.VisibleTo(user) on e.ActivityId equals a.Id
                           where e.Id == expenseId
                           select new { e, a }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Expense", expenseId);
        return (found.e, found.a);
    }

    private Guid DeciderId() => user.UserId ?? throw new InvalidOperationException("An expense is decided by a logged-in user.");
}

internal sealed class ExpenseDecisionsEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapPost("/expenses/{expenseId:guid}/approve", async (Guid expenseId, IMessageBus bus, CancellationToken ct) =>
            {
                await bus.InvokeAsync(new ApproveExpense(expenseId), ct);
                return TypedResults.NoContent();
            })
            .WithName("ApproveExpense")
            .WithSummary("Approves a submitted expense of an activity the advisor may see and books its cost net of recoverable VAT.")
            .RequireAuthorization(SmartPolicies.Staff)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        module.MapPost("/expenses/{expenseId:guid}/refuse", async (Guid expenseId, RefuseExpenseRequest r, IMessageBus bus, CancellationToken ct) =>
            {
                await bus.InvokeAsync(new RefuseExpense(expenseId, r.Reason), ct);
                return TypedResults.NoContent();
            })
            .WithName("RefuseExpense")
            .WithSummary("Refuses a submitted expense with a reason; nothing is booked.")
            .RequireAuthorization(SmartPolicies.Staff)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
