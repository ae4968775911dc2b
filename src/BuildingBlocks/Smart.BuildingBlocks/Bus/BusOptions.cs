using System.Globalization;
using Wolverine;

namespace Smart.BuildingBlocks.Bus;

/// <summary>Configuration section <c>Smart:Bus</c>: how the one Wolverine bus of the host behaves.</summary>
public sealed class BusOptions
{
    public const string Section = "Smart:Bus";

    /// <summary>
    /// <see cref="DurabilityMode.Solo"/> for one host on the database (the local default and tests: a crashed host's
    /// messages are recovered in seconds); <see cref="DurabilityMode.Balanced"/> when several hosts share it.
    /// </summary>
    public DurabilityMode DurabilityMode { get; set; } = DurabilityMode.Solo;

    /// <summary>
    /// Delays between the attempts of a delivered message that failed for a reason that may pass (a member not known
    /// yet, a database hiccup), comma-separated; after the last one the message goes to dead letters.
    /// </summary>
    public string RetryDelays { get; set; } = "00:00:01, 00:00:10, 00:01:00, 00:05:00";

    /// <summary>
    /// Delays between the attempts of a message waiting for a fact another message brings
    /// (<see cref="NotArrivedYetException"/>), comma-separated: quick first, since the other message is usually handled
    /// within milliseconds, then as long as <see cref="RetryDelays"/> before dead letters.
    /// </summary>
    public string WaitRetryDelays { get; set; } = "00:00:00.100, 00:00:01, 00:00:10, 00:01:00, 00:05:00";

    /// <summary>How often scheduled messages and retries that came due are looked for.</summary>
    public TimeSpan ScheduledPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many scheduled messages that came due one poll moves to the queues (and how many stored messages a recovery
    /// pages through). With the interval, it bounds how fast a burst comes due: Wolverine's 100 let 45,000 reminders due
    /// at 08:00 trickle out at 100 a second (ADR 0106).
    /// </summary>
    public int ScheduledBatchSize { get; set; } = 1_000;

    /// <summary>
    /// Whether Wolverine counts the stored envelopes every 5 seconds for its metrics, once per Marten store. Nothing here
    /// reads them (no metrics exporter is wired), and each count scans the inbox: 0.3 s a call on 200,000 envelopes in
    /// the dunning bench. Off unless an exporter needs them.
    /// </summary>
    public bool DurabilityMetrics { get; set; }

    public TimeSpan[] ParsedRetryDelays() => Parsed(RetryDelays);

    public TimeSpan[] ParsedWaitRetryDelays() => Parsed(WaitRetryDelays);

    private static TimeSpan[] Parsed(string delays) =>
        delays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(delay => TimeSpan.Parse(delay, CultureInfo.InvariantCulture))
            .ToArray();
}
