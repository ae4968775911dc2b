namespace Smart.BuildingBlocks.Documents;

/// <summary>
/// A document handed to someone outside the platform — an invoice, a payslip, a certificate, a formal notice — as the
/// blocks it reads in, top to bottom. One model, two renderings with the same content: a printable HTML page
/// (<see cref="DocumentHtml"/>) and an A4 PDF (<see cref="DocumentPdf"/>). Modules build it from their stored document,
/// never from live settings, so it reads the same years later. Every text is plain (the renderers encode it); amounts,
/// rates and dates arrive formatted (<see cref="Web.HtmlPage.Euros"/>, <see cref="Web.HtmlPage.Percent"/>, <see cref="FrenchFormat.Date"/>).
/// </summary>
/// <param name="Title">Shown at the top, and the PDF's title (e.g. "Facture SMARTFR-2026-000123").</param>
/// <param name="FileName">The PDF's file name without extension (e.g. "facture-SMARTFR-2026-000123").</param>
public sealed record PrintableDocument(string Title, string FileName, IReadOnlyList<DocumentBlock> Blocks, DocumentImage? Logo = null);

/// <summary>A PNG or JPEG image, e.g. the issuer's logo.</summary>
public sealed record DocumentImage(string ContentType, byte[] Content);

/// <summary>A party on a document: who issues it (seller, employer) or whom it is for (client, employee).</summary>
public sealed record DocumentParty(string Name, IReadOnlyList<string> Lines);

public abstract record DocumentBlock;

/// <summary>The issuer on the left, the recipient (if any) on the right, each under an optional caption.</summary>
public sealed record PartiesBlock(DocumentParty Issuer, DocumentParty? Recipient, string? IssuerCaption = null, string? RecipientCaption = null) : DocumentBlock;

/// <summary>"Label : value" lines: number, dates, period, references.</summary>
public sealed record FactsBlock(IReadOnlyList<DocumentFact> Facts) : DocumentBlock;

public sealed record DocumentFact(string Label, string Value);

/// <summary>A titled section start.</summary>
public sealed record SectionBlock(string Title) : DocumentBlock;

/// <summary>A table: numeric columns are right-aligned; strong rows (totals) are bold.</summary>
public sealed record TableBlock(IReadOnlyList<DocumentColumn> Columns, IReadOnlyList<DocumentRow> Rows) : DocumentBlock;

/// <param name="Width">Relative width: the columns share the page's width in proportion.</param>
public sealed record DocumentColumn(string Header, double Width, bool Numeric = false);

public sealed record DocumentRow(IReadOnlyList<string> Cells, bool Strong = false);

/// <summary>Amounts stacked on the right (total excl. VAT, VAT, total incl. VAT…).</summary>
public sealed record TotalsBlock(IReadOnlyList<DocumentTotal> Lines) : DocumentBlock;

public sealed record DocumentTotal(string Label, string Amount, bool Strong = false);

public enum TextStyle
{
    Normal,
    Strong,

    /// <summary>Legal mentions and footnotes.</summary>
    Small,
}

/// <summary>A paragraph; line breaks in the text are kept.</summary>
public sealed record ParagraphBlock(string Text, TextStyle Style = TextStyle.Normal) : DocumentBlock;
