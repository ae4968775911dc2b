using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Smart.Benchmarks;

/// <summary>
/// Bus latency: time from the sending handler publishing an event (just before its transaction commits, so the commit
/// is included) to the subscriber's handler running in another module.
/// </summary>
internal static class BusBenchmark
{
    public static async Task RunAsync(IServiceProvider services, Arrivals arrivals, int samples)
    {
        await using var scope = services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();

        // Warm-up: JIT, connection pool, prepared plans.
        await MeasureAsync(bus, arrivals, 50);

        var latencies = await MeasureAsync(bus, arrivals, samples);
        Console.WriteLine($"Bus latency, publish in the sender (commit included) -> subscriber handler, {samples} sequential events on an idle host:");
        Console.WriteLine($"  p50 {Stats.Percentile(latencies, 0.50):F2} ms   p95 {Stats.Percentile(latencies, 0.95):F2} ms   p99 {Stats.Percentile(latencies, 0.99):F2} ms   max {latencies.Max():F2} ms");

        var burst = samples * 4;
        var started = Stopwatch.GetTimestamp();
        var ids = Enumerable.Range(0, burst).Select(_ => Guid.NewGuid()).ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
        {
            await using var s = services.CreateAsyncScope();
            await s.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SendPing(id), ct);
        });
        while (ids.Any(id => !arrivals.At.ContainsKey(id)))
        {
            await Task.Delay(5);
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"Bus throughput: {burst} commands committed and their events delivered in {seconds:F2} s = {burst / seconds:F0} events/s (8 concurrent senders){PhysicalLimit.Share(burst / seconds)}");
    }

    private static async Task<List<double>> MeasureAsync(IMessageBus bus, Arrivals arrivals, int count)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            await bus.InvokeAsync(new SendPing(id));
            long arrived;
            while (!arrivals.At.TryGetValue(id, out arrived))
            {
                await Task.Yield();
            }
            latencies.Add(Stopwatch.GetElapsedTime(arrivals.Sent[id], arrived).TotalMilliseconds);
        }
        return latencies;
    }
}
