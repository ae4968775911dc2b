using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Features.Clients;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Clients;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.Invoicing;

public sealed record InvoiceLineView(string Description, decimal Quantity, decimal UnitPrice, decimal VatRate, decimal Net, decimal Vat);

public sealed record CreditNoteView(Guid Id, string Number, Guid InvoiceId, DateOnly IssueDate, decimal Net, decimal Vat, decimal Gross, decimal ContributionRefund, string Reason);

public sealed record InvoiceView(
    Guid Id, string Number, Guid EntityId, Guid ActivityId, string ActivityName, ClientView Client, DateOnly IssueDate, DateOnly DueDate,
    IReadOnlyList<InvoiceLineView> Lines, decimal TotalNet, decimal TotalVat, decimal TotalGross, string Currency, string? VatMention,
    decimal ContributionRate, decimal ContributionAmount, decimal CreditedNet, decimal RemainingToCredit, IReadOnlyList<CreditNoteView> CreditNotes, Guid? QuoteId);

public sealed record InvoiceSummary(Guid Id, string Number, Guid ActivityId, Guid ClientId, string ClientName, DateOnly IssueDate, DateOnly DueDate,
    decimal TotalNet, decimal TotalGross, decimal CreditedNet);

public sealed record GetInvoice(Guid InvoiceId);

public sealed record GetCreditNote(Guid CreditNoteId);

public sealed record ListInvoices(Guid? ActivityId, Guid? ClientId, int? Year, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListInvoices>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
            RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
        }
    }
}

public sealed class InvoiceQueriesHandler(ICurrentUser user)
{
    public async Task<InvoiceView> HandleAsync(GetInvoice query, IQuerySession session, CancellationToken cancellationToken)
    {
        var i = await session.LoadAsync<Invoice>(query.InvoiceId, cancellationToken);
        var activity = i is null ? null : await session.LoadAsync<Activity>(i.ActivityId, cancellationToken);
        var client = i is null ? null : await session.LoadAsync<Client>(i.ClientId, cancellationToken);
        if (i is null || activity is null || client is null || !activity.IsVisibleTo(user))
        {
            throw new NotFoundException("Invoice", query.InvoiceId);
        }
        var credits = await session.Query<CreditNote>().Where(c => c.InvoiceId == i.Id).OrderBy(c => c.Sequence).ToListAsync(cancellationToken);
        return new InvoiceView(i.Id, i.Number, i.EntityId, i.ActivityId, activity.Name, ClientView.From(client), i.IssueDate, i.DueDate,
            i.Lines.Select(l => new InvoiceLineView(l.Description, l.Quantity, l.UnitPrice, l.VatRate, l.Net, l.Vat)).ToList(),
            i.TotalNet, i.TotalVat, i.TotalGross, Invoice.Currency, i.VatMention, i.ContributionRate, i.ContributionAmount, i.CreditedNet, i.RemainingToCredit,
            credits.Select(ToView).ToList(), i.QuoteId);
    }

    public async Task<CreditNoteView> HandleAsync(GetCreditNote query, IQuerySession session, CancellationToken cancellationToken)
    {
        var creditNote = await session.LoadAsync<CreditNote>(query.CreditNoteId, cancellationToken);
        var activity = creditNote is null ? null : await session.LoadAsync<Activity>(creditNote.ActivityId, cancellationToken);
        return creditNote is not null && activity is not null && activity.IsVisibleTo(user)
            ? ToView(creditNote)
            : throw new NotFoundException("Credit note", query.CreditNoteId);
    }

    public async Task<PagedResult<InvoiceSummary>> HandleAsync(ListInvoices query, IQuerySession session, CancellationToken cancellationToken)
    {
        IQueryable<Invoice> invoices = session.Query<Invoice>();
        if (query.ActivityId is { } activityId)
        {
            // One activity: the caller's to see or not, then its invoices; otherwise those of every activity the caller sees.
            if (!await session.Query<Activity>().VisibleTo(user).AnyAsync(a => a.Id == activityId, cancellationToken))
            {
                return new PagedResult<InvoiceSummary>([], query.Page, query.PageSize, 0);
            }
            invoices = invoices.Where(i => i.ActivityId == activityId);
        }
        else if (!user.IsPlatformAdmin())
        {
            var activities = await session.VisibleActivityIdsAsync(user, cancellationToken);
            invoices = invoices.Where(i => activities.Contains(i.ActivityId));
        }
        if (query.ClientId is { } clientId) invoices = invoices.Where(i => i.ClientId == clientId);
        if (query.Year is { } year) invoices = invoices.Where(i => i.Year == year);
        var total = await invoices.CountAsync(cancellationToken);
        var page = await invoices.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Sequence)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        var clients = (await session.LoadManyAsync<Client>(cancellationToken, page.Select(i => i.ClientId).Distinct())).ToDictionary(c => c.Id, c => c.Name);
        return new PagedResult<InvoiceSummary>(page.Select(i => new InvoiceSummary(i.Id, i.Number, i.ActivityId, i.ClientId, clients.GetValueOrDefault(i.ClientId, ""),
            i.IssueDate, i.DueDate, i.TotalNet, i.TotalGross, i.CreditedNet)).ToList(), query.Page, query.PageSize, total);
    }

    private static CreditNoteView ToView(CreditNote c) => new(c.Id, c.Number, c.InvoiceId, c.IssueDate, c.Net, c.Vat, c.Gross, c.ContributionRefund, c.Reason);
}

public static class InvoiceQueriesEndpoints
{
    [WolverineGet("/api/activities/invoices/{invoiceId:guid}", OperationId = "GetInvoice"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("An invoice with its lines, totals, contribution and credit notes.")]
    public static async Task<Ok<InvoiceView>> Get(Guid invoiceId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<InvoiceView>(new GetInvoice(invoiceId), ct));

    [WolverineGet("/api/activities/invoices", OperationId = "ListInvoices"), ProducesValidationProblem]
    [EndpointSummary("Invoices of the activities the caller may see, newest first.")]
    public static async Task<Ok<PagedResult<InvoiceSummary>>> List(Guid? activityId, Guid? clientId, int? year, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<InvoiceSummary>>(new ListInvoices(activityId, clientId, year, page ?? 1, pageSize ?? 50), ct));

    [WolverineGet("/api/activities/credit-notes/{creditNoteId:guid}", OperationId = "GetCreditNote"), ProducesProblem(StatusCodes.Status404NotFound)]
    public static async Task<Ok<CreditNoteView>> GetCreditNote(Guid creditNoteId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<CreditNoteView>(new GetCreditNote(creditNoteId), ct));
}
