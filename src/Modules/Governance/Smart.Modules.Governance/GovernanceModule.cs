using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Smart.BuildingBlocks.Modules;
using Smart.Modules.Governance.Persistence;
using Smart.Modules.Governance.Seed;

namespace Smart.Modules.Governance;

/// <summary>Governance: the cooperative's structure (entities, offices) and its members.</summary>
public sealed class GovernanceModule() : Module("Governance", GovernanceDbContext.SchemaName, typeof(GovernanceDbContext))
{
    public override async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedGovernanceDemoData(), cancellationToken);
    }
}
