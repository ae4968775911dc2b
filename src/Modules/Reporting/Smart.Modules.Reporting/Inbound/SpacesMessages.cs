using Marten;
using Smart.Modules.Reporting.Journal;
using Smart.Modules.Spaces.Contracts;
using Wolverine;

namespace Smart.Modules.Reporting.Inbound;

/// <summary>Spaces' events, into the journal: places' hours, resources, bookings, residencies, events and rooms held (ADR 0112).</summary>
public sealed class SpacesMessagesHandler
{
    public static Task HandleAsync(PlaceHoursSet set, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(set.PlaceId, new PlaceHoursNoted(FactIds.Of(FactIds.ContentDigest(set)), set.PlaceId, set.EntityId, set.OfficeId, set.PlaceName, set.EffectiveFrom, set.OpeningHours,
            set.Closures), cancellationToken);

    public static Task HandleAsync(ResourceAdded added, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(added.ResourceId, new ResourceNoted(added.ResourceId, added.EntityId, added.OfficeId, added.PlaceId, added.PlaceName, added.Kind,
            added.SimultaneousBookings, added.AddedOn), cancellationToken);

    public static Task HandleAsync(BookingConfirmed b, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(b.BookingId, new BookingNoted(b.BookingId, b.EntityId, b.OfficeId, b.PlaceId, b.PlaceName, b.MemberId, b.Date, b.Hours, b.Amount),
            cancellationToken);

    /// <summary>A confirmed booking's cancellation waits for its confirmation (retried), whose amount it takes back.</summary>
    public static async Task HandleAsync(BookingCancelled c, IDocumentSession session, CancellationToken cancellationToken)
    {
        var confirmed = c.WasConfirmed ? (await session.RequiredAsync<BookingNoted>(c.BookingId, cancellationToken)).Amount : 0m;
        await session.RecordAsync(c.BookingId, new BookingCancellationNoted(c.BookingId, c.EntityId, c.OfficeId, c.PlaceId, c.PlaceName, c.Date, c.Hours,
            c.WasConfirmed, confirmed, c.Fee), cancellationToken);
    }

    public static Task HandleAsync(ResidencyStarted r, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(r.ResidencyId, new ResidencyNoted(r.ResidencyId, r.EntityId, r.OfficeId, r.PlaceId, r.PlaceName, r.MemberId, r.Start, r.End),
            cancellationToken);

    public static Task HandleAsync(ResidencyEnded r, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(r.ResidencyId, new ResidencyEndNoted(ResidencyEndNoted.IdOf(r.ResidencyId, r.End, r.EndedOn), r.ResidencyId, r.EntityId, r.OfficeId,
            r.PlaceId, r.PlaceName, r.MemberId, r.End), cancellationToken);

    public static Task HandleAsync(ResidencyMonthCharged r, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(r.ResidencyId, new ResidencyMonthNoted(ResidencyMonthNoted.IdOf(r.ResidencyId, r.Month), r.ResidencyId, r.EntityId, r.OfficeId, r.PlaceId,
            r.PlaceName, r.MemberId, r.Month, r.Amount), cancellationToken);

    /// <summary>Each move is one more version; compared with the latest only, so an event moved back to an earlier slot is a new version again.</summary>
    public static async Task HandleAsync(PlaceEventScheduled e, IDocumentSession session, CancellationToken cancellationToken)
    {
        var facts = await session.FactsForWritingAsync(e.EventId, cancellationToken);
        var latest = facts.OfType<PlaceEventNoted>().LastOrDefault();
        var digest = FactIds.Of(FactIds.ContentDigest(e));
        if (latest?.Digest == digest) return;
        session.Record(e.EventId, facts, new PlaceEventNoted(FactIds.Of($"{digest}|{facts.Count}"), e.EventId, e.EntityId, e.OfficeId, e.PlaceId, e.PlaceName,
            e.IsPublic, e.Date, e.Hours, e.RoomIds.Count, latest?.Date, digest));
    }

    public static Task HandleAsync(PlaceEventCancelled e, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(e.EventId, new PlaceEventCancelledNoted(e.EventId, e.EntityId, e.OfficeId, e.PlaceId, e.PlaceName, e.Date), cancellationToken);

    public static Task HandleAsync(RoomHoldTaken h, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(h.HoldId, new RoomHoldNoted(h.HoldId, h.EntityId, h.OfficeId, h.PlaceId, h.PlaceName, h.Slots), cancellationToken);

    public static Task HandleAsync(RoomHoldReleased h, Envelope envelope, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(h.HoldId, new RoomHoldReleasedNoted(envelope.Id, h.HoldId, h.EntityId, h.OfficeId, h.PlaceId, h.PlaceName, h.Slots), cancellationToken);
}
