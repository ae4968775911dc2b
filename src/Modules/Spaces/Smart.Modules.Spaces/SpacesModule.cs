using Smart.BuildingBlocks.Modules;
using Smart.Modules.Spaces.Persistence;

namespace Smart.Modules.Spaces;

/// <summary>Spaces: shared workplaces, resources and bookings.</summary>
public sealed class SpacesModule() : Module("Spaces", SpacesDbContext.SchemaName, typeof(SpacesDbContext));
