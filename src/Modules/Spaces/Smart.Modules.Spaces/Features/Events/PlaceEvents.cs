using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Events;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Resources;
using Smart.Modules.Spaces.Features.Bookings;
using Smart.Modules.Spaces.Features.Places;
using Wolverine;
using Wolverine.Http;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Spaces.Features.Events;

/// <summary>Staff plan an event in a place on a date, in some of its rooms; public events are on the members' programme.</summary>
public sealed record PlanEvent(string Title, string? Description, bool IsPublic, DateOnly Date, TimeOnly Start, TimeOnly End, IReadOnlyList<Guid> RoomIds)
{
    internal sealed class Validator : AbstractValidator<PlanEvent>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200).HasNoNul();
            RuleFor(c => c.Description).MaximumLength(2000).HasNoNul();
            RuleFor(c => c.Date).IsBusinessDate();
            RuleFor(c => c.End).GreaterThan(c => c.Start).WithMessage("Ends after it starts, the same day.");
            RuleFor(c => c.RoomIds).HasItems(20).Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Each room once.");
            RuleForEach(c => c.RoomIds).NotEmpty();
        }
    }
}

public sealed record PlanEventInPlace(Guid PlaceId, PlanEvent Event);

/// <summary>Moves an event, before it starts, to another date or hours, and other rooms when given (its own otherwise).</summary>
public sealed record MoveEvent(DateOnly Date, TimeOnly Start, TimeOnly End, IReadOnlyList<Guid>? RoomIds = null)
{
    internal sealed class Validator : AbstractValidator<MoveEvent>
    {
        public Validator()
        {
            RuleFor(c => c.Date).IsBusinessDate();
            RuleFor(c => c.End).GreaterThan(c => c.Start).WithMessage("Ends after it starts, the same day.");
            RuleFor(c => c.RoomIds!).HasItems(20).Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Each room once.").When(c => c.RoomIds is not null);
            RuleForEach(c => c.RoomIds).NotEmpty();
        }
    }
}

public sealed record MoveEventInPlace(Guid PlaceId, Guid EventId, MoveEvent Move);

/// <summary>Calls an event off before it starts: its rooms are free again.</summary>
public sealed record CancelEvent(Guid PlaceId, Guid EventId);

/// <summary>The waiting bookings confirmed (and charged) in the rooms the event freed.</summary>
public sealed record EventCancellationView(Guid EventId, IReadOnlyList<Guid> Promoted);

/// <summary>Events of a place between two dates (inclusive): public ones for members, all for staff.</summary>
public sealed record GetProgramme(Guid PlaceId, DateOnly? From, DateOnly? To)
{
    internal sealed class Validator : AbstractValidator<GetProgramme>
    {
        public Validator() => RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

public sealed record EventView(Guid Id, Guid PlaceId, string Title, string? Description, bool IsPublic, DateOnly Date, TimeOnly Start, TimeOnly End, IReadOnlyList<Guid> RoomIds,
    DateTimeOffset? CancelledAt)
{
    internal static EventView From(PlaceEvent e) => new(e.Id, e.PlaceId, e.Title, e.Description, e.IsPublic, e.Date, e.Start, e.End, e.RoomIds, e.CancelledAt);
}

public sealed class PlaceEventsHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The event takes each room's slot like a booking (ADR 0052): a room booked then is a 409, and so is a race lost.</summary>
    public static void Configure(HandlerChain chain) => PlaceBookingHandler.Configure(chain);

    public async Task<(Guid, PlaceEventScheduled)> HandleAsync(PlanEventInPlace command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var place = await session.LoadPlaceAsync(user, command.PlaceId, cancellationToken);
        var request = command.Event;
        CheckHours(place, request.Date, request.Start, request.End);
        var rooms = await RoomsAsync(session, place, request.RoomIds, cancellationToken);
        var planned = PlaceEvent.Plan(place.Id, rooms, request.Title, request.Description, request.IsPublic, request.Date, request.Start, request.End);
        foreach (var room in rooms)
        {
            var day = await Bookings.Bookings.DayAsync(session, room, request.Date, cancellationToken);
            day.Book(planned.Id, request.Start, request.End, await Bookings.Bookings.CapacityOnAsync(session, room, request.Date, cancellationToken), waitIfFull: false);
            session.UpdateRevision(day, day.Version + 1);
        }
        session.Insert(planned);
        return (planned.Id, planned.Scheduled(place));
    }

