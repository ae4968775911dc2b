using Microsoft.EntityFrameworkCore;

namespace Smart.Modules.Breaches.DomainEvents;

/// <summary>Not a breach: "DomainEvents" is not the Domain namespace (whole namespace segments are compared).</summary>
internal sealed class NotTheDomain(DbContext db)
{
    public DbContext Db { get; } = db;
}
