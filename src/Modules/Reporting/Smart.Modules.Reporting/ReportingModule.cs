using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Modules;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Reporting.Seed;
using Wolverine;
using Wolverine.Marten;

namespace Smart.Modules.Reporting;

/// <summary>
/// Reporting: the annual activity report, from a journal of the facts the other modules' integration events told it
/// and the read models Marten's async daemon projects from it. It reads no other module's tables.
/// </summary>
public sealed class ReportingModule() : Module("Reporting")
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddReportingStore(configuration);

    /// <summary>
    /// Every handler of this assembly taking a Marten session gets one of <see cref="IReportingStore"/>, with its
    /// transaction and outbox. <c>ReminderSent</c> is handled in batches (ADR 0120): the durable queue keeps each reminder
    /// until the batch that records it commits.
    /// </summary>
    public override void ConfigureBus(WolverineOptions opts)
    {
        opts.Policies.UseAncillaryStorageFromAssemblyContaining<IReportingStore>(typeof(IReportingStore));
        opts.BatchMessagesOf<ReminderSent>(batching => batching.BatchSize = ReminderBatchSize);
    }

    /// <summary>Reminders recorded in one transaction at most.</summary>
    internal const int ReminderBatchSize = 100;

    /// <summary>Creates or updates the journal's, the read models' and the daemon's tables.</summary>
    public override Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IReportingStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);

    /// <summary>Reporting seeds nothing of its own; with <c>Smart:Demo:ReportingScale</c> set, last year at that share of the 2018 scale (<see cref="ScaleDemoYear"/>).</summary>
    public override async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (ScaleDemoYear.ScaleIn(services.GetRequiredService<IConfiguration>()) is { } scale)
        {
            await ScaleDemoYear.DeliverAsync(services, scale, cancellationToken);
        }
    }
}
