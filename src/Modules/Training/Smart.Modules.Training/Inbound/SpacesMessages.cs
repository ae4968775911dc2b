using JasperFx;
using Marten;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Training.Domain.Sessions;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Training.Inbound;

// Spaces' answers to a session's room request (ADR 0070): booked confirms the session, unavailable leaves it to staff.
// An answer to an older request (the session moved since) or for an unknown hold changes nothing.

public sealed class RoomHeldHandler
{
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryTimes(5);

    public async Task HandleAsync(RoomHeld held, IDocumentSession session, CancellationToken cancellationToken)
    {
        var target = await session.Query<Session>().SingleOrDefaultAsync(s => s.Venue.HoldId == held.HoldId, cancellationToken);
        if (target is not null && target.RoomHeld(held.HoldId, held.RoomName, held.PlaceName, held.Address))
        {
            session.UpdateRevision(target, target.Version + 1);
        }
    }
}

public sealed class RoomUnavailableHandler
{
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryTimes(5);

    public async Task HandleAsync(RoomUnavailable unavailable, IDocumentSession session, CancellationToken cancellationToken)
    {
        var target = await session.Query<Session>().SingleOrDefaultAsync(s => s.Venue.HoldId == unavailable.HoldId, cancellationToken);
        if (target is not null && target.RoomUnavailable(unavailable.HoldId, unavailable.Reason))
        {
            session.UpdateRevision(target, target.Version + 1);
        }
    }
}
