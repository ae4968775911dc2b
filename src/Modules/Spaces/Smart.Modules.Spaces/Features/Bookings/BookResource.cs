using FluentValidation;
using JasperFx;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Pricing;
using Smart.Modules.Spaces.Domain.Qualifications;
using Smart.Modules.Spaces.Domain.Residencies;
using Smart.Modules.Spaces.Domain.Resources;
using Smart.Modules.Spaces.Features.Resources;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Spaces.Features.Bookings;

public sealed record OutsiderInput(string Name, string Email)
{
    internal sealed class Validator : AbstractValidator<OutsiderInput>
    {
        public Validator()
        {
            RuleFor(o => o.Name).NotEmpty().MaximumLength(200).HasNoNul();
            RuleFor(o => o.Email).NotEmpty().MaximumLength(254).EmailAddress().HasNoNul();
        }
    }
}

/// <summary>
/// Books a resource on a date from <see cref="Start"/> to <see cref="End"/> (the place's local time): for the caller,
/// charged to one of their activities, or by staff for an outsider. When the slot is full, <see cref="WaitIfFull"/>
/// puts the booking on the waiting list instead of refusing it.
/// </summary>
public sealed record BookResource(Guid ResourceId, DateOnly Date, TimeOnly Start, TimeOnly End, Guid? ActivityId = null, OutsiderInput? Outsider = null,
    int Attendees = 1, bool WaitIfFull = false)
{
    public static BookResource Example => new(Guid.CreateVersion7(), new DateOnly(2026, 3, 10), new TimeOnly(10, 0), new TimeOnly(12, 0), Guid.CreateVersion7(), Attendees: 8);

    internal sealed class Validator : AbstractValidator<BookResource>
    {
        public Validator()
        {
            RuleFor(c => c.ResourceId).NotEmpty();
            RuleFor(c => c.Date).IsBusinessDate();
            RuleFor(c => c.End).GreaterThan(c => c.Start).WithMessage("Ends after it starts, the same day.");
            RuleFor(c => c.Attendees).InclusiveBetween(1, AddResource.MaxCapacity);
            RuleFor(c => c.ActivityId).NotEmpty().When(c => c.Outsider is null).WithMessage("The activity charged (or an outsider).");
            RuleFor(c => c.ActivityId).Null().When(c => c.Outsider is not null).WithMessage("An outsider's booking charges no activity.");
            RuleFor(c => c.Outsider!).SetValidator(new OutsiderInput.Validator()).When(c => c.Outsider is not null);
        }
    }
}

/// <summary>The booking to make, with the charged activity as Activities answered for it (null when unknown or for an outsider).</summary>
public sealed record PlaceBooking(Guid BookingId, BookResource Booking, ActivityStanding? Activity);

public sealed record BookingView(Guid Id, Guid PlaceId, Guid ResourceId, string ResourceName, Guid? MemberId, Guid? ActivityId, string? OutsiderName,
    string? OutsiderEmail, Guid? SeriesId, DateOnly Date, TimeOnly Start, TimeOnly End, int Attendees, Audience Audience, decimal Price, BookingStatus Status,
    decimal Charged, DateTimeOffset BookedAt, DateTimeOffset? CancelledAt, decimal? CancellationFee)
{
    internal static BookingView From(Booking b) => new(b.Id, b.PlaceId, b.ResourceId, b.ResourceName, b.MemberId, b.ActivityId, b.Outsider?.Name, b.Outsider?.Email,
        b.SeriesId, b.Date, b.Start, b.End, b.Attendees, b.Audience, b.Price, b.Status, b.Charged, b.BookedAt, b.CancelledAt, b.CancellationFee);
}

public sealed class PlaceBookingHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// Each round of a race saves one booking of the day; more tries than the platform's two let a crowd of callers
    /// for one day (a coworking area's desks) each find their answer on fresh state rather than a bare conflict.
    /// </summary>
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryTimes(MaxTries);

    private const int MaxTries = 8;

    /// <summary>The booking, and its charge for Wolverine to send with the transaction when it is confirmed and priced.</summary>
    public async Task<(BookingView, OutgoingMessages)> HandleAsync(PlaceBooking command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var request = command.Booking;
        var resource = await session.LoadResourceAsync(user, request.ResourceId, cancellationToken);
        var place = (await session.LoadAsync<Place>(resource.PlaceId, cancellationToken))!;
        var now = clock.GetUtcNow();
        var booking = await Bookings.NewAsync(session, user, command.BookingId, request, command.Activity, resource, place, now, [], cancellationToken);
        var day = await Bookings.DayAsync(session, resource, request.Date, cancellationToken);
        var capacity = await Bookings.CapacityOnAsync(session, resource, request.Date, cancellationToken);
        booking.Placed(day.Book(booking.Id, request.Start, request.End, capacity, request.WaitIfFull));
        // The revision read plus one: of two callers saving this day at once, one fails and runs again on fresh state.
        session.UpdateRevision(day, day.Version + 1);
        session.Insert(booking);
        return (BookingView.From(booking), Bookings.OnConfirmed(booking, place, resource, wasWaiting: false));
    }
}

