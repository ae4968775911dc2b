using Marten;
using JasperFx.Events;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.Modules.Collections.Domain.Receivables;

namespace Smart.Modules.Collections.Features.Receivables;

internal static class ReceivableStreams
{
    /// <summary>
    /// A receivable the caller may see, fetched for writing: the append is refused at commit if another writer appended
    /// since (Marten's optimistic check on the stream version), so concurrent payments never lose one.
    /// </summary>
    public static async Task<(IEventStream<Receivable> Stream, Receivable Receivable)> FetchVisibleForWritingAsync(this IDocumentSession session, Guid receivableId, ICurrentUser user,
        CancellationToken cancellationToken)
    {
        if (!await session.Query<Receivable>().VisibleTo(user).AnyAsync(r => r.Id == receivableId, cancellationToken))
        {
            throw new NotFoundException("Receivable", receivableId);
        }
        var stream = await session.Events.FetchForWriting<Receivable>(receivableId, cancellationToken);
        return (stream, stream.Aggregate ?? throw new NotFoundException("Receivable", receivableId));
    }

    /// <summary>Receivables fetched for writing per database round trip.</summary>
    private const int FetchBatch = 500;

    /// <summary>
    /// Many receivables fetched for writing, a batched query per 500: the existing ones, by id, each with its stream (the
    /// same optimistic check on commit as one at a time).
    /// </summary>
    public static async Task<Dictionary<Guid, (IEventStream<Receivable> Stream, Receivable Receivable)>> FetchManyForWritingAsync(this IDocumentSession session,
        IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var streams = new Dictionary<Guid, (IEventStream<Receivable>, Receivable)>();
        foreach (var chunk in ids.Distinct().Chunk(FetchBatch))
        {
            var batch = session.CreateBatchQuery();
            var fetches = chunk.Select(id => batch.Events.FetchForWriting<Receivable>(id)).ToList();
            await batch.Execute(cancellationToken);
            foreach (var fetch in fetches)
            {
                var stream = await fetch;
                if (stream.Aggregate is { } receivable) streams[stream.Id] = (stream, receivable);
            }
        }
        return streams;
    }
}
