using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Quotes;
using Smart.Modules.Activities.Features.Clients;
using Smart.Modules.Activities.Features.Invoicing;
using Smart.Modules.Activities.Persistence;

namespace Smart.Modules.Activities.Features.Quotes;

public sealed record QuoteView(
    Guid Id, string Number, Guid EntityId, Guid ActivityId, string ActivityName, ClientView Client, DateOnly IssueDate, DateOnly ValidUntil,
    IReadOnlyList<InvoiceLineView> Lines, decimal TotalNet, decimal TotalVat, decimal TotalGross, string Currency, string? VatMention,
    QuoteState State, DateOnly? AcceptedOn, Guid? InvoiceId, DateOnly? DeclinedOn, string? DeclineReason, int Version)
{
    public PrintableDocument ToPrintable() => new($"Devis {Number}", $"Date : {IssueDate:dd/MM/yyyy} — valable jusqu'au {ValidUntil:dd/MM/yyyy}", ActivityName, Client,
        Lines, TotalNet, TotalVat, TotalGross, VatMention);
}

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

public sealed class QuoteQueriesHandler(ActivitiesDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<QuoteView> HandleAsync(GetQuote query, CancellationToken cancellationToken)
    {
        var found = await (from quote in db.Quotes.AsNoTracking()
                           join a in db.Activities.VisibleTo(user) on quote.ActivityId equals a.Id
                           join c in db.Clients on quote.ClientId equals c.Id
                           where quote.Id == query.QuoteId
                           select new { Quote = quote, ActivityName = a.Name, Client = c }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Quote", query.QuoteId);
        var q = found.Quote;
        return new QuoteView(q.Id, q.Number, q.EntityId, q.ActivityId, found.ActivityName, ClientView.From(found.Client), q.IssueDate, q.ValidUntil,
            q.Lines.Select(l => new InvoiceLineView(l.Description, l.Quantity, l.UnitPrice, l.VatRate, l.Net, l.Vat)).ToList(),
            q.TotalNet, q.TotalVat, q.TotalGross, Invoice.Currency, q.VatMention, q.StateOn(clock.Today()), q.AcceptedOn, q.InvoiceId, q.DeclinedOn, q.DeclineReason,
            q.Version);
    }

    public async Task<PagedResult<QuoteSummary>> HandleAsync(ListQuotes query, CancellationToken cancellationToken)
    {
        if (!await db.Activities.VisibleTo(user).AnyAsync(a => a.Id == query.ActivityId, cancellationToken))
        {
            throw new NotFoundException("Activity", query.ActivityId);
        }
        var today = clock.Today();
        var quotes = from q in db.Quotes.AsNoTracking()
                     join c in db.Clients on q.ClientId equals c.Id
                     where q.ActivityId == query.ActivityId
                     select new { q, ClientName = c.Name };
        // Expired is read from the date, not stored: an issued quote past its validity date.
        quotes = query.State switch
        {
            QuoteState.Open => quotes.Where(x => x.q.Status == QuoteStatus.Issued && x.q.ValidUntil >= today),
            QuoteState.Expired => quotes.Where(x => x.q.Status == QuoteStatus.Issued && x.q.ValidUntil < today),
            QuoteState.Accepted => quotes.Where(x => x.q.Status == QuoteStatus.Accepted),
            QuoteState.Declined => quotes.Where(x => x.q.Status == QuoteStatus.Declined),
            _ => quotes,
        };
        var total = await quotes.CountAsync(cancellationToken);
        var page = await quotes.OrderByDescending(x => x.q.IssueDate).ThenByDescending(x => x.q.Sequence)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(x => new { x.q.Id, x.q.Number, x.q.ClientId, x.ClientName, x.q.IssueDate, x.q.ValidUntil, x.q.TotalNet, x.q.TotalGross, x.q.Status, x.q.InvoiceId })
            .ToListAsync(cancellationToken);
        var summaries = page.Select(x => new QuoteSummary(x.Id, x.Number, x.ClientId, x.ClientName, x.IssueDate, x.ValidUntil, x.TotalNet, x.TotalGross,
            Quote.StateOf(x.Status, x.ValidUntil, today), x.InvoiceId)).ToList();
        return new PagedResult<QuoteSummary>(summaries, query.Page, query.PageSize, total);
    }
}

internal sealed class QuoteQueriesEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/quotes/{quoteId:guid}", async (Guid quoteId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<QuoteView>(new GetQuote(quoteId), ct)))
            .WithName("GetQuote")
            .WithSummary("A quote with its lines, totals and state (Open, Accepted, Declined, Expired).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/quotes/{quoteId:guid}/html", async (Guid quoteId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Content(InvoiceDocument.Render((await bus.InvokeAsync<QuoteView>(new GetQuote(quoteId), ct)).ToPrintable()), HtmlPage.ContentType))
            .WithName("GetQuoteDocument")
            .WithSummary("The quote as a printable HTML document.")
            .Produces<string>(contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/activities/{activityId:guid}/quotes", async (Guid activityId, QuoteState? state, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<PagedResult<QuoteSummary>>(new ListQuotes(activityId, state, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListQuotes")
            .WithSummary("Quotes of an activity, newest first, optionally in one state.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
