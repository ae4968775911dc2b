using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Messaging;
using Microsoft.Extensions.Configuration;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Governance.Persistence;
using Smart.Modules.Governance.Seed;

namespace Smart.Modules.Governance;

/// <summary>Governance: the cooperative's structure (entities, offices) and its members.</summary>
public sealed class GovernanceModule : Module
{
    public override string Name => "Governance";

    public override string Schema => GovernanceDbContext.SchemaName;

    public override Type DbContextType => typeof(GovernanceDbContext);

    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<GovernanceDbContext>(Schema);

    public override async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedGovernanceDemoData(), cancellationToken);
    }
}
