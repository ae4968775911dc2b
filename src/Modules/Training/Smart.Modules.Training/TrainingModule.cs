using Smart.BuildingBlocks.Modules;

namespace Smart.Modules.Training;

/// <summary>Training: the catalogue, sessions and registrations.</summary>
public sealed class TrainingModule() : Module("Training");
