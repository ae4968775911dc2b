using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Resources;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Spaces.Features.Bookings;

/// <summary>Cancels a booking: its member, or staff who see it.</summary>
public sealed record CancelBooking(Guid BookingId);

/// <summary>Whether it was free, the fee kept, and the waiting bookings confirmed in its place.</summary>
public sealed record CancellationView(Guid BookingId, bool Free, decimal Fee, IReadOnlyList<Guid> Promoted);

public sealed class CancelBookingHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<(CancellationView, OutgoingMessages)> HandleAsync(CancelBooking command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var booking = await session.Query<Booking>().VisibleTo(user).SingleOrDefaultAsync(b => b.Id == command.BookingId, cancellationToken)
            ?? throw new NotFoundException("Booking", command.BookingId);
        var place = (await session.LoadAsync<Place>(booking.PlaceId, cancellationToken))!;
        var resource = (await session.LoadAsync<Resource>(booking.ResourceId, cancellationToken))!;
        var messages = new OutgoingMessages();
        return (await Cancellations.CancelAsync(session, booking, place, resource, clock.GetUtcNow(), messages, cancellationToken), messages);
    }
}

internal static class Cancellations
{
    /// <summary>
    /// Frees the slot, gives a charge back when the cancellation is in time (or keeps it as the fee), and confirms the
    /// waiting bookings that now fit, each charged then; publishes the cancellation and the confirmations.
    /// </summary>
    public static async Task<CancellationView> CancelAsync(IDocumentSession session, Booking booking, Place place, Resource resource, DateTimeOffset now,
        OutgoingMessages messages, CancellationToken cancellationToken)
    {
        var wasConfirmed = booking.Status == BookingStatus.Confirmed;
        var outcome = booking.Cancel(place.InstantOf(booking.Date, booking.Start), now);
        session.UpdateRevision(booking, booking.Version + 1);
        messages.Add(booking.Cancelled(place, resource, wasConfirmed, now));
        if (outcome.ReverseCharge)
        {
            messages.Add(new ReverseActivityCharge(booking.ChargeId, booking.ActivityId!.Value, place.Today(now), $"Cancelled in time: {booking.Description}", Bookings.Origin));
        }

        var day = (await session.LoadAsync<ResourceDay>(ResourceDay.IdOf(booking.ResourceId, booking.Date), cancellationToken))!;
        var promoted = day.Release(booking.Id, await Bookings.CapacityOnAsync(session, resource, booking.Date, cancellationToken));
        session.UpdateRevision(day, day.Version + 1);
        await Bookings.ConfirmAsync(session, promoted, messages, cancellationToken);
        return new CancellationView(booking.Id, outcome.Free, outcome.Fee, promoted);
    }
}

public static class CancelBookingEndpoint
{
    [WolverinePost("/api/spaces/bookings/{bookingId:guid}/cancellation", OperationId = "CancelBooking"), ProducesCommandProblems, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Cancels a booking: free (its charge given back) until the resource's notice, after that its price is kept as the fee; the waiting list moves up.")]
    public static async Task<Ok<CancellationView>> Post(Guid bookingId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<CancellationView>(new CancelBooking(bookingId), ct));
}