internal static class Bookings
{
    public const string Origin = "Spaces";

    /// <summary>
    /// What a confirmed booking sends: <see cref="BookingConfirmed"/>, and its charge when it is a priced member's; nothing
    /// while it waits.
    /// </summary>
    public static OutgoingMessages OnConfirmed(Booking booking, Place place, Resource resource, bool wasWaiting)
    {
        var messages = new OutgoingMessages();
        if (booking.Status != BookingStatus.Confirmed) return messages;
        messages.Add(booking.Confirmed(place, resource, wasWaiting));
        if (booking.ChargesAnActivity)
        {
            messages.Add(new ChargeActivity(booking.ChargeId, booking.ActivityId!.Value, ActivityChargeKind.SpaceCharge, booking.Price, booking.Date, booking.Description, Origin));
        }
        return messages;
    }

    /// <summary>
    /// The booking as the request, the place and the prices in force make it, before it takes a slot. Bad input for
    /// the state met (a past start, a closed hour) is a 400 naming the field; a broken rule a 409.
    /// </summary>
    /// <param name="pending">Bookings of the same request not saved yet (a recurring series): they count towards the monthly cap.</param>
    public static async Task<Booking> NewAsync(IDocumentSession session, ICurrentUser user, Guid bookingId, BookResource request, ActivityStanding? charged,
        Resource resource, Place place, DateTimeOffset now, IReadOnlyCollection<Booking> pending, CancellationToken cancellationToken)
    {
        if (place.InstantOf(request.Date, request.Start) < now)
        {
            throw InputErrors.Field("date", "The booking starts in the past.");
        }
        if (!place.IsOpen(request.Date, request.Start, request.End))
        {
            throw InputErrors.Field("start", $"{place.Name} is not open on {request.Date:yyyy-MM-dd} from {request.Start:HH\\:mm} to {request.End:HH\\:mm}.");
        }
        BusinessRules.Check(new RoomHoldsTheAttendees(resource, request.Attendees));
        var prices = PriceLists.InForce(resource.Prices, request.Date);
        if (request.Outsider is { } outsider)
        {
            BusinessRules.Check(new OutsidersAreBookedByStaff(user.IsBackOffice()));
            return Booking.ForOutsider(bookingId, resource, new Outsider(outsider.Name.Trim(), outsider.Email.Trim()), request.Date, request.Start, request.End,
                request.Attendees, prices.PriceOf(Audience.Outsider, request.Date, request.End - request.Start, 0m), prices.FreeCancellationHours, now);
        }

        // The activity must be the caller's own; another's does not exist for them.
        var memberId = user.MemberId ?? throw new NotFoundException("Activity", request.ActivityId!.Value);
        var activity = charged is { } a && a.CoordinatorId == memberId ? a : throw new NotFoundException("Activity", request.ActivityId!.Value);
        if (resource.RequiredQualification is { } qualification)
        {
            BusinessRules.Check(new MemberHoldsTheQualification(qualification,
                await session.Query<Qualification>().AnyAsync(q => q.EntityId == resource.EntityId && q.MemberId == memberId && q.Name == qualification.ToLowerInvariant(), cancellationToken)));
        }
        var resident = await session.Query<Residency>().AnyAsync(r => r.PlaceId == place.Id && r.MemberId == memberId && r.Start <= request.Date
            && (r.End == null || r.End >= request.Date), cancellationToken);
        var audience = resident ? Audience.Resident : Audience.Member;
        var monthStart = Residency.MonthOf(request.Date);
        var monthEnd = monthStart.AddMonths(1);
        var chargedThisMonth = await session.Query<Booking>()
            .Where(b => b.ResourceId == resource.Id && b.MemberId == memberId && b.Date >= monthStart && b.Date < monthEnd)
            .SumAsync(b => b.Charged, cancellationToken) + pending.Where(b => b.Date >= monthStart && b.Date < monthEnd).Sum(b => b.Charged);
        var price = prices.PriceOf(audience, request.Date, request.End - request.Start, chargedThisMonth);
        BusinessRules.Check(new ActivityIsOpen(activity));
        BusinessRules.Check(new BudgetCoversThePrice(activity, price));
        return Booking.ForMember(bookingId, resource, memberId, activity.ActivityId, request.Date, request.Start, request.End, request.Attendees,
            audience, price, prices.FreeCancellationHours, now);
    }

