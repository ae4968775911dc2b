using Smart.BuildingBlocks.Modules;
using Smart.Modules.Training.Persistence;

namespace Smart.Modules.Training;

/// <summary>Training: the catalogue, sessions and registrations.</summary>
public sealed class TrainingModule() : Module("Training", TrainingDbContext.SchemaName, typeof(TrainingDbContext));
