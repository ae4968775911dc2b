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
}
