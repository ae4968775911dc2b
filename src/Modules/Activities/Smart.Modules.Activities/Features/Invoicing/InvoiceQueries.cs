using System.Text;
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
using Smart.Modules.Activities.Features.Clients;
using Smart.Modules.Activities.Persistence;

using static Smart.BuildingBlocks.Web.HtmlPage;

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

public sealed class InvoiceQueriesHandler(ActivitiesDbContext db, ICurrentUser user)
{
    public async Task<InvoiceView> HandleAsync(GetInvoice query, CancellationToken cancellationToken)
    {
        var found = await (from invoice in db.Invoices.AsNoTracking()
                           join a in db.Activities.VisibleTo(user) on invoice.ActivityId equals a.Id
                           join c in db.Clients on invoice.ClientId equals c.Id
                           where invoice.Id == query.InvoiceId
                           select new { Invoice = invoice, ActivityName = a.Name, Client = c }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Invoice", query.InvoiceId);
        var i = found.Invoice;
        var credits = await db.CreditNotes.AsNoTracking().Where(c => c.InvoiceId == i.Id).OrderBy(c => c.Sequence).ToListAsync(cancellationToken);
        return new InvoiceView(i.Id, i.Number, i.EntityId, i.ActivityId, found.ActivityName, ClientView.From(found.Client), i.IssueDate, i.DueDate,
            i.Lines.Select(l => new InvoiceLineView(l.Description, l.Quantity, l.UnitPrice, l.VatRate, l.Net, l.Vat)).ToList(),
            i.TotalNet, i.TotalVat, i.TotalGross, Invoice.Currency, i.VatMention, i.ContributionRate, i.ContributionAmount, i.CreditedNet, i.RemainingToCredit,
            credits.Select(ToView).ToList(), i.QuoteId);
    }

    public async Task<CreditNoteView> HandleAsync(GetCreditNote query, CancellationToken cancellationToken) =>
        ToView(await (from c in db.CreditNotes.AsNoTracking()
                      join a in db.Activities.VisibleTo(user) on c.ActivityId equals a.Id
                      where c.Id == query.CreditNoteId
                      select c).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Credit note", query.CreditNoteId));

    public async Task<PagedResult<InvoiceSummary>> HandleAsync(ListInvoices query, CancellationToken cancellationToken)
    {
        var invoices = from i in db.Invoices.AsNoTracking()
                       join a in db.Activities.VisibleTo(user) on i.ActivityId equals a.Id
                       join c in db.Clients on i.ClientId equals c.Id
                       select new { i, ClientName = c.Name };
        if (query.ActivityId is { } activityId) invoices = invoices.Where(x => x.i.ActivityId == activityId);
        if (query.ClientId is { } clientId) invoices = invoices.Where(x => x.i.ClientId == clientId);
        if (query.Year is { } year) invoices = invoices.Where(x => x.i.Year == year);
        var total = await invoices.CountAsync(cancellationToken);
        var page = await invoices.OrderByDescending(x => x.i.IssueDate).ThenByDescending(x => x.i.Sequence)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(x => new InvoiceSummary(x.i.Id, x.i.Number, x.i.ActivityId, x.i.ClientId, x.ClientName, x.i.IssueDate, x.i.DueDate, x.i.TotalNet, x.i.TotalGross, x.i.CreditedNet))
            .ToListAsync(cancellationToken);
        return new PagedResult<InvoiceSummary>(page, query.Page, query.PageSize, total);
    }

    private static CreditNoteView ToView(CreditNote c) => new(c.Id, c.Number, c.InvoiceId, c.IssueDate, c.Net, c.Vat, c.Gross, c.ContributionRefund, c.Reason);
}

/// <summary>What a printable document shows: an invoice or a quote, with its own title and dates.</summary>
public sealed record PrintableDocument(string Title, string DatesLine, string ActivityName, ClientView Client, IReadOnlyList<InvoiceLineView> Lines,
    decimal TotalNet, decimal TotalVat, decimal TotalGross, string? VatMention)
{
    public static PrintableDocument From(InvoiceView invoice) => new($"Facture {invoice.Number}",
        $"Date : {invoice.IssueDate:dd/MM/yyyy} — échéance : {invoice.DueDate:dd/MM/yyyy}", invoice.ActivityName, invoice.Client, invoice.Lines,
        invoice.TotalNet, invoice.TotalVat, invoice.TotalGross, invoice.VatMention);
}

/// <summary>Invoices and quotes as printable pages: everything HTML-encoded, amounts in French format.</summary>
internal static class InvoiceDocument
{
    public static string Render(InvoiceView invoice) => Render(PrintableDocument.From(invoice));

    public static string Render(PrintableDocument document)
    {
        var html = Heading(document.Title, document.DatesLine, document.ActivityName, document.Client)
            .Append("<table><thead><tr><th>Désignation</th><th class=\"n\">Quantité</th><th class=\"n\">Prix unitaire HT</th>")
            .Append("<th class=\"n\">TVA</th><th class=\"n\">Montant HT</th></tr></thead><tbody>");
        foreach (var line in document.Lines)
        {
            html.Append($"<tr><td>{Encode(line.Description)}</td><td class=\"n\">{line.Quantity.ToString("0.###", French)}</td>")
                .Append($"<td class=\"n\">{Euros(line.UnitPrice)}</td><td class=\"n\">{Percent(line.VatRate)}</td><td class=\"n\">{Euros(line.Net)}</td></tr>");
        }
        html.Append($"</tbody></table><p class=\"n\">Total HT : {Euros(document.TotalNet)}<br>TVA : {Euros(document.TotalVat)}<br><strong>Total TTC : {Euros(document.TotalGross)}</strong></p>");
        if (document.VatMention is not null) html.Append($"<p>{Encode(document.VatMention)}</p>");
        return End(html);
    }

    /// <summary>A document's page up to its body: title, dates, activity and the client's billing address.</summary>
    public static StringBuilder Heading(string title, string datesLine, string activityName, ClientView client)
    {
        var address = client.BillingAddress;
        var html = Start(title)
            .Append($"<h1>{Encode(title)}</h1>")
            .Append($"<p>{Encode(datesLine)}</p>")
            .Append($"<p>Activité : {Encode(activityName)}</p>")
            .Append($"<address>{Encode(client.Name)}<br>{Encode(address.Line1)}<br>");
        if (address.Line2 is not null) html.Append($"{Encode(address.Line2)}<br>");
        html.Append($"{Encode(address.PostalCode)} {Encode(address.City)} ({Encode(address.Country)})");
        if (client.VatNumber is not null) html.Append($"<br>TVA : {Encode(client.VatNumber)}");
        return html.Append("</address>");
    }
}

internal sealed class InvoiceQueriesEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/invoices/{invoiceId:guid}", async (Guid invoiceId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<InvoiceView>(new GetInvoice(invoiceId), ct)))
            .WithName("GetInvoice")
            .WithSummary("An invoice with its lines, totals, contribution and credit notes.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/invoices/{invoiceId:guid}/html", async (Guid invoiceId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Content(InvoiceDocument.Render(await bus.InvokeAsync<InvoiceView>(new GetInvoice(invoiceId), ct)), HtmlPage.ContentType))
            .WithName("GetInvoiceDocument")
            .WithSummary("The invoice as a printable HTML document.")
            .Produces<string>(contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/invoices", async (Guid? activityId, Guid? clientId, int? year, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<PagedResult<InvoiceSummary>>(new ListInvoices(activityId, clientId, year, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListInvoices")
            .WithSummary("Invoices of the activities the caller may see, newest first.")
            .ProducesValidationProblem();

        module.MapGet("/credit-notes/{creditNoteId:guid}", async (Guid creditNoteId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<CreditNoteView>(new GetCreditNote(creditNoteId), ct)))
            .WithName("GetCreditNote")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
