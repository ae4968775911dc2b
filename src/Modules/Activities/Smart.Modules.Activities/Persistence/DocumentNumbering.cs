using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Activities.Domain.Invoicing;

namespace Smart.Modules.Activities.Persistence;

internal static class DocumentNumbering
{
    /// <summary>The next number of the kind's series, from <see cref="LegalNumbering"/> in the session's transaction.</summary>
    public static Task<LegalNumber> NextAsync(this IDocumentSession session, Guid entityId, DocumentKind kind, DateOnly issueDate, DateOnly today,
        CancellationToken cancellationToken) =>
        session.NextAsync(ActivitiesStore.Schema, entityId, kind.Prefix(), issueDate, today, cancellationToken);

    /// <summary>Numbers of the kind's series for documents of several dates in one transaction (a group commit), each date's own refusal apart.</summary>
    public static Task<IReadOnlyList<NumberOrRefusal>> NextForDatesAsync(this IDocumentSession session, Guid entityId, DocumentKind kind,
        IReadOnlyList<DateOnly> issueDates, DateOnly today, CancellationToken cancellationToken) =>
        session.NextForDatesAsync(ActivitiesStore.Schema, entityId, kind.Prefix(), issueDates, today, cancellationToken);
}
