using JasperFx.Events;
using Marten;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Persistence;

namespace Smart.Modules.Reporting.Journal;

/// <summary>
/// Appends facts to the journal's streams, once each: a redelivered message finds its fact already in the stream and
/// appends nothing. Writers of one stream wait for each other (<see cref="FactsForWritingAsync"/>), and the append states
/// the stream's version it read, so two writers can never both pass.
/// </summary>
internal static class JournalStreams
{
    /// <summary>The advisory locks' scope of the journal's streams ("REPT").</summary>
    private const int JournalLocks = 0x52455054;

    public static async Task<IReadOnlyList<IFact>> FactsAsync(this IQuerySession session, Guid streamId, CancellationToken cancellationToken) =>
        Facts(await session.Events.FetchStreamAsync(streamId, token: cancellationToken));

    private static List<IFact> Facts(IEnumerable<IEvent> events) => events.Select(e => e.Data).OfType<IFact>().ToList();

    /// <summary>The fact of type <typeparamref name="T"/> the stream starts with; not there yet, the message is retried later.</summary>
    public static async Task<T> RequiredAsync<T>(this IQuerySession session, Guid streamId, CancellationToken cancellationToken) where T : IFact =>
        Required<T>(await session.FactsAsync(streamId, cancellationToken), streamId);

    /// <summary>The fact of type <typeparamref name="T"/> among a stream's facts already read; not there yet, <see cref="NotRecordedYet"/>.</summary>
    public static T Required<T>(IReadOnlyList<IFact> facts, Guid streamId) where T : IFact =>
        facts.OfType<T>().FirstOrDefault() ?? throw new NotRecordedYet(typeof(T).Name, streamId);

    /// <summary>
    /// The stream's facts, read to append to it: the transaction first waits for any other writer of the stream (an
    /// advisory lock), so that messages about one invoice arriving together — the demo's past reminders, a payment and its
    /// reminder — append one after the other instead of failing on the stream's version.
    /// </summary>
    public static async Task<IReadOnlyList<IFact>> FactsForWritingAsync(this IDocumentSession session, Guid streamId, CancellationToken cancellationToken) =>
        (await session.FactsForWritingAsync([streamId], cancellationToken))[streamId];

    /// <summary>
    /// The facts of several streams, read to append to them (a batch of messages): their writers waited for as by
    /// <see cref="FactsForWritingAsync(IDocumentSession, Guid, CancellationToken)"/>, all locks in one round trip and all
    /// streams read in the same round trip, after the locks.
    /// </summary>
    public static Task<Dictionary<Guid, IReadOnlyList<IFact>>> FactsForWritingAsync(this IDocumentSession session, IReadOnlyCollection<Guid> streamIds,
        CancellationToken cancellationToken) =>
        session.FactsForWritingAsync(streamIds, [], cancellationToken);

    /// <summary>
    /// <see cref="FactsForWritingAsync(IDocumentSession, IReadOnlyCollection{Guid}, CancellationToken)"/>, and in the same
    /// round trip the facts of <paramref name="sourceIds"/>, streams read without being written (a contract's activity).
    /// </summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<IFact>>> FactsForWritingAsync(this IDocumentSession session, IReadOnlyCollection<Guid> streamIds,
        IReadOnlyCollection<Guid> sourceIds, CancellationToken cancellationToken)
    {
        var batch = await session.LockedBatchQueryAsync(JournalLocks, streamIds, cancellationToken);
        var reads = streamIds.Concat(sourceIds).Distinct().Select(id => (Id: id, Events: batch.Events.FetchStream(id))).ToList();
        await batch.Execute(cancellationToken);
        var facts = new Dictionary<Guid, IReadOnlyList<IFact>>();
        foreach (var (id, events) in reads) facts[id] = Facts(await events);
        return facts;
    }

    /// <summary>
    /// Records, in <paramref name="streamId"/>, the fact made from the fact of type <typeparamref name="T"/> that another
    /// stream starts with (a contract from its activity's), both streams read in the round trip that takes the lock of
    /// the one written; not there yet, the message is retried later.
    /// </summary>
    public static async Task RecordFromAsync<T>(this IDocumentSession session, Guid streamId, Guid sourceStreamId, Func<T, IFact> factOf,
        CancellationToken cancellationToken) where T : IFact
    {
        var facts = await session.FactsForWritingAsync([streamId], [sourceStreamId], cancellationToken);
        session.Record(streamId, facts[streamId], factOf(Required<T>(facts[sourceStreamId], sourceStreamId)));
    }

    public static async Task RecordAsync(this IDocumentSession session, Guid streamId, IFact fact, CancellationToken cancellationToken) =>
        session.Record(streamId, await session.FactsForWritingAsync(streamId, cancellationToken), fact);

    /// <summary>
    /// Records, in the stream that starts with a fact of type <typeparamref name="T"/>, the fact made from it (a credit
    /// note from its invoice, a payslip from its contract), reading the stream once; not there yet, the message is
    /// retried later.
    /// </summary>
    public static async Task RecordAfterAsync<T>(this IDocumentSession session, Guid streamId, Func<T, IFact> factOf, CancellationToken cancellationToken)
        where T : IFact
    {
        var facts = await session.FactsForWritingAsync(streamId, cancellationToken);
        session.Record(streamId, facts, factOf(Required<T>(facts, streamId)));
    }

    /// <summary>
    /// Appends the <paramref name="news"/> not recorded yet to a stream whose <paramref name="facts"/> the caller already
    /// read (to copy something from them), in one append.
    /// </summary>
    public static void Record(this IDocumentSession session, Guid streamId, IReadOnlyList<IFact> facts, params IFact[] news)
    {
        var fresh = news.DistinctBy(n => (n.GetType(), n.SourceId)).Where(n => !facts.Any(f => f.GetType() == n.GetType() && f.SourceId == n.SourceId)).ToArray();
        if (fresh.Length == 0) return;
        if (facts.Count == 0)
        {
            session.Events.StartStream(streamId, fresh);
        }
        else
        {
            session.Events.Append(streamId, facts.Count + fresh.Length, fresh);
        }
    }
}

/// <summary>
/// A message about something the journal has not recorded yet (a credit note before its invoice, a payslip before its
/// contract, which Payroll publishes together): the bus retries it soon, when the other message has been handled.
/// </summary>
internal sealed class NotRecordedYet(string fact, Guid streamId) : NotArrivedYetException($"No {fact} is recorded in stream {streamId} yet.");
