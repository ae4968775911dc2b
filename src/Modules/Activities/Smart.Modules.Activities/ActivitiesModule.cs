using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Smart.BuildingBlocks.Modules;
using Smart.Modules.Activities.Persistence;
using Smart.Modules.Activities.Seed;

namespace Smart.Modules.Activities;

/// <summary>Activities: the members' businesses inside the cooperative (activities, clients, invoices, budget ledger).</summary>
public sealed class ActivitiesModule() : Module("Activities", ActivitiesDbContext.SchemaName, typeof(ActivitiesDbContext))
{
    public override async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedActivitiesDemoData(), cancellationToken);
    }
}
