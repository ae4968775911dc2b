using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Smart.BuildingBlocks.Persistence;

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
        var database = services.GetRequiredService<NpgsqlDataSource>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var asked = Stopwatch.GetTimestamp();
            try
            {
                if (!await BusyAsync(database, cancellationToken))
                {
                    return;
                }
            }
            catch (Exception e) when (DatabaseUnavailable.Is(e))
            {
                // A pooled connection broken by an outage fails once (and clears its pool): ask again.
            }
            // Every 20 ms, or less often when the store is large enough for the question to cost: at most a tenth of a
            // core, so that waiting for a backlog of thousands of messages does not slow it down.
            var pause = TimeSpan.FromTicks(Math.Max(MinimumPause.Ticks, Stopwatch.GetElapsedTime(asked).Ticks * 10));
            try
            {
                await Task.Delay(pause, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The bus still has messages to handle after {timeout}.");
            }
        }
    }

    private static readonly TimeSpan MinimumPause = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// One statement, so one snapshot: the scheduler moves a due message from 'Scheduled' to 'Incoming' in one update, and
    /// the question sees it on one side or the other. Whether any row exists, not how many: counting the whole inbox
    /// (Wolverine's own counts) took 0.45 s per question with 180,000 envelopes kept after handling.
    /// </summary>
    private static async Task<bool> BusyAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"SELECT EXISTS (SELECT 1 FROM {SmartBus.Schema}.wolverine_incoming_envelopes WHERE status = 'Incoming' "
            + $"OR (status = 'Scheduled' AND execution_time <= now() + $1)) OR EXISTS (SELECT 1 FROM {SmartBus.Schema}.wolverine_outgoing_envelopes)");
        command.Parameters.AddWithValue(RetryHorizon);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
