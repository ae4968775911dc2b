using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Persistence;

namespace Smart.Modules.Collections.Persistence;

/// <summary>No feature yet: the schema holds the module's outbox, inbox and dead letters.</summary>
internal sealed class CollectionsDbContext(DbContextOptions<CollectionsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "collections";

    public override string Schema => SchemaName;
}
