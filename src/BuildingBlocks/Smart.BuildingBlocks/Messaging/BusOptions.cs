namespace Smart.BuildingBlocks.Messaging;

/// <summary>Configuration section <c>Smart:Bus</c>.</summary>
public sealed class BusOptions
{
    public const string Section = "Smart:Bus";

    /// <summary>Off only for tests that need messages to stay in the outbox (e.g. the crash test).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Deliveries tried before the message goes to dead letters.</summary>
    public int MaxAttempts { get; set; } = 5;

    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public double RetryBackoffMultiplier { get; set; } = 2;

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Fallback wake-up when no notification arrives: scheduled messages and retries come due this way.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 50;

    internal TimeSpan RetryDelay(int attempts)
    {
        var delay = InitialRetryDelay.TotalMilliseconds * Math.Pow(RetryBackoffMultiplier, Math.Max(0, attempts - 1));
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxRetryDelay.TotalMilliseconds));
    }
}
