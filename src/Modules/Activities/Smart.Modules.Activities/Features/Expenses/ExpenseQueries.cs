using Smart.Modules.Activities.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Expenses;
using Smart.Modules.Activities.Persistence;

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
public sealed class ExpenseQueriesHandler(ActivitiesDbContext db, ICurrentUser user)
{
    public async Task<ExpenseView> HandleAsync(GetExpense query, CancellationToken cancellationToken)
    {
        var expense = await Visible().SingleOrDefaultAsync(e => e.Id == query.ExpenseId, cancellationToken)
            ?? throw new NotFoundException("Expense", query.ExpenseId);
        return (await ToViewsAsync([expense], cancellationToken)).Single();
    }

    public async Task<ReceiptDownload> HandleAsync(GetExpenseReceipt query, CancellationToken cancellationToken) =>
        await (from r in db.ExpenseReceipts.AsNoTracking()
               join e in db.Expenses on r.ExpenseId equals e.Id
               join a in db.Activities.VisibleTo(user) on e.ActivityId equals a.Id
               where r.ExpenseId == query.ExpenseId
               select new ReceiptDownload(r.FileName, r.ContentType, r.Content)).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Expense", query.ExpenseId);

    public async Task<PagedResult<ExpenseView>> HandleAsync(ListExpenses query, CancellationToken cancellationToken)
    {
        var expenses = Visible();
        if (query.ActivityId is { } activityId) expenses = expenses.Where(e => e.ActivityId == activityId);
        if (query.Status is { } status) expenses = expenses.Where(e => e.Status == status);
        var total = await expenses.CountAsync(cancellationToken);
        var page = await expenses.OrderByDescending(e => e.ExpenseDate).ThenByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<ExpenseView>(await ToViewsAsync(page, cancellationToken), query.Page, query.PageSize, total);
    }

    private IQueryable<Expense> Visible() =>
        from e in db.Expenses.AsNoTracking()
        join a in db.Activities.VisibleTo(user) on e.ActivityId equals a.Id
        select e;

    /// <summary>Adds the receipts' descriptions, never their bytes; keeps the order of <paramref name="expenses"/>.</summary>
    private async Task<IReadOnlyList<ExpenseView>> ToViewsAsync(IReadOnlyList<Expense> expenses, CancellationToken cancellationToken)
    {
        var ids = expenses.Select(e => e.Id).ToList();
        var receipts = await db.ExpenseReceipts.Where(r => ids.Contains(r.ExpenseId))
            .Select(r => new { r.ExpenseId, View = new ReceiptView(r.FileName, r.ContentType, r.SizeBytes) })
            .ToDictionaryAsync(r => r.ExpenseId, r => r.View, cancellationToken);
        return expenses.Select(e => new ExpenseView(e.Id, e.ActivityId, e.EntityId, e.OfficeId, e.SubmittedBy, e.SubmittedOn, e.ExpenseDate, e.Category,
            e.Description, e.AmountInclVat, e.RecoverableVat, e.Cost, e.Status, e.DecidedBy, e.DecidedOn, e.RefusalReason, receipts[e.Id], e.Version)).ToList();
    }
}

internal sealed class ExpenseQueriesEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/expenses/{expenseId:guid}", async (Guid expenseId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<ExpenseView>(new GetExpense(expenseId), ct)))
            .WithName("GetExpense")
            .WithSummary("An expense with its status and the description of its receipt (not the file).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/expenses/{expenseId:guid}/receipt", async (Guid expenseId, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
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

        module.MapGet("/expenses", async (Guid? activityId, ExpenseStatus? status, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<PagedResult<ExpenseView>>(new ListExpenses(activityId, status, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListExpenses")
            .WithSummary("Expenses of the activities the caller may see, latest expense date first.")
            .ProducesValidationProblem();
    }
}
