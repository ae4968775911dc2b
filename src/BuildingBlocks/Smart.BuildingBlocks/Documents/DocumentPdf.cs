using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Smart.BuildingBlocks.Documents;

/// <summary>
/// A <see cref="PrintableDocument"/> as an A4 PDF with the same content as its HTML page: text wrapped to the page,
/// tables continued on the next page under their repeated header, "Page n / N" at the bottom when it runs over a page.
/// The font ships with the platform (<see cref="EmbeddedFonts"/>): a server may have none installed.
/// </summary>
public static class DocumentPdf
{
    public const string ContentType = "application/pdf";

    private const double Margin = 50;
    private const double BottomMargin = 60;
    private const double BodySize = 9;
    private const double SmallSize = 7.5;
    private const double CellPadding = 3;

    static DocumentPdf() => EmbeddedFonts.Install();

    public static byte[] Render(PrintableDocument document)
    {
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "Smart";
        using (var writer = new Writer(pdf))
        {
            writer.Header(document);
            foreach (var block in document.Blocks)
            {
                writer.Write(block);
            }
        }
        NumberPages(pdf);
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void NumberPages(PdfDocument pdf)
    {
        if (pdf.PageCount < 2) return;
        var font = new XFont(EmbeddedFonts.Family, SmallSize);
        for (var i = 0; i < pdf.PageCount; i++)
        {
            var page = pdf.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            graphics.DrawString($"Page {i + 1} / {pdf.PageCount}", font, XBrushes.Black,
                new XRect(0, page.Height.Point - BottomMargin + 20, page.Width.Point, 12), XStringFormats.TopCenter);
        }
    }

    /// <summary>Lays blocks down the page from the top, opening a new page when the next piece does not fit.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly PdfDocument _pdf;
        private readonly XFont _body = new(EmbeddedFonts.Family, BodySize);
        private readonly XFont _bold = new(EmbeddedFonts.Family, BodySize, XFontStyleEx.Bold);
        private readonly XFont _small = new(EmbeddedFonts.Family, SmallSize);
        private readonly XFont _title = new(EmbeddedFonts.Family, 15, XFontStyleEx.Bold);
        private readonly XFont _section = new(EmbeddedFonts.Family, 11, XFontStyleEx.Bold);
        private XGraphics _graphics = null!;
        private PdfPage _page = null!;
        private double _y;

        public Writer(PdfDocument pdf)
        {
            _pdf = pdf;
            NewPage();
        }

        private double Width => _page.Width.Point - 2 * Margin;

        private double Bottom => _page.Height.Point - BottomMargin;

        public void Header(PrintableDocument document)
        {
            var logoHeight = 0d;
            if (document.Logo is { } logo)
            {
                using var stream = new MemoryStream(logo.Content);
                using var image = XImage.FromStream(stream);
                // At most 140 × 50 pt, in proportion, top right.
                var scale = Math.Min(140 / image.PointWidth, 50 / image.PointHeight);
                var (width, height) = (image.PointWidth * scale, image.PointHeight * scale);
                _graphics.DrawImage(image, Margin + Width - width, _y, width, height);
                logoHeight = height;
            }
            var titleWidth = document.Logo is null ? Width : Width - 150;
            var titleBottom = Lines(document.Title, _title, titleWidth, 18);
            _y = Math.Max(titleBottom, _y + logoHeight) + 10;
        }

        public void Write(DocumentBlock block)
        {
            switch (block)
            {
                case PartiesBlock parties:
                    Parties(parties);
                    break;
                case FactsBlock facts:
                    foreach (var fact in facts.Facts)
                    {
                        Fit(BodySize + 3);
                        var label = $"{fact.Label} : ";
                        var labelWidth = _graphics.MeasureString(label, _body).Width;
                        _graphics.DrawString(label, _body, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
                        _y = Lines(fact.Value, _bold, Width - labelWidth, BodySize + 3, Margin + labelWidth);
                    }
                    _y += 6;
                    break;
                case SectionBlock section:
                    Fit(40);
                    _y += 4;
                    _y = Lines(section.Title, _section, Width, 14) + 4;
                    break;
                case TableBlock table:
                    Table(table);
                    break;
                case TotalsBlock totals:
                    Totals(totals);
                    break;
                case ParagraphBlock paragraph:
                    var (font, leading) = paragraph.Style switch
                    {
                        TextStyle.Strong => (_bold, BodySize + 3),
                        TextStyle.Small => (_small, SmallSize + 2.5),
                        _ => (_body, BodySize + 3),
                    };
                    _y = Lines(paragraph.Text, font, Width, leading) + 6;
                    break;
                case ChartBlock chart:
                    Chart(chart);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "No PDF for this kind of block.");
            }
        }

        private void Parties(PartiesBlock parties)
        {
            var half = (Width - 30) / 2;
            var blocks = new[] { (parties.Issuer, parties.IssuerCaption, Margin), (parties.Recipient, parties.RecipientCaption, Margin + half + 30) };
            var height = blocks.Where(b => b.Item1 is not null).Max(b => PartyHeight(b.Item1!, b.Item2, half));
            Fit(height);
            var top = _y;
            var bottom = top;
            foreach (var (party, caption, x) in blocks)
            {
                if (party is null) continue;
                _y = top;
                if (caption is not null) _y = Lines(caption, _small, half, SmallSize + 2.5, x);
                _y = Lines(party.Name, _bold, half, BodySize + 3, x);
                foreach (var line in party.Lines) _y = Lines(line, _body, half, BodySize + 3, x);
                bottom = Math.Max(bottom, _y);
            }
            _y = bottom + 12;
        }

        private double PartyHeight(DocumentParty party, string? caption, double width) =>
            (caption is null ? 0 : Wrap(caption, _small, width).Count * (SmallSize + 2.5))
            + (Wrap(party.Name, _bold, width).Count + party.Lines.Sum(l => Wrap(l, _body, width).Count)) * (BodySize + 3);

        private void Table(TableBlock table)
        {
            var total = table.Columns.Sum(c => c.Width);
            var widths = table.Columns.Select(c => Width * c.Width / total).ToArray();
            var header = new DocumentRow(table.Columns.Select(c => c.Header).ToList(), Strong: true);
            Row(table, widths, header, headerRow: true, afterBreak: null);
            foreach (var row in table.Rows)
            {
                Row(table, widths, row, headerRow: false, afterBreak: () => Row(table, widths, header, headerRow: true, afterBreak: null));
            }
            _y += 8;
        }

        private void Row(TableBlock table, double[] widths, DocumentRow row, bool headerRow, Action? afterBreak)
        {
            var font = row.Strong ? _bold : _body;
            var cells = table.Columns.Select((c, i) => Wrap(i < row.Cells.Count ? row.Cells[i] : "", font, widths[i] - 2 * CellPadding)).ToList();
            var height = cells.Max(c => c.Count) * (BodySize + 3) + 2 * CellPadding;
            // A header is kept with at least one row after it.
            if (Fit(headerRow ? height * 2 : height)) afterBreak?.Invoke();
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var lineY = _y + CellPadding;
                foreach (var line in cells[i])
                {
                    if (table.Columns[i].Numeric)
                    {
                        _graphics.DrawString(line, font, XBrushes.Black, new XRect(x, lineY, widths[i] - CellPadding, BodySize + 3), XStringFormats.TopRight);
                    }
                    else
                    {
                        _graphics.DrawString(line, font, XBrushes.Black, x + CellPadding, lineY, XStringFormats.TopLeft);
                    }
                    lineY += BodySize + 3;
                }
                x += widths[i];
            }
            _y += height;
            _graphics.DrawLine(headerRow ? XPens.Black : XPens.LightGray, Margin, _y, Margin + Width, _y);
        }

