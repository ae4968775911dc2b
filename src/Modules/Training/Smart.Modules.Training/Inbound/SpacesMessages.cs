using JasperFx;
using Marten;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Training.Domain.Sessions;
using Smart.Modules.Training.Features.Sessions;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Training.Inbound;

// Spaces' answers to a session's room request (ADR 0070): booked confirms the session, unavailable leaves it to staff.
// The answer to a move's request (ADR 0086) moves the session there, or leaves it as it was. An answer to an older
// request (the session moved since) or for an unknown hold changes nothing.

public sealed class RoomHeldHandler(TimeProvider clock)
{
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryTimes(5);

    /// <summary>The room left released and the trainees' updated invitations when the session moved (or its room got named).</summary>
    public async Task<OutgoingMessages> HandleAsync(RoomHeld held, IDocumentSession session, CancellationToken cancellationToken)
    {
        var target = await session.Query<Session>()
            .SingleOrDefaultAsync(s => s.Venue.HoldId == held.HoldId || s.PendingChange!.Venue.HoldId == held.HoldId, cancellationToken);
        if (target?.RoomHeld(held.HoldId, held.RoomName, held.PlaceName, held.Address, clock.GetUtcNow()) is not { } outcome) return [];
        session.UpdateRevision(target, target.Version + 1);
        return SessionRooms.After(target, outcome);
    }
}

public sealed class RoomUnavailableHandler
{
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryTimes(5);

    public async Task HandleAsync(RoomUnavailable unavailable, IDocumentSession session, CancellationToken cancellationToken)
    {
        var target = await session.Query<Session>()
            .SingleOrDefaultAsync(s => s.Venue.HoldId == unavailable.HoldId || s.PendingChange!.Venue.HoldId == unavailable.HoldId, cancellationToken);
        if (target is not null && target.RoomUnavailable(unavailable.HoldId, unavailable.Reason))
        {
            session.UpdateRevision(target, target.Version + 1);
        }
    }
}
