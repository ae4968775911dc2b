using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Smart.BuildingBlocks.Documents;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.ContractDocuments;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Quotes;
using Smart.Modules.Activities.Features.ContractDocuments;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.SalesDocuments;

/// <summary>An invoice as its client reads it, from the stored invoice.</summary>
public sealed record PrintInvoice(Guid InvoiceId);

public sealed record PrintCreditNote(Guid CreditNoteId);

public sealed record PrintQuote(Guid QuoteId);

public sealed record PrintContractDocument(Guid ContractDocumentId);

/// <summary>
/// The printable sales documents, each from what was stored when it was issued (its heading included), so it reads the
/// same years later; visible to whoever may see its activity, 404 for anyone else.
/// </summary>
public sealed class SalesDocumentQueriesHandler(ICurrentUser user)
{
    public async Task<PrintableDocument> HandleAsync(PrintInvoice query, IQuerySession session, CancellationToken cancellationToken)
    {
        var (invoice, _) = await session.OfVisibleActivityAsync<Invoice>(user, query.InvoiceId, i => i.ActivityId, "Invoice", cancellationToken);
        var heading = invoice.Heading ?? await session.RebuiltHeadingAsync(invoice.ActivityId, invoice.ClientId, invoice.IssueDate, cancellationToken);
        return SalesDocumentPrinting.Invoice(invoice, heading, await session.LogoAsync(heading, cancellationToken));
    }

    public async Task<PrintableDocument> HandleAsync(PrintCreditNote query, IQuerySession session, CancellationToken cancellationToken)
    {
        var (creditNote, _) = await session.OfVisibleActivityAsync<CreditNote>(user, query.CreditNoteId, c => c.ActivityId, "Credit note", cancellationToken);
        var invoice = (await session.LoadAsync<Invoice>(creditNote.InvoiceId, cancellationToken))!;
        // A credit note speaks for the same seller to the same client as its invoice.
        var heading = invoice.Heading ?? await session.RebuiltHeadingAsync(invoice.ActivityId, invoice.ClientId, invoice.IssueDate, cancellationToken);
        return SalesDocumentPrinting.CreditNote(creditNote, invoice, heading, await session.LogoAsync(heading, cancellationToken));
    }

    public async Task<PrintableDocument> HandleAsync(PrintQuote query, IQuerySession session, CancellationToken cancellationToken)
    {
        var (quote, _) = await session.OfVisibleActivityAsync<Quote>(user, query.QuoteId, q => q.ActivityId, "Quote", cancellationToken);
        var heading = quote.Heading ?? await session.RebuiltHeadingAsync(quote.ActivityId, quote.ClientId, quote.IssueDate, cancellationToken);
        return SalesDocumentPrinting.Quote(quote, heading, await session.LogoAsync(heading, cancellationToken));
    }

    public async Task<PrintableDocument> HandleAsync(PrintContractDocument query, IQuerySession session, CancellationToken cancellationToken)
    {
        var (document, _) = await session.OfVisibleActivityAsync<ContractDocument>(user, query.ContractDocumentId, d => d.ActivityId, "Contract document", cancellationToken);
        var heading = document.Heading ?? await session.RebuiltHeadingAsync(document.ActivityId, document.ClientId, document.IssueDate, cancellationToken);
        return SalesDocumentPrinting.ContractDocument(document, ContractDocumentTexts.Title(document.Kind), ContractDocumentTexts.Details(document.Details), heading,
            await session.LogoAsync(heading, cancellationToken));
    }
}

public static class SalesDocumentEndpoints
{
    [WolverineGet("/api/activities/invoices/{invoiceId:guid}/html", OperationId = "GetInvoiceDocument"), ProducesResponseType<string>(StatusCodes.Status200OK, "text/html"),
     ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The invoice as a printable HTML page, with every mention French law requires.")]
    public static async Task<ContentHttpResult> InvoiceHtml(Guid invoiceId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Html(await bus.InvokeAsync<PrintableDocument>(new PrintInvoice(invoiceId), ct));

    [WolverineGet("/api/activities/invoices/{invoiceId:guid}/pdf", OperationId = "GetInvoicePdf"), ProducesResponseType<byte[]>(StatusCodes.Status200OK, DocumentPdf.ContentType),
     ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The invoice as an A4 PDF, the same content as its HTML page.")]
    public static async Task<FileContentHttpResult> InvoicePdf(Guid invoiceId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Pdf(await bus.InvokeAsync<PrintableDocument>(new PrintInvoice(invoiceId), ct));

    [WolverineGet("/api/activities/credit-notes/{creditNoteId:guid}/html", OperationId = "GetCreditNoteDocument"),
     ProducesResponseType<string>(StatusCodes.Status200OK, "text/html"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The credit note as a printable HTML page, naming the invoice it credits.")]
    public static async Task<ContentHttpResult> CreditNoteHtml(Guid creditNoteId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Html(await bus.InvokeAsync<PrintableDocument>(new PrintCreditNote(creditNoteId), ct));

    [WolverineGet("/api/activities/credit-notes/{creditNoteId:guid}/pdf", OperationId = "GetCreditNotePdf"),
     ProducesResponseType<byte[]>(StatusCodes.Status200OK, DocumentPdf.ContentType), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The credit note as an A4 PDF.")]
    public static async Task<FileContentHttpResult> CreditNotePdf(Guid creditNoteId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Pdf(await bus.InvokeAsync<PrintableDocument>(new PrintCreditNote(creditNoteId), ct));

    [WolverineGet("/api/activities/quotes/{quoteId:guid}/html", OperationId = "GetQuoteDocument"), ProducesResponseType<string>(StatusCodes.Status200OK, "text/html"),
     ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The quote as a printable HTML page.")]
    public static async Task<ContentHttpResult> QuoteHtml(Guid quoteId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Html(await bus.InvokeAsync<PrintableDocument>(new PrintQuote(quoteId), ct));

    [WolverineGet("/api/activities/quotes/{quoteId:guid}/pdf", OperationId = "GetQuotePdf"), ProducesResponseType<byte[]>(StatusCodes.Status200OK, DocumentPdf.ContentType),
     ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The quote as an A4 PDF.")]
    public static async Task<FileContentHttpResult> QuotePdf(Guid quoteId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Pdf(await bus.InvokeAsync<PrintableDocument>(new PrintQuote(quoteId), ct));

    [WolverineGet("/api/activities/contract-documents/{contractDocumentId:guid}/html", OperationId = "GetContractDocumentHtml"),
     ProducesResponseType<string>(StatusCodes.Status200OK, "text/html"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A contract document as a printable HTML page (French).")]
    public static async Task<ContentHttpResult> ContractDocumentHtml(Guid contractDocumentId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Html(await bus.InvokeAsync<PrintableDocument>(new PrintContractDocument(contractDocumentId), ct));

    [WolverineGet("/api/activities/contract-documents/{contractDocumentId:guid}/pdf", OperationId = "GetContractDocumentPdf"),
     ProducesResponseType<byte[]>(StatusCodes.Status200OK, DocumentPdf.ContentType), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A contract document as an A4 PDF.")]
    public static async Task<FileContentHttpResult> ContractDocumentPdf(Guid contractDocumentId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Pdf(await bus.InvokeAsync<PrintableDocument>(new PrintContractDocument(contractDocumentId), ct));
}
