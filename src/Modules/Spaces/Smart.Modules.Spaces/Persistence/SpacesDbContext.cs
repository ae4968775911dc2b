using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Persistence;

namespace Smart.Modules.Spaces.Persistence;

/// <summary>No feature yet: the schema holds the module's outbox, inbox and dead letters.</summary>
internal sealed class SpacesDbContext(DbContextOptions<SpacesDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "spaces";

    public override string Schema => SchemaName;
}
