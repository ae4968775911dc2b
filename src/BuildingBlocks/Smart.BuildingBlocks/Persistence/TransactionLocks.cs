using System.Runtime.InteropServices;
using Marten;
using Marten.Services.BatchQuerying;
using Npgsql;

namespace Smart.BuildingBlocks.Persistence;

/// <summary>
/// Queues the transactions that work on one thing (e.g. a member's documents) instead of letting them race and retry on
/// a revision conflict: a PostgreSQL advisory lock on (<c>scope</c>, key), held until the transaction ends. Under a burst
/// on one key a conflict costs a failed save, an exception and a retry after a delay; waiting for the lock costs one
/// round trip. Two keys of a scope may share a lock (a 32-bit hash of the key): they then queue, which is harmless.
/// </summary>
public static class TransactionLocks
{
    /// <summary>Takes the lock in the session's transaction (begun here if it was not), waiting for the transaction holding it.</summary>
    public static Task LockAsync(this IDocumentSession session, int scope, Guid key, CancellationToken cancellationToken) =>
        session.LockAllAsync(scope, [key], cancellationToken);

    /// <summary>
    /// Takes the locks of several keys in one round trip, in the order of their numbers: two transactions locking
    /// overlapping sets therefore queue instead of deadlocking.
    /// </summary>
    public static async Task LockAllAsync(this IDocumentSession session, int scope, IEnumerable<Guid> keys, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        // The two-integer form: its keys never meet those of the one-bigint form (Wolverine's and Marten's own locks).
        // unnest yields the sorted array in its order, and the locks are taken row by row in that order.
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, key) FROM unnest($2::int[]) AS key", (NpgsqlConnection)session.Connection)
        {
            Parameters = { new() { Value = scope }, new() { Value = Ordered(keys) } },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A batch of reads whose first statement takes the locks of <paramref name="keys"/> as <see cref="LockAllAsync"/>
    /// does: one round trip waits for the other transactions holding them, then reads what they protect (each statement
    /// of a batch sees what was committed before it ran). The caller adds its reads, then executes the batch.
    /// </summary>
    public static async Task<IBatchedQuery> LockedBatchQueryAsync(this IDocumentSession session, int scope, IEnumerable<Guid> keys, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        var batch = session.CreateBatchQuery();
        // A count as text, so that the batch reads a value Marten reads as a scalar: pg_advisory_xact_lock returns void.
        _ = batch.Query<string>("SELECT count(*)::text FROM (SELECT pg_advisory_xact_lock(?, key) FROM unnest(?::int[]) AS key) AS locks", scope, Ordered(keys));
        return batch;
    }

    /// <summary>
    /// A document read to change it, its writers queued on (<paramref name="scope"/>, <paramref name="key"/>): the lock and
    /// the read in one round trip (<see cref="LockedBatchQueryAsync"/>), so the document is the last committed one and
    /// its save cannot conflict with another writer that queues the same way. Null when there is none yet.
    /// </summary>
    public static async Task<T?> LoadForWritingAsync<T>(this IDocumentSession session, int scope, Guid key, CancellationToken cancellationToken) where T : class
    {
        var batch = await session.LockedBatchQueryAsync(scope, [key], cancellationToken);
        var document = batch.Load<T>(key);
        await batch.Execute(cancellationToken);
        return await document;
    }

    private static int[] Ordered(IEnumerable<Guid> keys) => keys.Select(Hash).Distinct().Order().ToArray();

    /// <summary>The same number on every node (unlike a string's hash code, which is randomised per process).</summary>
    private static int Hash(Guid key)
    {
        var halves = MemoryMarshal.Cast<Guid, int>(MemoryMarshal.CreateReadOnlySpan(ref key, 1));
        return halves[0] ^ halves[1] ^ halves[2] ^ halves[3];
    }
}