    /// <summary>A resource's day as stored, or a new one: what takes or frees a slot saves it with the revision read plus one (ADR 0052).</summary>
    public static async Task<ResourceDay> DayAsync(IQuerySession session, Resource resource, DateOnly date, CancellationToken cancellationToken) =>
        await session.LoadAsync<ResourceDay>(ResourceDay.IdOf(resource.Id, date), cancellationToken) ?? ResourceDay.Start(resource, date);

    /// <summary>
    /// Confirms the waiting bookings a freed slot let in (<see cref="ResourceDay.Release"/>, <see cref="ResourceDay.Move"/>),
    /// each charged and published then.
    /// </summary>
    public static async Task ConfirmAsync(IDocumentSession session, IReadOnlyList<Guid> promoted, OutgoingMessages messages, CancellationToken cancellationToken)
    {
        foreach (var waiting in promoted.Count == 0 ? [] : await session.LoadManyAsync<Booking>(cancellationToken, promoted))
        {
            waiting.Confirm();
            session.UpdateRevision(waiting, waiting.Version + 1);
            var place = (await session.LoadAsync<Place>(waiting.PlaceId, cancellationToken))!;
            var resource = (await session.LoadAsync<Resource>(waiting.ResourceId, cancellationToken))!;
            messages.AddRange(OnConfirmed(waiting, place, resource, wasWaiting: true));
        }
    }

    /// <summary>Bookings a resource takes at once on a date: its own less the residents renting it then.</summary>
    public static async Task<int> CapacityOnAsync(IQuerySession session, Resource resource, DateOnly date, CancellationToken cancellationToken) =>
        resource.SimultaneousBookings - await session.Query<Residency>()
            .CountAsync(r => r.ResourceId == resource.Id && r.Start <= date && (r.End == null || r.End >= date), cancellationToken);

    private sealed record RoomHoldsTheAttendees(Resource Resource, int Attendees) : IBusinessRule
    {
        public bool IsBroken() => Resource.Kind is ResourceKind.MeetingRoom or ResourceKind.TrainingRoom && Attendees > Resource.Capacity;

        public string Message => $"{Resource.Name} holds {Resource.Capacity} people, not {Attendees}.";
    }

    private sealed record OutsidersAreBookedByStaff(bool IsStaff) : IBusinessRule
    {
        public bool IsBroken() => !IsStaff;

        public string Message => "Only operators and admins book for someone outside the cooperative.";
    }

    private sealed record MemberHoldsTheQualification(string Qualification, bool Holds) : IBusinessRule
    {
        public bool IsBroken() => !Holds;

        public string Message => $"This machine needs the qualification \"{Qualification}\", which the member does not hold.";
    }

    private sealed record ActivityIsOpen(ActivityStanding Activity) : IBusinessRule
    {
        public bool IsBroken() => !Activity.IsOpen;

        public string Message => $"The activity {Activity.Name} is closed: it takes no new charge.";
    }

    private sealed record BudgetCoversThePrice(ActivityStanding Activity, decimal Price) : IBusinessRule
    {
        public bool IsBroken() => Price > 0 && Activity.Available < Price;

        public string Message => $"The activity {Activity.Name} has {Activity.Available:0.00} available, not enough for {Price:0.00}.";
    }
}

public static class BookResourceEndpoint
{
    [WolverinePost("/api/spaces/bookings", OperationId = "BookResource"), ProducesCommandProblems]
    [EndpointSummary("Books a resource for a few hours, a half-day or a day: for the caller, charged to one of their activities, or for an outsider (staff). A full slot is a 409, or a place on the waiting list when asked.")]
    public static async Task<Created<BookingView>> Post(BookResource command, IMessageBus bus, CancellationToken ct)
    {
        // Activities owns budgets: it answers for the activity before Spaces decides (ADR 0053).
        var activity = command.ActivityId is { } activityId ? await bus.InvokeAsync<ActivityStanding?>(new GetActivityStanding(activityId), ct) : null;
        var booking = await bus.InvokeAsync<BookingView>(new PlaceBooking(Guid.CreateVersion7(), command, activity), ct);
        return TypedResults.Created($"/api/spaces/bookings/{booking.Id}", booking);
    }
}
