using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Web;

namespace Smart.BuildingBlocks.Documents;

/// <summary>What a document's <c>…/html</c> and <c>…/pdf</c> endpoints answer.</summary>
public static class DocumentResults
{
    public static ContentHttpResult Html(PrintableDocument document) => TypedResults.Content(DocumentHtml.Render(document), HtmlPage.ContentType);

    /// <summary>The PDF as an attachment named after the document, e.g. <c>facture-SMARTFR-2026-000123.pdf</c>.</summary>
    public static FileContentHttpResult Pdf(PrintableDocument document) =>
        TypedResults.File(DocumentPdf.Render(document), DocumentPdf.ContentType, $"{document.FileName}.pdf");
}
