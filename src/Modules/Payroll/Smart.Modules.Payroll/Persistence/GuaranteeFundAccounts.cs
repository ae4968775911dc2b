using Marten;
using JasperFx.Events;
using Npgsql;
using Smart.Modules.Payroll.Domain.Funding;

namespace Smart.Modules.Payroll.Persistence;

/// <summary>
/// Opens activities' guarantee-fund accounts for writing in the handler's transaction (ADR 0061). Each account's writers
/// queue on a transaction-scoped advisory lock taken before the stream is read, so that no update is lost under the
/// inline projection and two first writers of a new account never collide: the second waits, then finds the stream
/// the first one started. Locks are taken in the order of the ids, so that two pay runs never deadlock.
/// </summary>
internal static class GuaranteeFundAccounts
{
    /// <summary>The advisory-lock class of the guarantee-fund accounts (the first key of <c>pg_advisory_xact_lock(int, int)</c>).</summary>
    private const int LockClass = 0x47_46_41_43; // "GFAC"

    public static async Task<IEventStream<ActivityFunding>> FetchAccountForWritingAsync(this IDocumentSession session, Guid activityId,
        CancellationToken cancellationToken) =>
        (await session.FetchAccountsForWritingAsync([activityId], cancellationToken))[activityId];

    public static async Task<IReadOnlyDictionary<Guid, IEventStream<ActivityFunding>>> FetchAccountsForWritingAsync(this IDocumentSession session,
        IEnumerable<Guid> activityIds, CancellationToken cancellationToken)
    {
        var ids = activityIds.Distinct().Order().ToList();
        var accounts = new Dictionary<Guid, IEventStream<ActivityFunding>>();
        if (ids.Count == 0) return accounts;
        await session.BeginTransactionAsync(cancellationToken);
        await using (var locks = new NpgsqlBatch(session.Connection))
        {
            foreach (var id in ids)
            {
                locks.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1, $2)")
                {
                    Parameters = { new NpgsqlParameter { Value = LockClass }, new NpgsqlParameter { Value = LockKey(id) } },
                });
            }
            await locks.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var id in ids)
        {
            accounts[id] = await session.Events.FetchForWriting<ActivityFunding>(id, cancellationToken);
        }
        return accounts;
    }

    /// <summary>
    /// The account as it stands (its projection), or an empty one, for the handler to decide on and add its events to.
    /// A copy: Marten applies the appended events to the instance it fetched when it saves the inline projection.
    /// </summary>
    public static ActivityFunding Account(this IEventStream<ActivityFunding> stream) => stream.Aggregate?.Copy() ?? ActivityFunding.Open(stream.Id);

    private static int LockKey(Guid activityId)
    {
        Span<byte> bytes = stackalloc byte[16];
        activityId.TryWriteBytes(bytes);
        return BitConverter.ToInt32(bytes[..4]) ^ BitConverter.ToInt32(bytes[4..8]) ^ BitConverter.ToInt32(bytes[8..12]) ^ BitConverter.ToInt32(bytes[12..]);
    }
}
