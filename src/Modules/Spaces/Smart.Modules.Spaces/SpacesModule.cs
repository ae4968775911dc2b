using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;
using Smart.BuildingBlocks.Modules;

namespace Smart.Modules.Spaces;

/// <summary>Spaces: shared workplaces, their resources, bookings and residencies, as Marten documents.</summary>
public sealed class SpacesModule() : Module("Spaces")
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSpacesStore(configuration);

    /// <summary>Every handler of this assembly taking a Marten session gets one of <see cref="ISpacesStore"/>, with its transaction and outbox.</summary>
    public override void ConfigureBus(WolverineOptions opts) =>
        opts.Policies.UseAncillaryStorageFromAssemblyContaining<ISpacesStore>(typeof(ISpacesStore));

    /// <summary>Creates or updates the documents' tables and indexes to match <see cref="SpacesStore"/>.</summary>
    public override Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ISpacesStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
}
