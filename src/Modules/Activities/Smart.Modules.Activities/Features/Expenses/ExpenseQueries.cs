using Smart.Modules.Activities.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Expenses;
using Smart.Modules.Activities.Domain.Activities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.Expenses;

public sealed record ReceiptView(string FileName, string ContentType, int SizeBytes);

public sealed record ExpenseView(
    Guid Id, Guid ActivityId, Guid EntityId, Guid OfficeId, Guid SubmittedBy, DateOnly SubmittedOn, DateOnly ExpenseDate, ExpenseCategory Category,
    string Description, decimal AmountInclVat, decimal RecoverableVat, decimal Cost, ExpenseStatus Status, Guid? DecidedBy, DateOnly? DecidedOn,
    string? RefusalReason, ReceiptView Receipt, int Version);

public sealed record ReceiptDownload(string FileName, string ContentType, byte[] Content);

public sealed record GetExpense(Guid ExpenseId);

public sealed record GetExpenseReceipt(Guid ExpenseId);

public sealed record ListExpenses(Guid? ActivityId, ExpenseStatus? Status, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListExpenses>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
            RuleFor(q => q.Status).IsInEnum();
        }
    }
}

/// <summary>Expenses of the activities the caller may see; the receipt's bytes are read only by <see cref="GetExpenseReceipt"/>.</summary>
public sealed class ExpenseQueriesHandler(ICurrentUser user)
{
    public async Task<ExpenseView> HandleAsync(GetExpense query, IQuerySession session, CancellationToken cancellationToken)
    {
        var (expense, _) = await session.OfVisibleActivityAsync<Expense>(user, query.ExpenseId, e => e.ActivityId, "Expense", cancellationToken);
        return (await ToViewsAsync(session, [expense], cancellationToken)).Single();
    }

    public async Task<ReceiptDownload> HandleAsync(GetExpenseReceipt query, IQuerySession session, CancellationToken cancellationToken)
    {
        await session.OfVisibleActivityAsync<Expense>(user, query.ExpenseId, e => e.ActivityId, "Expense", cancellationToken);
        var receipt = await session.LoadAsync<ExpenseReceipt>(query.ExpenseId, cancellationToken) ?? throw new NotFoundException("Expense", query.ExpenseId);
        return new ReceiptDownload(receipt.FileName, receipt.ContentType, receipt.Content);
    }

    public async Task<PagedResult<ExpenseView>> HandleAsync(ListExpenses query, IQuerySession session, CancellationToken cancellationToken)
    {
        IQueryable<Expense> expenses = session.Query<Expense>();
        if (query.ActivityId is { } activityId)
        {
            if (!await session.Query<Activity>().VisibleTo(user).AnyAsync(a => a.Id == activityId, cancellationToken))
            {
                return new PagedResult<ExpenseView>([], query.Page, query.PageSize, 0);
            }
            expenses = expenses.Where(e => e.ActivityId == activityId);
        }
        else if (!user.IsPlatformAdmin())
        {
            var activities = await session.VisibleActivityIdsAsync(user, cancellationToken);
            expenses = expenses.Where(e => activities.Contains(e.ActivityId));
        }
        if (query.Status is { } status) expenses = expenses.Where(e => e.Status == status);
        var total = await expenses.CountAsync(cancellationToken);
        var page = await expenses.OrderByDescending(e => e.ExpenseDate).ThenByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<ExpenseView>(await ToViewsAsync(session, page, cancellationToken), query.Page, query.PageSize, total);
    }

    /// <summary>Adds the receipts' descriptions, never their bytes (only those fields are read); keeps the order of <paramref name="expenses"/>.</summary>
    private static async Task<IReadOnlyList<ExpenseView>> ToViewsAsync(IQuerySession session, IReadOnlyList<Expense> expenses, CancellationToken cancellationToken)
    {
        var ids = expenses.Select(e => e.Id).ToList();
        var receipts = (await session.Query<ExpenseReceipt>().Where(r => ids.Contains(r.ExpenseId))
                .Select(r => new { r.ExpenseId, r.FileName, r.ContentType, r.SizeBytes }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.ExpenseId, r => new ReceiptView(r.FileName, r.ContentType, r.SizeBytes));
        return expenses.Select(e => new ExpenseView(e.Id, e.ActivityId, e.EntityId, e.OfficeId, e.SubmittedBy, e.SubmittedOn, e.ExpenseDate, e.Category,
            e.Description, e.AmountInclVat, e.RecoverableVat, e.Cost, e.Status, e.DecidedBy, e.DecidedOn, e.RefusalReason, receipts[e.Id], e.Version)).ToList();
    }
}

public static class ExpenseQueriesEndpoints
{
    [WolverineGet("/api/activities/expenses/{expenseId:guid}", OperationId = "GetExpense"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("An expense with its status and the description of its receipt (not the file).")]
    public static async Task<Ok<ExpenseView>> Get(Guid expenseId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ExpenseView>(new GetExpense(expenseId), ct));

    [WolverineGet("/api/activities/expenses", OperationId = "ListExpenses"), ProducesValidationProblem]
    [EndpointSummary("Expenses of the activities the caller may see, latest expense date first.")]
    public static async Task<Ok<PagedResult<ExpenseView>>> List(Guid? activityId, ExpenseStatus? status, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<ExpenseView>>(new ListExpenses(activityId, status, page ?? 1, pageSize ?? 50), ct));
}

/// <summary>
/// Stays a minimal-API endpoint: Wolverine.Http documents a file result as a JSON schema of the result type, which would
/// change the OpenAPI document and the typed client's type of the download.
/// </summary>
internal sealed class ExpenseReceiptEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module) => module
        .MapGet("/expenses/{expenseId:guid}/receipt", async (Guid expenseId, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        {
            var receipt = await bus.InvokeAsync<ReceiptDownload>(new GetExpenseReceipt(expenseId), ct);
            // An uploaded file is served as what its bytes were recognised as, never re-guessed by the browser (a
            // PDF can also look like HTML), and as an attachment.
            response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.File(receipt.Content, receipt.ContentType, receipt.FileName);
        })
        .WithName("GetExpenseReceipt")
        .WithSummary("The expense's receipt file, with the content type recognised from its bytes.")
        .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
        .ProducesProblem(StatusCodes.Status404NotFound);
}
