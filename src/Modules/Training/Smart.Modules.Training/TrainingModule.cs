using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Training.Persistence;

namespace Smart.Modules.Training;

/// <summary>Training: the catalogue, sessions and registrations.</summary>
public sealed class TrainingModule : Module
{
    public override string Name => "Training";

    public override string Schema => TrainingDbContext.SchemaName;

    public override Type DbContextType => typeof(TrainingDbContext);

    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<TrainingDbContext>(Schema);
}
