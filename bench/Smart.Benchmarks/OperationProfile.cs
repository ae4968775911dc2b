using System.Collections.Concurrent;
using System.Diagnostics;

namespace Smart.Benchmarks;

/// <summary>
/// What one operation costs whatever the machine's load: the database commands it sends (Npgsql's activities, a batch
/// counting once, cascades of the bus included when the caller waits for them) and the host's CPU time, over a run of
/// <c>count</c> operations. Wall-clock figures on a shared machine are noisy; these are not.
/// </summary>
internal sealed class OperationProfile : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentDictionary<string, int> commands = new();
    private readonly TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    public OperationProfile()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
                commands.AddOrUpdate(Shorten(text), 1, (_, n) => n + 1);
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>
    /// Prints the commands and CPU per operation, and the most frequent commands (<c>top</c>) when asked; the bench's own
    /// queries (<paramref name="benchQueries"/>, e.g. polling for the end) are not the operation's.
    /// </summary>
    public void Print(string operation, int count, int benchQueries = 0, int top = 0)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        listener.Dispose();
        var total = commands.Values.Sum() - benchQueries;
        Console.WriteLine($"  per {operation}: {(double)total / count:F1} database round trips, {cpu.TotalMilliseconds / count:F2} ms of host CPU");
        foreach (var (text, n) in commands.OrderByDescending(c => c.Value).Take(top))
        {
            Console.WriteLine($"    {(double)n / count,6:F2} x {text}");
        }
    }

    private static string Shorten(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 150 ? oneLine : oneLine[..150];
    }

    public void Dispose() => listener.Dispose();
}
