using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Quotes;
using Smart.Modules.Activities.Features.Invoicing;
using Smart.Modules.Activities.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

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

public sealed class DecideQuoteHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// Issues the invoice through the same path as <c>POST /invoices</c> (numbering, VAT, ledger, <c>InvoiceIssued</c>), in this
    /// transaction: a refused invoice leaves the quote open, and two acceptances of one quote cannot both commit (revision
    /// check, unique quote id on invoices).
    /// </summary>
    public async Task<(QuoteAccepted, InvoiceIssued)> HandleAsync(AcceptQuote command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var quote = await FindAsync(session, command.QuoteId, cancellationToken);
        var acceptedOn = command.AcceptedOn ?? clock.Today();
        quote.EnsureAcceptable(acceptedOn);
        var lines = quote.Lines.Select(l => new InvoiceLineInput(l.Description, l.Quantity, l.UnitPrice, quote.RequestedVatRate(l))).ToList();
        var (invoice, issued, _) = await session.IssueInvoiceAsync(new IssueInvoice(quote.ActivityId, quote.ClientId, acceptedOn, lines), user, clock,
            cancellationToken, quote.Id);
        quote.MarkAccepted(acceptedOn, invoice.Id);
        session.UpdateRevision(quote, quote.Version + 1);
        return (new QuoteAccepted(quote.Id, invoice.Id), issued);
    }

    public async Task HandleAsync(DeclineQuote command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var quote = await FindAsync(session, command.QuoteId, cancellationToken);
        quote.Decline(clock.Today(), command.Reason);
        session.UpdateRevision(quote, quote.Version + 1);
    }

    private async Task<Quote> FindAsync(IDocumentSession session, Guid quoteId, CancellationToken cancellationToken) =>
        (await session.OfVisibleActivityAsync<Quote>(user, quoteId, q => q.ActivityId, "Quote", cancellationToken)).Document;
}

public sealed record AcceptQuoteInput(DateOnly? AcceptedOn);

public sealed record DeclineQuoteInput(string Reason);

public static class DecideQuoteEndpoints
{
    [WolverinePost("/api/activities/quotes/{quoteId:guid}/accept", OperationId = "AcceptQuote"), ProducesCommandProblems]
    [EndpointSummary("Records the client's acceptance (while the quote is valid) and issues its invoice in the same transaction.")]
    public static async Task<Created<QuoteAccepted>> Accept(Guid quoteId, AcceptQuoteInput? input, IMessageBus bus, CancellationToken ct)
    {
        var accepted = await bus.InvokeAsync<QuoteAccepted>(new AcceptQuote(quoteId, input?.AcceptedOn), ct);
        return TypedResults.Created($"/api/activities/invoices/{accepted.InvoiceId}", accepted);
    }

    [WolverinePost("/api/activities/quotes/{quoteId:guid}/decline", OperationId = "DeclineQuote"), ProducesCommandProblems]
    [EndpointSummary("Records that the client declined the quote, with the reason.")]
    public static async Task<NoContent> Decline(Guid quoteId, DeclineQuoteInput input, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new DeclineQuote(quoteId, input.Reason), ct);
        return TypedResults.NoContent();
    }
}
