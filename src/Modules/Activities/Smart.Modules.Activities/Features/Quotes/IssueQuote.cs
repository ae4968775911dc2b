using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.Modules.Activities.Features.SalesDocuments;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Quotes;
using Smart.Modules.Activities.EntityRulesCopy;
using Smart.Modules.Activities.Features.Invoicing;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using Wolverine;

namespace Smart.Modules.Activities.Features.Quotes;

/// <summary>
/// Issues a quote ("devis") of an activity to a client, valid until a date: lines as on invoices (same VAT defaults and
/// training exemption), numbered in the entity's quote series (DE2026-000001).
/// </summary>
public sealed record IssueQuote(Guid ActivityId, Guid ClientId, DateOnly? IssueDate, DateOnly ValidUntil, IReadOnlyList<InvoiceLineInput> Lines)
{
    public static IssueQuote Example => new(IssueInvoice.Example.ActivityId, IssueInvoice.Example.ClientId, null, new DateOnly(2026, 12, 31),
        [new("Représentation du spectacle « Les Échappées »", 2, 450.00m, null)]);

    internal sealed class Validator : AbstractValidator<IssueQuote>
    {
        public Validator()
        {
            RuleFor(c => c.ActivityId).NotEmpty();
            RuleFor(c => c.ClientId).NotEmpty();
            RuleFor(c => c.ValidUntil).NotEmpty();
            RuleFor(c => c.ValidUntil).GreaterThanOrEqualTo(c => c.IssueDate!.Value).When(c => c.IssueDate is not null)
                .WithMessage("A quote is valid until a date on or after its issue date.");
            RuleFor(c => c.Lines).HasItems(IssueInvoice.MaxLines);
            RuleForEach(c => c.Lines).EachValid(new InvoiceLineInput.Validator());
        }
    }
}

public sealed class IssueQuoteHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(IssueQuote command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var activity = await session.VisibleActivityAsync(user, command.ActivityId, cancellationToken);
        var client = await session.Query<Client>().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == command.ClientId && c.EntityId == activity.EntityId, cancellationToken)
            ?? throw new NotFoundException("Client", command.ClientId);
        var today = clock.Today();
        var issueDate = command.IssueDate ?? today;
        var vat = (await session.Query<EntityRules>().InForceAsync(activity.EntityId, issueDate, cancellationToken)).VatFor(activity.Kind);
        var lines = command.Lines.Select(l => new InvoiceLine(l.Description, l.Quantity, l.UnitPrice, vat.RateFor(l.VatRate))).ToList();
        var heading = await session.HeadingAsync(activity, client, issueDate, cancellationToken);
        var number = await session.NextAsync(activity.EntityId, DocumentKind.Quote, issueDate, today, cancellationToken);
        var quote = Quote.Issue(number, activity, client, lines, issueDate, command.ValidUntil, vat.Mention, heading);
        session.Insert(quote);
        return quote.Id;
    }
}

public static class IssueQuoteEndpoint
{
    [WolverinePost("/api/activities/quotes", OperationId = "IssueQuote"), ProducesCommandProblems]
    [EndpointSummary("Issues a quote on an activity the caller may act on, valid until a date.")]
    public static Task<Created<ResourceCreated>> Post(IssueQuote command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/activities/quotes/", ct);
}
