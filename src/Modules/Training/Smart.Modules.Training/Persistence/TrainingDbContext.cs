using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Persistence;

namespace Smart.Modules.Training.Persistence;

/// <summary>No feature yet: the schema holds the module's outbox, inbox and dead letters.</summary>
internal sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "training";

    public override string Schema => SchemaName;
}
