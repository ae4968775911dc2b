using Marten;
using Marten.Services.BatchQuerying;
using JasperFx.Events;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Budget;

namespace Smart.Modules.Activities.Persistence;

/// <summary>
/// An activity's budget ledger opened for writing: its stream is taken exclusively (a row lock on the stream until the
/// transaction ends), so whatever spends, commits or books on one activity queues there, and each writer reads the
/// budget as the previous one left it — two spenders never read the same available budget, and the inline projection
/// never loses an update (ADR 0058). <see cref="Budget"/> follows what is appended in this transaction.
/// </summary>
internal sealed class ActivityLedger(IEventStream<ActivityBudget> stream)
{
    public ActivityBudget Budget { get; private set; } = stream.Aggregate ?? ActivityBudget.Opened(stream.Id);

    public void Append(params IEnumerable<IBudgetEvent> events)
    {
        foreach (var @event in events)
        {
            stream.AppendOne(@event);
            Budget = Budget.After(@event);
        }
    }
}

internal static class ActivityLedgers
{
    /// <summary>
    /// Takes the activity's ledger for this transaction (waiting for a writer holding it). Take it before reading what
    /// the decision depends on (the activity, an equipment's schedule): they are then read as the last writer left them.
    /// </summary>
    public static async Task<ActivityLedger> LedgerAsync(this IDocumentSession session, Guid activityId, CancellationToken cancellationToken) =>
        Taken(await session.Events.FetchForExclusiveWriting<ActivityBudget>(activityId, cancellationToken));

    /// <summary>
    /// The ledger taken and a document of the activity read under its lock, in one round trip: the lock's statement runs
    /// first in the batch, so the document is read as the last writer of the ledger left it.
    /// </summary>
    public static async Task<(ActivityLedger Ledger, T? Document)> LedgerWithAsync<T>(this IDocumentSession session, Guid activityId, Guid documentId,
        CancellationToken cancellationToken) where T : class
    {
        var (ledgers, documents) = await session.LedgersWithAsync<T>([activityId], [documentId], cancellationToken);
        return (ledgers.GetValueOrDefault(activityId) ?? throw new NotFoundException("Activity", activityId), documents.SingleOrDefault());
    }

    /// <summary>
    /// Several activities' ledgers taken (a batch of messages, <see cref="LedgersAsync(IBatchedQuery, IEnumerable{Guid})"/>)
    /// and documents read under their locks, in one round trip.
    /// </summary>
    public static async Task<(Dictionary<Guid, ActivityLedger> Ledgers, IReadOnlyList<T> Documents)> LedgersWithAsync<T>(this IDocumentSession session,
        IEnumerable<Guid> activityIds, IEnumerable<Guid> documentIds, CancellationToken cancellationToken) where T : class
    {
        await session.BeginTransactionAsync(cancellationToken);
        var batch = session.CreateBatchQuery();
        var ledgers = batch.LedgersAsync(activityIds);
        var documents = batch.LoadMany<T>().ById(documentIds.Distinct().ToArray());
        await batch.Execute(cancellationToken);
        return (await ledgers, await documents);
    }

    /// <summary>
    /// Several activities' ledgers taken in a batch of reads (the session's transaction begun before it runs), in the
    /// order of the activities' ids, so that two writers of several ledgers never wait for each other in a circle. An
    /// activity that does not exist has no ledger in the result.
    /// </summary>
    public static async Task<Dictionary<Guid, ActivityLedger>> LedgersAsync(this IBatchedQuery batch, IEnumerable<Guid> activityIds)
    {
        var streams = activityIds.Distinct().Order().Select(id => batch.Events.FetchForExclusiveWriting<ActivityBudget>(id)).ToList();
        var ledgers = new Dictionary<Guid, ActivityLedger>();
        foreach (var read in streams)
        {
            var stream = await read;
            if (Exists(stream)) ledgers[stream.Id] = new ActivityLedger(stream);
        }
        return ledgers;
    }

    private static ActivityLedger Taken(IEventStream<ActivityBudget> stream) =>
        Exists(stream) ? new ActivityLedger(stream) : throw new NotFoundException("Activity", stream.Id);

    /// <summary>A stream without events is an activity that does not exist (404).</summary>
    private static bool Exists(IEventStream<ActivityBudget> stream) => stream.CurrentVersion is not (null or 0);

    /// <summary>Starts the ledger of a newly opened activity, so that every later writer finds its stream to queue on.</summary>
    public static void StartLedger(this IDocumentSession session, Guid activityId, DateOnly openedOn) =>
        session.Events.StartStream<ActivityBudget>(activityId, new BudgetOpened(activityId, openedOn));

    /// <summary>The activity's budget as last committed (for reading: nothing queues).</summary>
    public static async Task<ActivityBudget> BudgetAsync(this IQuerySession session, Guid activityId, CancellationToken cancellationToken) =>
        await session.LoadAsync<ActivityBudget>(activityId, cancellationToken) ?? ActivityBudget.Opened(activityId);
}
