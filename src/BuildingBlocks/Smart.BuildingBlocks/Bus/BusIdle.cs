using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Smart.BuildingBlocks.Persistence;
using Wolverine.Runtime;

namespace Smart.BuildingBlocks.Bus;

public static class BusIdle
{
    /// <summary>A retry scheduled this close ahead is still on its way (the first retry comes after a second).</summary>
    private static readonly TimeSpan RetryHorizon = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Waits until the message store holds nothing received and not yet handled, nothing still to send, and no scheduled
    /// message (or retry) due: what was published so far has been handled by every subscriber, or dead-lettered. Used
    /// between the modules' demo seeds, where one module seeds from what the previous one published, and by tests.
    /// </summary>
    public static async Task WaitForIdleBusAsync(this IServiceProvider services, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var admin = services.GetRequiredService<IWolverineRuntime>().Storage.Admin;
        var database = services.GetRequiredService<NpgsqlDataSource>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            // Scheduled first: the scheduler moves a due message to 'Incoming' in one update, so checking in this order
            // never misses a message on its way from one to the other.
            try
            {
                if (await DueScheduledAsync(database, cancellationToken) == 0 && await admin.FetchCountsAsync() is { Incoming: 0, Outgoing: 0 })
                {
                    return;
                }
            }
            catch (Exception e) when (DatabaseUnavailable.Is(e))
            {
                // A pooled connection broken by an outage fails once (and clears its pool): ask again.
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The bus still has messages to handle after {timeout}.");
            }
        }
    }

    private static async Task<long> DueScheduledAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"SELECT count(*) FROM {SmartBus.Schema}.wolverine_incoming_envelopes WHERE status = 'Scheduled' AND execution_time <= now() + $1");
        command.Parameters.AddWithValue(RetryHorizon);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
