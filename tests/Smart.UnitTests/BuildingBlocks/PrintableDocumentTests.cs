using Smart.BuildingBlocks.Documents;
using UglyToad.PdfPig;

namespace Smart.UnitTests.BuildingBlocks;

public sealed class PrintableDocumentTests
{
    private static PrintableDocument Invoice(int lines) => new("Facture SMARTFR-2026-000042", "facture-SMARTFR-2026-000042",
    [
        new PartiesBlock(new DocumentParty("SMart FR", ["SCIC SA à capital variable", "59000 Lille"]), new DocumentParty("Théâtre du Nord", ["4 place du Général-de-Gaulle"]),
            "Émetteur", "Client"),
        new FactsBlock([new DocumentFact("Date d'émission", FrenchFormat.Date(new DateOnly(2026, 3, 9)))]),
        new TableBlock([new DocumentColumn("Désignation", 4), new DocumentColumn("Montant HT", 1, Numeric: true)],
            Enumerable.Range(1, lines).Select(i => new DocumentRow([$"Représentation n° {i}", "1 234,50 €"])).ToList()),
        new TotalsBlock([new DocumentTotal("Total TTC", "1 481,40 €", Strong: true)]),
        new ParagraphBlock("Pas d'escompte pour paiement anticipé.", TextStyle.Small),
    ]);

    private static IReadOnlyList<string> PagesOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToList();
    }

    [Fact]
    public void Given_a_one_page_document_Then_its_PDF_reads_back_with_accents_and_euros_and_no_page_number()
    {
        var pdf = DocumentPdf.Render(Invoice(3));

        var page = Assert.Single(PagesOf(pdf));
        Assert.Contains("Théâtre du Nord", page);
        Assert.Contains("09/03/2026", page);
        Assert.Contains("1 481,40 €", page);
        Assert.Contains("Représentation n° 3", page);
        Assert.Contains("escompte", page);
        Assert.DoesNotContain("Page 1", page);
    }

    [Fact]
    public void Given_a_table_longer_than_a_page_Then_every_row_is_printed_and_pages_are_numbered()
    {
        var pages = PagesOf(DocumentPdf.Render(Invoice(80)));

        Assert.True(pages.Count >= 2);
        Assert.Contains($"Page 1 / {pages.Count}", pages[0]);
        Assert.Contains($"Page {pages.Count} / {pages.Count}", pages[^1]);
        var all = string.Concat(pages);
        Assert.All(Enumerable.Range(1, 80), i => Assert.Contains($"Représentation n° {i}1 234,50 €", all));
        // The table's header is repeated on the page it continues on.
        Assert.Contains("Désignation", pages[1]);
    }

    [Fact]
    public void Given_a_document_Then_its_HTML_page_carries_the_same_texts_encoded()
    {
        var html = DocumentHtml.Render(Invoice(1) with { Blocks = [new ParagraphBlock("<script>alert(1)</script>\nligne 2")] });

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;<br>ligne 2", html);
        Assert.DoesNotContain("<script>", html);
    }
}
