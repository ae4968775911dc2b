using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Spaces.Persistence;

namespace Smart.Modules.Spaces;

/// <summary>Spaces: shared workplaces, resources and bookings.</summary>
public sealed class SpacesModule : Module
{
    public override string Name => "Spaces";

    public override string Schema => SpacesDbContext.SchemaName;

    public override Type DbContextType => typeof(SpacesDbContext);

    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<SpacesDbContext>(Schema);
}