        /// <summary>The chart in vector drawing, from the layout the HTML page's SVG uses, under its title.</summary>
        private void Chart(ChartBlock chart)
        {
            Fit(ChartLayout.Height + BodySize + 12);
            _y = Lines(chart.Title, _bold, Width, BodySize + 4);
            var layout = new ChartLayout(chart);
            var (left, top) = (Margin, _y);
            var label = new XFont(EmbeddedFonts.Family, 7);
            foreach (var (value, y) in layout.Ticks())
            {
                _graphics.DrawLine(XPens.LightGray, left + ChartLayout.PlotLeft, top + y, left + ChartLayout.PlotRight, top + y);
                _graphics.DrawString(FrenchFormat.Number(value, "#,0"), label, XBrushes.Black,
                    new XRect(left, top + y - 5, ChartLayout.PlotLeft - 4, 10), XStringFormats.CenterRight);
            }
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var color = XColor.FromArgb(Convert.ToInt32(ChartLayout.Colors[s % ChartLayout.Colors.Count][1..], 16) | unchecked((int)0xFF000000));
                if (chart.Kind == ChartKind.Bar)
                {
                    for (var c = 0; c < chart.Series[s].Values.Count; c++)
                    {
                        var (x, y, width, height) = layout.Bar(c, s, chart.Series[s].Values[c]);
                        _graphics.DrawRectangle(new XSolidBrush(color), left + x, top + y, width, height);
                    }
                }
                else if (layout.Line(s) is { Count: > 1 } line)
                {
                    _graphics.DrawLines(new XPen(color, 1.5), line.Select(p => new XPoint(left + p.X, top + p.Y)).ToArray());
                }
                var (legendX, legendY) = ChartLayout.Legend(s);
                _graphics.DrawRectangle(new XSolidBrush(color), left + legendX, top + legendY, 8, 8);
                _graphics.DrawString(chart.Series[s].Name, label, XBrushes.Black, left + legendX + 12, top + legendY, XStringFormats.TopLeft);
            }
            for (var c = 0; c < chart.Categories.Count; c++)
            {
                var (x, y) = (left + layout.CategoryX(c), top + ChartLayout.PlotBottom + 6);
                var state = _graphics.Save();
                _graphics.RotateAtTransform(-30, new XPoint(x, y));
                _graphics.DrawString(chart.Categories[c], label, XBrushes.Black, new XRect(x - 120, y, 120, 9), XStringFormats.TopRight);
                _graphics.Restore(state);
            }
            _graphics.DrawLine(XPens.Black, left + ChartLayout.PlotLeft, top + layout.Y(0), left + ChartLayout.PlotRight, top + layout.Y(0));
            _y = top + ChartLayout.Height + 8;
        }

        private void Totals(TotalsBlock totals)
        {
            const double amountWidth = 110;
            const double labelWidth = 190;
            Fit(totals.Lines.Count * (BodySize + 5));
            foreach (var line in totals.Lines)
            {
                var font = line.Strong ? _bold : _body;
                var left = Margin + Width - amountWidth - labelWidth;
                _graphics.DrawString(line.Label, font, XBrushes.Black, new XRect(left, _y, labelWidth, BodySize + 5), XStringFormats.TopLeft);
                _graphics.DrawString(line.Amount, font, XBrushes.Black, new XRect(left + labelWidth, _y, amountWidth, BodySize + 5), XStringFormats.TopRight);
                _y += BodySize + 5;
            }
            _y += 8;
        }

        /// <summary>Draws wrapped text from the current line, page after page if need be; returns the y below it.</summary>
        private double Lines(string text, XFont font, double width, double leading, double x = Margin)
        {
            foreach (var line in Wrap(text, font, width))
            {
                _ = Fit(leading);
                _graphics.DrawString(line, font, XBrushes.Black, x, _y, XStringFormats.TopLeft);
                _y += leading;
            }
            return _y;
        }

        /// <summary>Words to lines no wider than <paramref name="width"/>; a word wider than a line is cut.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : $"{line} {word}";
                    if (_graphics.MeasureString(candidate, font).Width <= width)
                    {
                        line = candidate;
                        continue;
                    }
                    if (line.Length > 0) lines.Add(line);
                    line = word;
                    while (line.Length > 1 && _graphics.MeasureString(line, font).Width > width)
                    {
                        var cut = line.Length - 1;
                        while (cut > 1 && _graphics.MeasureString(line[..cut], font).Width > width) cut--;
                        lines.Add(line[..cut]);
                        line = line[cut..];
                    }
                }
                lines.Add(line);
            }
            return lines;
        }

        /// <summary>Opens a new page unless <paramref name="height"/> still fits; says whether it did.</summary>
        private bool Fit(double height)
        {
            if (_y + height <= Bottom) return false;
            _graphics.Dispose();
            NewPage();
            return true;
        }

        private void NewPage()
        {
            _page = _pdf.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        public void Dispose() => _graphics.Dispose();
    }
}

/// <summary>DejaVu Sans (free licence, see Fonts/LICENSE-DejaVu.txt), embedded in this assembly, for every family PDFsharp asks for.</summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();

    private static readonly Dictionary<string, byte[]> Faces = new()
    {
        ["DejaVuSans"] = Load("DejaVuSans.ttf"),
        ["DejaVuSans-Bold"] = Load("DejaVuSans-Bold.ttf"),
    };

    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts) GlobalFontSettings.FontResolver = new EmbeddedFonts();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        // No italic face is shipped: PDFsharp slants the regular one.
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

    public byte[] GetFont(string faceName) => Faces[faceName];

    private static byte[] Load(string file)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Smart.BuildingBlocks.Documents.Fonts.{file}")
            ?? throw new InvalidOperationException($"The font {file} is not embedded in Smart.BuildingBlocks.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
