using Marten;
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
        (await session.Events.FetchStreamAsync(streamId, token: cancellationToken)).Select(e => e.Data).OfType<IFact>().ToList();

    /// <summary>The fact of type <typeparamref name="T"/> the stream starts with; not there yet, the message is retried later.</summary>
    public static async Task<T> RequiredAsync<T>(this IQuerySession session, Guid streamId, CancellationToken cancellationToken) where T : IFact =>
        Required<T>(await session.FactsAsync(streamId, cancellationToken), streamId);

    private static T Required<T>(IReadOnlyList<IFact> facts, Guid streamId) where T : IFact =>
        facts.OfType<T>().FirstOrDefault() ?? throw new NotRecordedYet(typeof(T).Name, streamId);

    /// <summary>
    /// The stream's facts, read to append to it: the transaction first waits for any other writer of the stream (an
    /// advisory lock), so that messages about one invoice arriving together — the demo's past reminders, a payment and its
    /// reminder — append one after the other instead of failing on the stream's version.
    /// </summary>
    public static async Task<IReadOnlyList<IFact>> FactsForWritingAsync(this IDocumentSession session, Guid streamId, CancellationToken cancellationToken)
    {
        await session.LockAsync(JournalLocks, streamId, cancellationToken);
        return await session.FactsAsync(streamId, cancellationToken);
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

    /// <summary>Appends <paramref name="fact"/> to a stream whose <paramref name="facts"/> the caller already read (to copy something from them).</summary>
    public static void Record(this IDocumentSession session, Guid streamId, IReadOnlyList<IFact> facts, IFact fact)
    {
        if (facts.Any(f => f.GetType() == fact.GetType() && f.SourceId == fact.SourceId)) return;
        if (facts.Count == 0)
        {
            session.Events.StartStream(streamId, fact);
        }
        else
        {
            session.Events.Append(streamId, facts.Count + 1, fact);
        }
    }
}

/// <summary>
/// A message about something the journal has not recorded yet (a credit note before its invoice, a payslip before its
/// contract, which Payroll publishes together): the bus retries it later, when the other message has been handled.
/// </summary>
internal sealed class NotRecordedYet(string fact, Guid streamId) : Exception($"No {fact} is recorded in stream {streamId} yet.");
