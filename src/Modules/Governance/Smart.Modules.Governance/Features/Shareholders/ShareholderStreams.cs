using JasperFx.Events;
using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.Modules.Governance.Domain.Shareholding;

namespace Smart.Modules.Governance.Features.Shareholders;

internal static class ShareholderStreams
{
    /// <summary>A member sees their own shareholding, an advisor their office's, operators and admins their entity's register.</summary>
    public static IQueryable<Shareholder> VisibleTo(this IQueryable<Shareholder> shareholders, ICurrentUser user) =>
        shareholders.VisibleTo(user, s => s.EntityId, s => s.OfficeId, s => s.MemberId);

    /// <summary>
    /// A shareholder the caller may see, fetched for writing: Marten refuses the append at commit if another writer
    /// appended since (optimistic check on the stream's version), so two concurrent payments never lose one.
    /// </summary>
    public static async Task<(IEventStream<Shareholder> Stream, Shareholder Shareholder)> FetchShareholderForWritingAsync(this IDocumentSession session,
        Guid shareholderId, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (!await session.Query<Shareholder>().VisibleTo(user).AnyAsync(s => s.Id == shareholderId, cancellationToken))
        {
            throw new NotFoundException("Shareholder", shareholderId);
        }
        var stream = await session.Events.FetchForWriting<Shareholder>(shareholderId, cancellationToken);
        return (stream, stream.Aggregate ?? throw new NotFoundException("Shareholder", shareholderId));
    }

    /// <summary>The register's events of a shareholder in their order.</summary>
    public static async Task<IReadOnlyList<IRegisterEvent>> RegisterEventsAsync(this IQuerySession session, Guid shareholderId, CancellationToken cancellationToken) =>
        (await session.Events.FetchStreamAsync(shareholderId, token: cancellationToken)).Select(e => e.Data).OfType<IRegisterEvent>().ToList();
}
