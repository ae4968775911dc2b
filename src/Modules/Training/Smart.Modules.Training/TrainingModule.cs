using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;
using Smart.BuildingBlocks.Modules;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Training.Seed;

namespace Smart.Modules.Training;

/// <summary>Training: the catalogue, sessions in Spaces rooms, registrations, attendance and figures, as Marten documents.</summary>
public sealed class TrainingModule() : Module("Training")
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddTrainingStore();

    /// <summary>Every handler of this assembly taking a Marten session gets one of <see cref="ITrainingStore"/>, with its transaction and outbox.</summary>
    public override void ConfigureBus(WolverineOptions opts) =>
        opts.Policies.UseAncillaryStorageFromAssemblyContaining<ITrainingStore>(typeof(ITrainingStore));

    /// <summary>Creates or updates the documents' tables and indexes to match <see cref="TrainingStore"/>.</summary>
    public override Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ITrainingStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);

    /// <summary>The 2025–2026 catalogue and sessions in the Lille and Rennes rooms Spaces seeded, with members Activities seeded.</summary>
    public override async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var lille = await bus.InvokeAsync<OfficeReference?>(new FindOffice("SmartFr", "Lille"), cancellationToken);
        var rennes = await bus.InvokeAsync<OfficeReference?>(new FindOffice("SmartFr", "Rennes"), cancellationToken);
        if (lille is null || rennes is null) return;
        await bus.InvokeAsync(new SeedTrainingDemoData(lille, rennes,
            await bus.InvokeAsync<IReadOnlyList<RoomReference>>(new ListRooms(lille.OfficeId), cancellationToken),
            await bus.InvokeAsync<IReadOnlyList<RoomReference>>(new ListRooms(rennes.OfficeId), cancellationToken),
            await bus.InvokeAsync<IReadOnlyList<ActivityStanding>>(new ListOpenActivities(lille.OfficeId, 40), cancellationToken),
            await bus.InvokeAsync<IReadOnlyList<ActivityStanding>>(new ListOpenActivities(rennes.OfficeId, 20), cancellationToken)), cancellationToken);
    }
}
