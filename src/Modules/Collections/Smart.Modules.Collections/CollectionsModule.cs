using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Modules;
using Smart.Modules.Collections.Features.ClientLinks;
using Smart.Modules.Collections.Features.Dunning;
using Smart.Modules.Collections.Seed;
using Wolverine;
using Wolverine.Marten;

namespace Smart.Modules.Collections;

/// <summary>Collections: receivables (event streams), dunning plans on time, payments and disputes.</summary>
public sealed class CollectionsModule() : Module("Collections")
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCollectionsStore();
        services.AddSingleton<ClientLinks>();
    }

    /// <summary>
    /// Every handler of this assembly taking a Marten session gets one of <see cref="ICollectionsStore"/>, with its
    /// transaction and outbox. Dunning steps are taken in batches (ADR 0126): the durable queue keeps each step's message
    /// until the batch that takes it commits.
    /// </summary>
    public override void ConfigureBus(WolverineOptions opts)
    {
        opts.Policies.UseAncillaryStorageFromAssemblyContaining<ICollectionsStore>(typeof(ICollectionsStore));
        opts.BatchMessagesOf<DunningStepDue>(batching => batching.BatchSize = StepBatchSize);
    }

    /// <summary>Steps taken in one transaction at most.</summary>
    internal const int StepBatchSize = 100;

    /// <summary>Creates or updates the event store's and documents' tables to match <see cref="CollectionsStore"/>.</summary>
    public override Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ICollectionsStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);

    /// <summary>Runs after Activities and Payroll: their invoices are receivables by then.</summary>
    public override async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedCollectionsDemoData(), cancellationToken);
    }
}
