using Microsoft.EntityFrameworkCore;
using Smart.Modules.Activities.Domain.Invoicing;

namespace Smart.Modules.Activities.Persistence;

internal static class DocumentNumbering
{
    /// <summary>
    /// The next number of a series, taken under a row lock held until the caller's transaction ends: concurrent
    /// issuers queue, and a rolled-back transaction gives its number back. Must run inside a transaction.
    /// </summary>
    public static async Task<DocumentNumber> NextAsync(this ActivitiesDbContext db, Guid entityId, DocumentKind kind, DateOnly issueDate, DateOnly today, CancellationToken cancellationToken)
    {
        var kindName = kind.ToString();
        var year = issueDate.Year;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO activities.document_sequences (entity_id, kind, year, last_number) VALUES ({entityId}, {kindName}, {year}, 0) ON CONFLICT DO NOTHING",
            cancellationToken);
        var sequence = await db.DocumentSequences
            .FromSql($"SELECT * FROM activities.document_sequences WHERE entity_id = {entityId} AND kind = {kindName} AND year = {year} FOR UPDATE")
            .SingleAsync(cancellationToken);
        return sequence.Next(issueDate, today);
    }
}
