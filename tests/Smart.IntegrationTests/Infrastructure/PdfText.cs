using System.Net;
using Smart.BuildingBlocks.Documents;
using UglyToad.PdfPig;

namespace Smart.IntegrationTests.Infrastructure;

/// <summary>Reads back the text of a PDF the API answered, the one way every test does it.</summary>
public static class PdfText
{
    /// <summary>Asserts a 200 PDF answer and returns the text of its pages, in order.</summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentPdf.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Concat(pdf.GetPages().Select(p => p.Text));
    }

    /// <summary>Without any space: a PDF's text comes back line by line, its wrapped lines joined without one.</summary>
    public static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '\u202f'));
}
