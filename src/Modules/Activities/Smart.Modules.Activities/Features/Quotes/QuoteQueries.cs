using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Quotes;
using Smart.Modules.Activities.Features.Clients;
using Smart.Modules.Activities.Features.Invoicing;
using Smart.Modules.Activities.Domain.Clients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.Quotes;

public sealed record QuoteView(
    Guid Id, string Number, Guid EntityId, Guid ActivityId, string ActivityName, ClientView Client, DateOnly IssueDate, DateOnly ValidUntil,
    IReadOnlyList<InvoiceLineView> Lines, decimal TotalNet, decimal TotalVat, decimal TotalGross, string Currency, string? VatMention,
    QuoteState State, DateOnly? AcceptedOn, Guid? InvoiceId, DateOnly? DeclinedOn, string? DeclineReason, int Version);

public sealed record QuoteSummary(Guid Id, string Number, Guid ClientId, string ClientName, DateOnly IssueDate, DateOnly ValidUntil, decimal TotalNet, decimal TotalGross,
    QuoteState State, Guid? InvoiceId);

public sealed record GetQuote(Guid QuoteId);

public sealed record ListQuotes(Guid ActivityId, QuoteState? State, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListQuotes>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
            RuleFor(q => q.State).IsInEnum();
        }
    }
}

public sealed class QuoteQueriesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<QuoteView> HandleAsync(GetQuote query, IQuerySession session, CancellationToken cancellationToken)
    {
        var (q, activity) = await session.OfVisibleActivityAsync<Quote>(user, query.QuoteId, q => q.ActivityId, "Quote", cancellationToken);
        var client = await session.LoadAsync<Client>(q.ClientId, cancellationToken) ?? throw new NotFoundException("Quote", query.QuoteId);
        return new QuoteView(q.Id, q.Number, q.EntityId, q.ActivityId, activity.Name, ClientView.From(client), q.IssueDate, q.ValidUntil,
            q.Lines.Select(l => new InvoiceLineView(l.Description, l.Quantity, l.UnitPrice, l.VatRate, l.Net, l.Vat)).ToList(),
            q.TotalNet, q.TotalVat, q.TotalGross, Invoice.Currency, q.VatMention, q.StateOn(clock.Today()), q.AcceptedOn, q.InvoiceId, q.DeclinedOn, q.DeclineReason,
            q.Version);
    }

    public async Task<PagedResult<QuoteSummary>> HandleAsync(ListQuotes query, IQuerySession session, CancellationToken cancellationToken)
    {
        await session.VisibleActivityAsync(user, query.ActivityId, cancellationToken);
        var today = clock.Today();
        var quotes = session.Query<Quote>().Where(q => q.ActivityId == query.ActivityId);
        // Expired is read from the date, not stored: an issued quote past its validity date.
        quotes = query.State switch
        {
            QuoteState.Open => quotes.Where(q => q.Status == QuoteStatus.Issued && q.ValidUntil >= today),
            QuoteState.Expired => quotes.Where(q => q.Status == QuoteStatus.Issued && q.ValidUntil < today),
            QuoteState.Accepted => quotes.Where(q => q.Status == QuoteStatus.Accepted),
            QuoteState.Declined => quotes.Where(q => q.Status == QuoteStatus.Declined),
            _ => quotes,
        };
        var total = await quotes.CountAsync(cancellationToken);
        var page = await quotes.OrderByDescending(q => q.IssueDate).ThenByDescending(q => q.Sequence)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        var clients = (await session.LoadManyAsync<Client>(cancellationToken, page.Select(q => q.ClientId).Distinct())).ToDictionary(c => c.Id, c => c.Name);
        var summaries = page.Select(q => new QuoteSummary(q.Id, q.Number, q.ClientId, clients.GetValueOrDefault(q.ClientId, ""), q.IssueDate, q.ValidUntil, q.TotalNet,
            q.TotalGross, Quote.StateOf(q.Status, q.ValidUntil, today), q.InvoiceId)).ToList();
        return new PagedResult<QuoteSummary>(summaries, query.Page, query.PageSize, total);
    }
}

public static class QuoteQueriesEndpoints
{
    [WolverineGet("/api/activities/quotes/{quoteId:guid}", OperationId = "GetQuote"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A quote with its lines, totals and state (Open, Accepted, Declined, Expired).")]
    public static async Task<Ok<QuoteView>> Get(Guid quoteId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<QuoteView>(new GetQuote(quoteId), ct));

    [WolverineGet("/api/activities/activities/{activityId:guid}/quotes", OperationId = "ListQuotes"), ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Quotes of an activity, newest first, optionally in one state.")]
    public static async Task<Ok<PagedResult<QuoteSummary>>> List(Guid activityId, QuoteState? state, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<QuoteSummary>>(new ListQuotes(activityId, state, page ?? 1, pageSize ?? 50), ct));
}
