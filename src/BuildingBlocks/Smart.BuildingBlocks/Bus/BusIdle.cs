using Microsoft.Extensions.DependencyInjection;
using Wolverine.Runtime;

namespace Smart.BuildingBlocks.Bus;

public static class BusIdle
{
    /// <summary>
    /// Waits until the message store holds nothing received and not yet handled, nor anything still to send (scheduled
    /// messages and retries aside): what one module published has been handled by every subscriber. Used between the
    /// modules' demo seeds, where one module seeds from what the previous one published.
    /// </summary>
    public static async Task WaitForIdleBusAsync(this IServiceProvider services, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var admin = services.GetRequiredService<IWolverineRuntime>().Storage.Admin;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var counts = await admin.FetchCountsAsync();
            if (counts.Incoming == 0 && counts.Outgoing == 0) return;
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The bus is still busy after {timeout}: {counts}.");
            }
        }
    }
}
