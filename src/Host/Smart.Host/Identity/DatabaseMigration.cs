using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Smart.Host.Identity;

/// <summary>Identity's EF Core migrations (the modules' schemas are Marten's, applied by each module).</summary>
internal static class DatabaseMigration
{
    /// <summary>
    /// Applies the migrations, first creating the database and the history table if they are missing, so that
    /// EF Core does not probe for them and log errors on a first start.
    /// </summary>
    public static async Task MigrateQuietlyAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
            {
                // Another host created it first.
            }
        }
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
