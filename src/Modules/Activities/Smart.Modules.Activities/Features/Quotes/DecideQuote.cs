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
using Smart.Modules.Activities.Domain.Quotes;
using Smart.Modules.Activities.Features.Invoicing;
using Smart.Modules.Activities.Persistence;

namespace Smart.Modules.Activities.Features.Quotes;

/// <summary>The client accepted the quote (on <see cref="AcceptedOn"/>, today by default): its invoice is issued on that date.</summary>
public sealed record AcceptQuote(Guid QuoteId, DateOnly? AcceptedOn)
{
    internal sealed class Validator : AbstractValidator<AcceptQuote>
    {
        public Validator() => RuleFor(c => c.QuoteId).NotEmpty();
    }
}

/// <summary>The client declined the quote, for a reason.</summary>
public sealed record DeclineQuote(Guid QuoteId, string Reason)
{
    internal sealed class Validator : AbstractValidator<DeclineQuote>
    {
        public Validator()
        {
            RuleFor(c => c.QuoteId).NotEmpty();
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(Quote.MaxReasonLength);
        }
    }
}

public sealed record QuoteAccepted(Guid QuoteId, Guid InvoiceId);

public sealed class DecideQuoteHandler(ActivitiesDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// Issues the invoice through the same path as <c>POST /invoices</c> (numbering, VAT, ledger, <c>InvoiceIssued</c>), in this
    /// transaction: a refused invoice leaves the quote open, and two acceptances of one quote cannot both commit (version
    /// check, unique quote id on invoices).
    /// </summary>
    public async Task<(QuoteAccepted, InvoiceIssued)> HandleAsync(AcceptQuote command, CancellationToken cancellationToken)
    {
        var quote = await FindAsync(command.QuoteId, cancellationToken);
        var acceptedOn = command.AcceptedOn ?? clock.Today();
        quote.EnsureAcceptable(acceptedOn);
        var lines = quote.Lines.Select(l => new InvoiceLineInput(l.Description, l.Quantity, l.UnitPrice, quote.RequestedVatRate(l))).ToList();
        var (invoice, issued) = await db.IssueInvoiceAsync(new IssueInvoice(quote.ActivityId, quote.ClientId, acceptedOn, lines), user, clock,
            cancellationToken, quote.Id);
        quote.MarkAccepted(acceptedOn, invoice.Id);
        return (new QuoteAccepted(quote.Id, invoice.Id), issued);
    }

    public async Task HandleAsync(DeclineQuote command, CancellationToken cancellationToken)
    {
        var quote = await FindAsync(command.QuoteId, cancellationToken);
        quote.Decline(clock.Today(), command.Reason);
    }

    private async Task<Quote> FindAsync(Guid quoteId, CancellationToken cancellationToken) =>
        await (from q in db.Quotes
               join a in db.Activities.VisibleTo(user) on q.ActivityId equals a.Id
               where q.Id == quoteId
               select q).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Quote", quoteId);
}

internal sealed record AcceptQuoteInput(DateOnly? AcceptedOn);

internal sealed record DeclineQuoteInput(string Reason);

internal sealed class DecideQuoteEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapPost("/quotes/{quoteId:guid}/accept", async (Guid quoteId, AcceptQuoteInput? input, IMessageBus bus, CancellationToken ct) =>
            {
                var accepted = await bus.InvokeAsync<QuoteAccepted>(new AcceptQuote(quoteId, input?.AcceptedOn), ct);
                return TypedResults.Created($"/api/activities/invoices/{accepted.InvoiceId}", accepted);
            })
            .WithName("AcceptQuote")
            .WithSummary("Records the client's acceptance (while the quote is valid) and issues its invoice in the same transaction.")
            .ProducesCommandProblems();

        module.MapPost("/quotes/{quoteId:guid}/decline", async (Guid quoteId, DeclineQuoteInput input, IMessageBus bus, CancellationToken ct) =>
            {
                await bus.InvokeAsync(new DeclineQuote(quoteId, input.Reason), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeclineQuote")
            .WithSummary("Records that the client declined the quote, with the reason.")
            .ProducesCommandProblems();
    }
}
