namespace Smart.Modules.Activities.Domain.Invoicing;

/// <summary>The legal series of Activities' documents, each numbered per entity and year (FA2026-000042, DE2026-000001…).</summary>
internal enum DocumentKind
{
    Invoice,
    CreditNote,
    Quote,
    ContractDocument,
}

internal static class DocumentSeries
{
    /// <summary>The prefix of the kind's series, which is also its key in the numbering service.</summary>
    public static string Prefix(this DocumentKind kind) => kind switch
    {
        DocumentKind.Invoice => "FA",
        DocumentKind.CreditNote => "AV",
        DocumentKind.Quote => "DE",
        DocumentKind.ContractDocument => "CT",
        _ => throw new InvalidOperationException($"Unknown document kind {kind}."),
    };
}
