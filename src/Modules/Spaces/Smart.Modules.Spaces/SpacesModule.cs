using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;
using Smart.BuildingBlocks.Modules;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Spaces.Seed;

namespace Smart.Modules.Spaces;

/// <summary>Spaces: shared workplaces, their resources, bookings and residencies, as Marten documents.</summary>
public sealed class SpacesModule() : Module("Spaces")
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSpacesStore();

    /// <summary>Every handler of this assembly taking a Marten session gets one of <see cref="ISpacesStore"/>, with its transaction and outbox.</summary>
    public override void ConfigureBus(WolverineOptions opts) =>
        opts.Policies.UseAncillaryStorageFromAssemblyContaining<ISpacesStore>(typeof(ISpacesStore));

    /// <summary>Creates or updates the documents' tables and indexes to match <see cref="SpacesStore"/>.</summary>
    public override Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ISpacesStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);

    /// <summary>Bazaar St-So and Bigre!Lieu, with the offices Governance seeded and the activities Activities seeded before.</summary>
    public override async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var lille = await bus.InvokeAsync<OfficeReference?>(new FindOffice("SmartFr", "Lille"), cancellationToken);
        var rennes = await bus.InvokeAsync<OfficeReference?>(new FindOffice("SmartFr", "Rennes"), cancellationToken);
        if (lille is null || rennes is null) return;
        await bus.InvokeAsync(new SeedSpacesDemoData(lille, rennes,
            await bus.InvokeAsync<IReadOnlyList<ActivityStanding>>(new ListOpenActivities(lille.OfficeId, 60), cancellationToken),
            await bus.InvokeAsync<IReadOnlyList<ActivityStanding>>(new ListOpenActivities(rennes.OfficeId, 30), cancellationToken)), cancellationToken);
    }
}
