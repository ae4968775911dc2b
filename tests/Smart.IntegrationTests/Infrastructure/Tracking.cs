using Wolverine.Tracking;

namespace Smart.IntegrationTests.Infrastructure;

/// <summary>Completes a tracked session once a matching message was handled successfully <paramref name="times"/> times.</summary>
public sealed class Succeeded<T>(Func<T, bool> match, int times = 1) : ITrackedCondition
{
    private int _count;

    public void Record(EnvelopeRecord record)
    {
        if (record.MessageEventType == MessageEventType.MessageSucceeded && record.Message is T message && match(message))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public bool IsCompleted() => Volatile.Read(ref _count) >= times;

    public override string ToString() => $"{typeof(T).Name} handled {times} time(s), seen {_count}";
}

/// <summary>Completes a tracked session once a matching message was moved to dead letters.</summary>
public sealed class DeadLettered<T>(Func<T, bool> match) : ITrackedCondition
{
    private int _count;

    public void Record(EnvelopeRecord record)
    {
        if (record.MessageEventType == MessageEventType.MovedToErrorQueue && record.Message is T message && match(message))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public bool IsCompleted() => Volatile.Read(ref _count) > 0;

    public override string ToString() => $"{typeof(T).Name} dead-lettered";
}

public static class TrackedSessions
{
    /// <summary>Why the messages of this session that went to dead letters failed.</summary>
    public static IEnumerable<string> DeadLetterReasons(this ITrackedSession session) =>
        session.AllRecordsInOrder().Where(r => r.MessageEventType == MessageEventType.MovedToErrorQueue).Select(r => r.Exception?.Message ?? "");
}
