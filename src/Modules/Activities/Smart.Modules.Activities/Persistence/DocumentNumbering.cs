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
}
