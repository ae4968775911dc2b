using Smart.BuildingBlocks.Modules;

namespace Smart.Modules.Spaces;

/// <summary>Spaces: shared workplaces, resources and bookings.</summary>
public sealed class SpacesModule() : Module("Spaces");
