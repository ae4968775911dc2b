using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;
using Smart.BuildingBlocks.Modules;
using Smart.Modules.Governance.Seed;

namespace Smart.Modules.Governance;

/// <summary>Governance: the cooperative's structure (entities, offices) and its members, as Marten documents.</summary>
public sealed class GovernanceModule() : Module("Governance")
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddGovernanceStore();

    /// <summary>Every handler of this assembly taking a Marten session gets one of <see cref="IGovernanceStore"/>, with its transaction and outbox.</summary>
    public override void ConfigureBus(WolverineOptions opts) =>
        opts.Policies.UseAncillaryStorageFromAssemblyContaining<IGovernanceStore>(typeof(IGovernanceStore));

    /// <summary>Creates or updates the documents' tables and indexes to match <see cref="GovernanceStore"/>.</summary>
    public override async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IGovernanceStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
        await store.MoveFiguresToRowsAsync(cancellationToken);
    }

    public override async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedGovernanceDemoData(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedCooperativeLifeDemoData(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedDemoAssemblies(), cancellationToken);
    }
}