    /// <summary>
    /// A room kept on the same day moves the event's slot within its day; any other takes the new day's slot, and the
    /// old days free theirs. Either way the waiting bookings the old hours leave room for are confirmed and charged.
    /// </summary>
    public async Task<(EventView, OutgoingMessages)> HandleAsync(MoveEventInPlace command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var place = await session.LoadPlaceAsync(user, command.PlaceId, cancellationToken);
        var planned = await EventAsync(session, place, command.EventId, cancellationToken);
        var request = command.Move;
        CheckHours(place, request.Date, request.Start, request.End);
        var rooms = await RoomsAsync(session, place, request.RoomIds ?? planned.RoomIds, cancellationToken);
        var (oldDate, oldRooms) = (planned.Date, planned.RoomIds);
        planned.MoveTo(rooms, request.Date, request.Start, request.End, place.InstantOf(planned.Date, planned.Start), clock.GetUtcNow());

        var promoted = new List<Guid>();
        foreach (var room in rooms)
        {
            var day = await Bookings.Bookings.DayAsync(session, room, request.Date, cancellationToken);
            var capacity = await Bookings.Bookings.CapacityOnAsync(session, room, request.Date, cancellationToken);
            if (oldDate == request.Date && oldRooms.Contains(room.Id)) promoted.AddRange(day.Move(planned.Id, request.Start, request.End, capacity));
            else day.Book(planned.Id, request.Start, request.End, capacity, waitIfFull: false);
            session.UpdateRevision(day, day.Version + 1);
        }
        var left = oldRooms.Where(id => oldDate != request.Date || !rooms.Any(r => r.Id == id)).ToList();
        promoted.AddRange(await ReleaseAsync(session, planned.Id, left, oldDate, cancellationToken));
        session.UpdateRevision(planned, planned.Version + 1);
        var messages = new OutgoingMessages { planned.Scheduled(place) };
        await Bookings.Bookings.ConfirmAsync(session, promoted, messages, cancellationToken);
        return (EventView.From(planned), messages);
    }

    public async Task<(EventCancellationView, OutgoingMessages)> HandleAsync(CancelEvent command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var place = await session.LoadPlaceAsync(user, command.PlaceId, cancellationToken);
        var planned = await EventAsync(session, place, command.EventId, cancellationToken);
        var now = clock.GetUtcNow();
        planned.Cancel(place.InstantOf(planned.Date, planned.Start), now);
        var promoted = await ReleaseAsync(session, planned.Id, planned.RoomIds, planned.Date, cancellationToken);
        session.UpdateRevision(planned, planned.Version + 1);
        var messages = new OutgoingMessages { planned.Cancelled(place, now) };
        await Bookings.Bookings.ConfirmAsync(session, promoted, messages, cancellationToken);
        return (new EventCancellationView(planned.Id, promoted), messages);
    }

    /// <summary>A start in the past or outside the opening hours is bad input for the place met: a 400 naming the field.</summary>
    private void CheckHours(Place place, DateOnly date, TimeOnly start, TimeOnly end)
    {
        if (place.InstantOf(date, start) < clock.GetUtcNow())
        {
            throw InputErrors.Field("date", "The event starts in the past.");
        }
        if (!place.IsOpen(date, start, end))
        {
            throw InputErrors.Field("start", $"{place.Name} is not open on {date:yyyy-MM-dd} from {start:HH\\:mm} to {end:HH\\:mm}.");
        }
    }

    /// <summary>The rooms of the place, each one asked for; another place's or an unknown one is a 404.</summary>
    private static async Task<IReadOnlyList<Resource>> RoomsAsync(IQuerySession session, Place place, IReadOnlyList<Guid> roomIds, CancellationToken cancellationToken)
    {
        var rooms = await session.Query<Resource>().Where(r => r.PlaceId == place.Id && roomIds.Contains(r.Id)).ToListAsync(cancellationToken);
        return rooms.Count == roomIds.Count ? roomIds.Select(id => rooms.Single(r => r.Id == id)).ToList()
            : throw new NotFoundException("Resource", roomIds.First(id => rooms.All(r => r.Id != id)));
    }

