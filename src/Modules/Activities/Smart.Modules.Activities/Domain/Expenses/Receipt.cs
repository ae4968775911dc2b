using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Activities.Domain.Expenses;

/// <summary>The kinds of receipt we keep. What a file is comes from its first bytes, never from its name or declared type.</summary>
internal enum ReceiptKind
{
    Pdf,
    Png,
    Jpeg,
}

/// <summary>
/// Recognises a receipt from its content: a file's name and the Content-Type a client declares are claims, the bytes
/// are the evidence. A claim that disagrees with the bytes is refused rather than corrected: it is either a mistake or
/// a file pretending to be something else.
/// </summary>
internal static class ReceiptFile
{
    /// <summary>
    /// 5 MB: a scanned or photographed receipt fits comfortably, and the file is kept in PostgreSQL (bytea), where
    /// every byte is backed up and replicated. The host's request limit (10 MB by default) stays above it so that an
    /// oversized receipt gets this rule's clear message rather than a bare 413.
    /// </summary>
    public const int MaxSizeBytes = 5 * 1024 * 1024;

    public const int MaxFileNameLength = 255;

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    /// <summary>The kind the bytes show (magic numbers only), or null for anything else.</summary>
    public static ReceiptKind? Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith(PdfSignature) ? ReceiptKind.Pdf
        : content.StartsWith(PngSignature) ? ReceiptKind.Png
        : content.StartsWith(JpegSignature) ? ReceiptKind.Jpeg
        : null;

    public static string ContentType(ReceiptKind kind) => kind switch
    {
        ReceiptKind.Pdf => "application/pdf",
        ReceiptKind.Png => "image/png",
        ReceiptKind.Jpeg => "image/jpeg",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string[] Extensions(ReceiptKind kind) => kind switch
    {
        ReceiptKind.Pdf => [".pdf"],
        ReceiptKind.Png => [".png"],
        ReceiptKind.Jpeg => [".jpg", ".jpeg"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Why the file cannot be a receipt, or nothing when it can. The extension of the name must match the bytes; so
    /// must the declared Content-Type, unless the client declared none or the generic application/octet-stream (what
    /// command-line tools send by default), which claims nothing.
    /// </summary>
    public static IReadOnlyList<string> Problems(string? fileName, string? declaredContentType, ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty) return ["The receipt is empty."];
        if (content.Length > MaxSizeBytes) return [$"A receipt is at most {MaxSizeBytes / (1024 * 1024)} MB ({MaxSizeBytes} bytes); this one has {content.Length} bytes."];
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > MaxFileNameLength) return [$"A receipt has a file name of 1 to {MaxFileNameLength} characters."];
        if (Detect(content) is not { } kind) return ["A receipt is a PDF, PNG or JPEG file; the content of this one is none of them."];

        var problems = new List<string>();
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions(kind).Contains(extension))
        {
            problems.Add($"The file is named '{fileName}' but its content is a {kind} file ({string.Join(" or ", Extensions(kind))}).");
        }
        var declared = MediaType(declaredContentType);
        if (declared is not null && declared != "application/octet-stream" && declared != ContentType(kind))
        {
            problems.Add($"The file is declared as {declared} but its content is {ContentType(kind)}.");
        }
        return problems;
    }

    private static string? MediaType(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) ? null : contentType.Split(';')[0].Trim().ToLowerInvariant();
}

/// <summary>
/// The receipt of an expense, in its own table so that reading or listing expenses never loads the file. Its content
/// type is the detected one, whatever the client declared.
/// </summary>
internal sealed class ExpenseReceipt
{
    private ExpenseReceipt()
    {
        ContentType = FileName = null!;
        Content = null!;
    }

    public Guid ExpenseId { get; private set; }

    public string ContentType { get; private set; }

    public string FileName { get; private set; }

    public int SizeBytes { get; private set; }

    public byte[] Content { get; private set; }

    public static ExpenseReceipt For(Expense expense, string fileName, string? declaredContentType, byte[] content)
    {
        BusinessRules.Check(new ReceiptIsAPdfPngOrJpegOfAtMost5MB(ReceiptFile.Problems(fileName, declaredContentType, content)));
        return new ExpenseReceipt
        {
            ExpenseId = expense.Id,
            ContentType = ReceiptFile.ContentType(ReceiptFile.Detect(content)!.Value),
            FileName = fileName,
            SizeBytes = content.Length,
            Content = content,
        };
    }

    private sealed record ReceiptIsAPdfPngOrJpegOfAtMost5MB(IReadOnlyList<string> Problems) : IBusinessRule
    {
        public bool IsBroken() => Problems.Count > 0;

        public string Message => string.Join(" ", Problems);
    }
}
