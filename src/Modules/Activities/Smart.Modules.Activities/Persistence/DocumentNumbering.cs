using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Activities.Domain.Invoicing;

namespace Smart.Modules.Activities.Persistence;

internal static class DocumentNumbering
{
    /// <summary>The next number of the kind's series, from <see cref="LegalNumbering"/> in the context's open transaction.</summary>
    public static Task<LegalNumber> NextAsync(this ActivitiesDbContext db, Guid entityId, DocumentKind kind, DateOnly issueDate, DateOnly today, CancellationToken cancellationToken) =>
        LegalNumbering.NextAsync(db.Database.GetDbConnection(), ActivitiesDbContext.SchemaName, entityId, kind.Prefix(), issueDate, today, cancellationToken);
}
