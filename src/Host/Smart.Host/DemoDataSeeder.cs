using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Modules;
using Smart.Host.Identity;

namespace Smart.Host;

/// <summary>
/// The local default's demo data (<c>Smart:SeedDemoData</c>), seeded once the bus runs: each module seeds from what
/// the previous ones published (Activities needs Governance's members), so the bus must be idle between them.
/// </summary>
internal sealed class DemoDataSeeder(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<DemoDataSeeder> logger) : BackgroundService
{
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken)) return;
        try
        {
            foreach (var module in services.GetRequiredService<ModuleCatalog>().Modules)
            {
                await module.SeedDemoDataAsync(services, stoppingToken);
                await services.WaitForIdleBusAsync(SeedTimeout, stoppingToken);
            }
            await DemoAccounts.SeedAsync(services, stoppingToken);
            logger.LogInformation("Demo data seeded; the demo logins are in the README");
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Seeding the demo data failed");
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
