using Wolverine.Tracking;

namespace Smart.IntegrationTests.Infrastructure;

/// <summary>
/// Completes a tracked session once a matching message was handled successfully <paramref name="times"/> times. A
/// message handled in batches (ADR 0129, 0130) counts when a batch holding it was handled — with <paramref name="at"/>,
/// by the handler whose queue's name contains it (one module's, e.g. "activities.inbound"): a member handed to its batch
/// is "handled" too, before any module's handler ran.
/// </summary>
public sealed class Succeeded<T>(Func<T, bool> match, int times = 1, string? at = null) : ITrackedCondition
{
    private int _count;

    public void Record(EnvelopeRecord record)
    {
        if (record.MessageEventType != MessageEventType.MessageSucceeded) return;
        if (at is not null && record.Envelope?.Destination?.ToString().Contains(at, StringComparison.OrdinalIgnoreCase) != true) return;
        var matches = record.Message switch
        {
            T message => match(message),
            T[] batch => batch.Any(match),
            _ => false,
        };
        if (matches) Interlocked.Increment(ref _count);
    }

    public bool IsCompleted() => Volatile.Read(ref _count) >= times;

    public override string ToString() => $"{typeof(T).Name} handled {times} time(s), seen {_count}";
}

/// <summary>
/// Completes a tracked session once a matching message was moved to dead letters; that dead letter is then one the test
/// expects (<see cref="ExpectedDeadLetters"/>).
/// </summary>
public sealed class DeadLettered<T>(Func<T, bool> match) : ITrackedCondition
{
    private int _count;

    public void Record(EnvelopeRecord record)
    {
        if (record.MessageEventType == MessageEventType.MovedToErrorQueue && record.Message is T message && match(message))
        {
            if (record.Envelope is { } envelope) ExpectedDeadLetters.Add(envelope.Id);
            Interlocked.Increment(ref _count);
        }
    }

    public bool IsCompleted() => Volatile.Read(ref _count) > 0;

    public override string ToString() => $"{typeof(T).Name} dead-lettered";
}

/// <summary>
/// The dead letters tests cause on purpose: those a test waited for (<see cref="DeadLettered{T}"/>, by envelope id) and
/// those it declared (<see cref="Expect"/>). Every other one fails its test class when its host stops
/// (<see cref="SmartApp"/>): a message that could not be handled is a flow that silently did not happen.
/// </summary>
public static class ExpectedDeadLetters
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, byte> Ids = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string MessageType, string FailureContains), byte> Declared = new();

    public static void Add(Guid envelopeId) => Ids.TryAdd(envelopeId, 0);

    /// <summary>
    /// Messages of type <typeparamref name="T"/> that a test lets fail on purpose, recognised by a text of their failure
    /// (an id the test made up, e.g. an unknown employee's): stored under its alias, or as an array of them when the
    /// type is handled in batches (a straggler dead-letters as an array of one, ADR 0130).
    /// </summary>
    public static void Expect<T>(string failureContains)
    {
        var alias = typeof(T).GetCustomAttributes(typeof(System.Runtime.Serialization.DataContractAttribute), false)
            .OfType<System.Runtime.Serialization.DataContractAttribute>().Single().Name!;
        Declared.TryAdd((alias, failureContains), 0);
        Declared.TryAdd((typeof(T[]).FullName!, failureContains), 0);
    }

    public static bool Contains(Guid envelopeId, string messageType, string failure) =>
        Ids.ContainsKey(envelopeId) || Declared.Keys.Any(d => d.MessageType == messageType && failure.Contains(d.FailureContains, StringComparison.Ordinal));
}

public static class TrackedSessions
{
    /// <summary>Why the messages of this session that went to dead letters failed.</summary>
    public static IEnumerable<string> DeadLetterReasons(this ITrackedSession session) =>
        session.AllRecordsInOrder().Where(r => r.MessageEventType == MessageEventType.MovedToErrorQueue).Select(r => r.Exception?.Message ?? "");
}

public static class PublishedMessages
{
    /// <summary>
    /// The messages of a type published during the session, once per publication: routed to a subscribing module (sent) or
    /// to none yet (no routes, e.g. an event only Reporting will read). A message is routed when its handler returns it,
    /// before the commit: a handler attempt that failed and ran again (a concurrency retry) routed equal values from the
    /// same parent message, which its rolled-back transaction never sent, so those count once. A second publication from
    /// another message or request counts.
    /// </summary>
    public static IReadOnlyList<T> Published<T>(this ITrackedSession session) =>
        session.AllRecordsInOrder()
            .Where(r => r.MessageEventType is MessageEventType.Sent or MessageEventType.NoRoutes && r.Message is T)
            .DistinctBy(r => (r.Envelope?.ConversationId, (T)r.Message!))
            .Select(r => (T)r.Message!)
            .ToList();
}
