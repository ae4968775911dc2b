using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Collections.Persistence;

namespace Smart.Modules.Collections;

/// <summary>Collections: receivables, dunning, payments and write-downs.</summary>
public sealed class CollectionsModule : Module
{
    public override string Name => "Collections";

    public override string Schema => CollectionsDbContext.SchemaName;

    public override Type DbContextType => typeof(CollectionsDbContext);

    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<CollectionsDbContext>(Schema);
}
