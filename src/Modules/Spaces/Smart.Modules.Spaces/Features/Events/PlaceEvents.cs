using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Events;
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

/// <summary>Events of a place between two dates (inclusive): public ones for members, all for staff.</summary>
public sealed record GetProgramme(Guid PlaceId, DateOnly? From, DateOnly? To)
{
    internal sealed class Validator : AbstractValidator<GetProgramme>
    {
        public Validator() => RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

public sealed record EventView(Guid Id, Guid PlaceId, string Title, string? Description, bool IsPublic, DateOnly Date, TimeOnly Start, TimeOnly End, IReadOnlyList<Guid> RoomIds)
{
    internal static EventView From(PlaceEvent e) => new(e.Id, e.PlaceId, e.Title, e.Description, e.IsPublic, e.Date, e.Start, e.End, e.RoomIds);
}

public sealed class PlaceEventsHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The event takes each room's slot like a booking (ADR 0052): a room booked then is a 409, and so is a race lost.</summary>
    public static void Configure(HandlerChain chain) => PlaceBookingHandler.Configure(chain);

    public async Task<Guid> HandleAsync(PlanEventInPlace command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var place = await session.LoadPlaceAsync(user, command.PlaceId, cancellationToken);
        var request = command.Event;
        if (place.InstantOf(request.Date, request.Start) < clock.GetUtcNow())
        {
            throw InputErrors.Field("date", "The event starts in the past.");
        }
        if (!place.IsOpen(request.Date, request.Start, request.End))
        {
            throw InputErrors.Field("start", $"{place.Name} is not open on {request.Date:yyyy-MM-dd} from {request.Start:HH\\:mm} to {request.End:HH\\:mm}.");
        }
        var rooms = (await session.Query<Resource>().Where(r => r.PlaceId == place.Id && request.RoomIds.Contains(r.Id)).ToListAsync(cancellationToken));
        if (rooms.Count != request.RoomIds.Count)
        {
            throw new NotFoundException("Resource", request.RoomIds.First(id => rooms.All(r => r.Id != id)));
        }
        var planned = PlaceEvent.Plan(place.Id, rooms, request.Title, request.Description, request.IsPublic, request.Date, request.Start, request.End);
        foreach (var room in rooms)
        {
            var day = await session.LoadAsync<ResourceDay>(ResourceDay.IdOf(room.Id, request.Date), cancellationToken) ?? ResourceDay.Start(room.Id, request.Date);
            day.Book(planned.Id, request.Start, request.End, await Bookings.Bookings.CapacityOnAsync(session, room, request.Date, cancellationToken), waitIfFull: false);
            session.UpdateRevision(day, day.Version + 1);
        }
        session.Insert(planned);
        return planned.Id;
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

    [WolverineGet("/api/spaces/places/{placeId:guid}/events", OperationId = "GetProgramme"), ProducesProblem(StatusCodes.Status404NotFound), ProducesValidationProblem]
    [EndpointSummary("A place's programme between two dates: its public events (staff also see private ones).")]
    public static async Task<Ok<IReadOnlyList<EventView>>> Get(Guid placeId, DateOnly? from, DateOnly? to, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<EventView>>(new GetProgramme(placeId, from, to), ct));
}
