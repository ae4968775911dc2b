using Smart.BuildingBlocks.Domain;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Resources;

namespace Smart.Modules.Spaces.Domain.Bookings;

/// <summary>Someone outside the cooperative, booked by staff: invoiced by them, never charged to an activity.</summary>
internal sealed record Outsider(string Name, string Email);

/// <summary>What a cancellation costs: the fee kept (the booking's price, late), or a charge to give back (in time).</summary>
internal sealed record CancellationOutcome(bool Free, decimal Fee, bool ReverseCharge);

/// <summary>
/// A booking of a resource for part of one day, for a member (charged to one of their activities) or an outsider. Its
/// price and cancellation policy are those in force when it was made. The activity is charged when the booking is
/// confirmed; <see cref="Charged"/> is what the member owes for it (the price, then the fee or nothing on cancellation).
/// </summary>
internal sealed class Booking : AggregateRoot
{
    private Booking()
    {
        ResourceName = null!;
    }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid PlaceId { get; private set; }

    public Guid ResourceId { get; private set; }

    public string ResourceName { get; private set; }

    public Guid? MemberId { get; private set; }

    public Guid? ActivityId { get; private set; }

    public Outsider? Outsider { get; private set; }

    /// <summary>The recurring series it was booked in, if any: a series is cancelled as a whole by this id.</summary>
    public Guid? SeriesId { get; private set; }

    public DateOnly Date { get; private set; }

    public TimeOnly Start { get; private set; }

    public TimeOnly End { get; private set; }

    public int Attendees { get; private set; }

    public Audience Audience { get; private set; }

    public decimal Price { get; private set; }

    public int FreeCancellationHours { get; private set; }

    public BookingStatus Status { get; private set; }

    /// <summary>What the activity was charged for this booking and keeps being charged (0 for outsiders and free cancellations).</summary>
    public decimal Charged { get; private set; }

    public DateTimeOffset BookedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public decimal? CancellationFee { get; private set; }

    /// <summary>What the place earns from it, whoever pays (an activity or an outsider invoiced by staff): the price, the fee kept, or nothing.</summary>
    public decimal Income => Status switch
    {
        BookingStatus.Confirmed => Price,
        BookingStatus.Cancelled => CancellationFee ?? 0m,
        _ => 0m,
    };

    /// <summary>The charge sent to Activities has this id: the booking's own.</summary>
    public Guid ChargeId => Id;

    public bool ChargesAnActivity => ActivityId is not null && Price > 0;

    public string Description => $"{ResourceName}, {Date:yyyy-MM-dd} {Start:HH\\:mm}–{End:HH\\:mm}";

    public static Booking ForMember(Guid id, Resource resource, Guid memberId, Guid activityId, DateOnly date, TimeOnly start, TimeOnly end, int attendees,
        Audience audience, decimal price, int freeCancellationHours, DateTimeOffset now)
    {
        var booking = New(id, resource, date, start, end, attendees, audience, price, freeCancellationHours, now);
        booking.MemberId = memberId;
        booking.ActivityId = activityId;
        return booking;
    }

    public static Booking ForOutsider(Guid id, Resource resource, Outsider outsider, DateOnly date, TimeOnly start, TimeOnly end, int attendees,
        decimal price, int freeCancellationHours, DateTimeOffset now)
    {
        var booking = New(id, resource, date, start, end, attendees, Audience.Outsider, price, freeCancellationHours, now);
        booking.Outsider = outsider;
        return booking;
    }

    private static Booking New(Guid id, Resource resource, DateOnly date, TimeOnly start, TimeOnly end, int attendees, Audience audience, decimal price,
        int freeCancellationHours, DateTimeOffset now) => new()
    {
        Id = id,
        EntityId = resource.EntityId,
        OfficeId = resource.OfficeId,
        PlaceId = resource.PlaceId,
        ResourceId = resource.Id,
        ResourceName = resource.Name,
        Date = date,
        Start = start,
        End = end,
        Attendees = attendees,
        Audience = audience,
        Price = price,
        FreeCancellationHours = freeCancellationHours,
        BookedAt = now,
        Status = BookingStatus.Waiting,
    };

    public void BookedInSeries(Guid seriesId) => SeriesId = seriesId;

    /// <summary>Takes the slot the resource's day gave it: confirmed now (charged), or in line.</summary>
    public void Placed(BookingStatus status)
    {
        if (status == BookingStatus.Confirmed) Confirm();
    }

    /// <summary>A waiting booking whose slot was freed.</summary>
    public void Confirm()
    {
        Status = BookingStatus.Confirmed;
        Charged = ActivityId is null ? 0m : Price;
    }

    /// <summary>
    /// Free until <see cref="FreeCancellationHours"/> before the start (a charge is given back); later, the price is kept
    /// as the fee. A waiting booking costs nothing to leave.
    /// </summary>
    public CancellationOutcome Cancel(DateTimeOffset startsAt, DateTimeOffset now)
    {
        CheckRule(new BookingIsNotCancelled(Status));
        var wasConfirmed = Status == BookingStatus.Confirmed;
        var free = !wasConfirmed || startsAt - now >= TimeSpan.FromHours(FreeCancellationHours);
        Status = BookingStatus.Cancelled;
        CancelledAt = now;
        CancellationFee = free ? 0m : Price;
        var reverse = free && Charged > 0;
        if (free) Charged = 0m;
        return new CancellationOutcome(free, CancellationFee.Value, reverse);
    }

    private sealed record BookingIsNotCancelled(BookingStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status == BookingStatus.Cancelled;

        public string Message => "The booking is already cancelled.";
    }
}
