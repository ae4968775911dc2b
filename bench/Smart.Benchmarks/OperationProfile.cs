using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Smart.Benchmarks;

/// <summary>
/// What one operation costs whatever the machine's load: the database commands it sends (Npgsql's activities, a batch
/// counting once, cascades of the bus included when the caller waits for them) and the host's CPU time, over a run of
/// <c>count</c> operations; with a <see cref="ServerCpu"/>, PostgreSQL's CPU time too. Wall-clock figures on a shared
/// machine are noisy; these are not.
/// </summary>
internal sealed class OperationProfile : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentDictionary<string, int> commands = new();
    private readonly TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly ServerCpu? server;
    private readonly TimeSpan serverAtStart;

    public OperationProfile(ServerCpu? server = null)
    {
        this.server = server;
        serverAtStart = server?.Used() ?? TimeSpan.Zero;
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
    /// queries (<paramref name="benchQueries"/>, or those <paramref name="isBenchQuery"/> recognises, e.g. polling for the
    /// end) are not the operation's.
    /// </summary>
    public void Print(string operation, int count, int benchQueries = 0, int top = 0, Func<string, bool>? isBenchQuery = null)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        var serverCpu = server?.Used() - serverAtStart;
        listener.Dispose();
        var total = commands.Where(c => isBenchQuery?.Invoke(c.Key) != true).Sum(c => c.Value) - benchQueries;
        Console.WriteLine($"  per {operation}: {(double)total / count:F1} database round trips, {cpu.TotalMilliseconds / count:F2} ms of host CPU"
            + (serverCpu is { } used ? $", {used.TotalMilliseconds / count:F2} ms of PostgreSQL CPU" : ""));
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

/// <summary>
/// The CPU time a local PostgreSQL server used so far, from /proc (Linux): its postmaster, its live processes and those it
/// has reaped (backends of closed connections, autovacuum workers). The bench's server runs on the same machine.
/// </summary>
internal sealed class ServerCpu
{
    private readonly int postmaster;

    private ServerCpu(int postmaster) => this.postmaster = postmaster;

    /// <summary>The server behind <paramref name="connectionString"/>, or null when it is not a local process this one can read.</summary>
    public static async Task<ServerCpu?> OfAsync(string connectionString)
    {
        if (!OperatingSystem.IsLinux()) return null;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var backend = (int)(await new NpgsqlCommand("SELECT pg_backend_pid()", connection).ExecuteScalarAsync())!;
        // Fields after "pid (name) ": state, ppid, ...
        return Fields(backend) is { } fields && int.TryParse(fields[1], out var parent) ? new ServerCpu(parent) : null;
    }

    public TimeSpan Used()
    {
        // utime, stime, cutime, cstime are fields 14 to 17 of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
        var ticks = Fields(postmaster) is { } own ? own[11..15].Sum(long.Parse) : 0;
        foreach (var child in Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(d => d!.All(char.IsAsciiDigit)))
        {
            if (Fields(int.Parse(child!)) is { } fields && fields[1] == postmaster.ToString()) ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
