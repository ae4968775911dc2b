using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Expenses;
using Smart.Modules.Activities.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

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

public sealed record RefuseExpenseRequest(string Reason);

public sealed class ExpenseDecisionsHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>Returns the event: Wolverine publishes it with the transaction.</summary>
    public async Task<ExpenseApproved> HandleAsync(ApproveExpense command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (expense, activity, ledger) = await LoadAsync(session, command.ExpenseId, cancellationToken);
        var entry = expense.Approve(activity, DeciderId(), user.MemberId, clock.Today(), clock.GetUtcNow());
        ledger.Append(entry);
        session.UpdateRevision(expense, expense.Version + 1);
        return new ExpenseApproved(expense.Id, expense.ActivityId, expense.EntityId, expense.ExpenseDate, entry.Date,
            expense.AmountInclVat, expense.RecoverableVat, expense.Category);
    }

    public async Task HandleAsync(RefuseExpense command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (expense, _, _) = await LoadAsync(session, command.ExpenseId, cancellationToken);
        expense.Refuse(DeciderId(), user.MemberId, command.Reason, clock.Today());
        session.UpdateRevision(expense, expense.Version + 1);
    }

    /// <summary>
    /// The expense with its activity, when the caller may see the activity; otherwise it does not exist for them. The
    /// activity's ledger is taken first: approving spends its budget, so it queues with closing and other spending, and
    /// both are read as the last writer left them.
    /// </summary>
    private async Task<(Expense Expense, Activity Activity, ActivityLedger Ledger)> LoadAsync(IDocumentSession session, Guid expenseId, CancellationToken cancellationToken)
    {
        var activityId = (await session.LoadAsync<Expense>(expenseId, cancellationToken))?.ActivityId ?? throw new NotFoundException("Expense", expenseId);
        var ledger = await session.LedgerAsync(activityId, cancellationToken);
        var (expense, activity) = await session.OfVisibleActivityAsync<Expense>(user, expenseId, e => e.ActivityId, "Expense", cancellationToken);
        return (expense, activity, ledger);
    }

    private Guid DeciderId() => user.UserId ?? throw new InvalidOperationException("An expense is decided by a logged-in user.");
}

public static class ExpenseDecisionsEndpoints
{
    [WolverinePost("/api/activities/expenses/{expenseId:guid}/approve", OperationId = "ApproveExpense"), Authorize(SmartPolicies.Staff),
     ProducesProblem(StatusCodes.Status403Forbidden), ProducesProblem(StatusCodes.Status404NotFound), ProducesProblem(StatusCodes.Status409Conflict)]
    [EndpointSummary("Approves a submitted expense of an activity the advisor may see and books its cost net of recoverable VAT.")]
    public static async Task<NoContent> Approve(Guid expenseId, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new ApproveExpense(expenseId), ct);
        return TypedResults.NoContent();
    }

    [WolverinePost("/api/activities/expenses/{expenseId:guid}/refuse", OperationId = "RefuseExpense"), Authorize(SmartPolicies.Staff), ProducesValidationProblem,
     ProducesProblem(StatusCodes.Status403Forbidden), ProducesProblem(StatusCodes.Status404NotFound), ProducesProblem(StatusCodes.Status409Conflict)]
    [EndpointSummary("Refuses a submitted expense with a reason; nothing is booked.")]
    public static async Task<NoContent> Refuse(Guid expenseId, RefuseExpenseRequest r, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new RefuseExpense(expenseId, r.Reason), ct);
        return TypedResults.NoContent();
    }
}