    private static async Task<PlaceEvent> EventAsync(IQuerySession session, Place place, Guid eventId, CancellationToken cancellationToken) =>
        await session.Query<PlaceEvent>().SingleOrDefaultAsync(e => e.Id == eventId && e.PlaceId == place.Id, cancellationToken)
        ?? throw new NotFoundException("Event", eventId);

    /// <summary>Frees the event's slot in each room's day; returns the waiting bookings it lets in.</summary>
    private static async Task<IReadOnlyList<Guid>> ReleaseAsync(IDocumentSession session, Guid eventId, IReadOnlyList<Guid> roomIds, DateOnly date, CancellationToken cancellationToken)
    {
        var promoted = new List<Guid>();
        foreach (var room in roomIds.Count == 0 ? [] : await session.LoadManyAsync<Resource>(cancellationToken, roomIds))
        {
            var day = (await session.LoadAsync<ResourceDay>(ResourceDay.IdOf(room.Id, date), cancellationToken))!;
            promoted.AddRange(day.Release(eventId, await Bookings.Bookings.CapacityOnAsync(session, room, date, cancellationToken)));
            session.UpdateRevision(day, day.Version + 1);
        }
        return promoted;
    }

    public async Task<IReadOnlyList<EventView>> HandleAsync(GetProgramme query, IQuerySession session, CancellationToken cancellationToken)
    {
        var place = await session.LoadPlaceAsync(user, query.PlaceId, cancellationToken);
        var events = session.Query<PlaceEvent>().Where(e => e.PlaceId == place.Id);
        if (!user.IsBackOffice() && !user.IsInRole(SmartRoles.Advisor)) events = events.Where(e => e.IsPublic);
        if (query.From is { } from) events = events.Where(e => e.Date >= from);
        if (query.To is { } to) events = events.Where(e => e.Date <= to);
        return (await events.OrderBy(e => e.Date).ThenBy(e => e.Start).Take(500).ToListAsync(cancellationToken)).Select(EventView.From).ToList();
    }
}

public static class PlaceEventsEndpoints
{
    [WolverinePost("/api/spaces/places/{placeId:guid}/events", OperationId = "PlanEvent"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Plans an event in a place, public or private, taking the rooms it uses for its hours (operators, admins).")]
    public static async Task<Created<ResourceCreated>> Post(Guid placeId, PlanEvent command, IMessageBus bus, CancellationToken ct)
    {
        var id = await bus.InvokeAsync<Guid>(new PlanEventInPlace(placeId, command), ct);
        return TypedResults.Created($"/api/spaces/places/{placeId}/events", new ResourceCreated(id));
    }

    [WolverinePut("/api/spaces/places/{placeId:guid}/events/{eventId:guid}/schedule", OperationId = "MoveEvent"), Authorize(SmartPolicies.Operator), ProducesCommandProblems,
     ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Moves an event before it starts to another date, hours or rooms: the new rooms must be free; the old ones are freed and their waiting list moves up (operators, admins).")]
    public static async Task<Ok<EventView>> Move(Guid placeId, Guid eventId, MoveEvent command, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<EventView>(new MoveEventInPlace(placeId, eventId, command), ct));

    [WolverinePost("/api/spaces/places/{placeId:guid}/events/{eventId:guid}/cancellation", OperationId = "CancelEvent"), Authorize(SmartPolicies.Operator),
     ProducesCommandProblems, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Calls an event off before it starts: it stays on the programme, marked cancelled; its rooms are freed and their waiting list moves up (operators, admins).")]
    public static async Task<Ok<EventCancellationView>> Cancel(Guid placeId, Guid eventId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<EventCancellationView>(new CancelEvent(placeId, eventId), ct));

    [WolverineGet("/api/spaces/places/{placeId:guid}/events", OperationId = "GetProgramme"), ProducesProblem(StatusCodes.Status404NotFound), ProducesValidationProblem]
    [EndpointSummary("A place's programme between two dates: its public events (staff also see private ones).")]
    public static async Task<Ok<IReadOnlyList<EventView>>> Get(Guid placeId, DateOnly? from, DateOnly? to, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<EventView>>(new GetProgramme(placeId, from, to), ct));
}
