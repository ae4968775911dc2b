using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Activities.Persistence;

namespace Smart.Modules.Activities;

/// <summary>Activities: the members' businesses inside the cooperative (activities, clients, invoices, budget ledger).</summary>
public sealed class ActivitiesModule : Module
{
    public override string Name => "Activities";

    public override string Schema => ActivitiesDbContext.SchemaName;

    public override Type DbContextType => typeof(ActivitiesDbContext);

    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<ActivitiesDbContext>(Schema);
}
