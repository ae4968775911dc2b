using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Places;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Spaces.Features.Places;

/// <summary>A day's opening hours, local time of the place (e.g. Monday 08:30 to 19:00).</summary>
public sealed record OpeningHoursInput(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)
{
    internal OpeningHours ToDomain() => new(Day, Opens, Closes);

    internal sealed class Validator : AbstractValidator<OpeningHoursInput>
    {
        public Validator()
        {
            RuleFor(h => h.Day).IsInEnum();
            RuleFor(h => h.Closes).GreaterThan(h => h.Opens).WithMessage("Closes after it opens.");
        }
    }

    /// <summary>One entry a day at most (checked once every entry is present).</summary>
    internal static bool OneEntryPerDay(IReadOnlyList<OpeningHoursInput> hours) =>
        !Lists.HasNoNullItem(hours) || hours.Select(d => d.Day).Distinct().Count() == hours.Count;
}

/// <summary>Opens a shared workplace of an office's entity, with its weekly opening hours.</summary>
public sealed record OpenPlace(Guid OfficeId, string Name, string Address, string TimeZone, IReadOnlyList<OpeningHoursInput> OpeningHours)
{
    public static OpenPlace Example => new(Guid.CreateVersion7(), "Bazaar St-So", "292 rue Camille Guérin, 59000 Lille", "Europe/Paris",
        [new(DayOfWeek.Monday, new TimeOnly(8, 30), new TimeOnly(19, 0))]);

    internal sealed class Validator : AbstractValidator<OpenPlace>
    {
        public Validator()
        {
            RuleFor(c => c.OfficeId).NotEmpty();
            RuleFor(c => c.Name).NotEmpty().MaximumLength(100).HasNoNul();
            RuleFor(c => c.Address).NotEmpty().MaximumLength(300).HasNoNul();
            RuleFor(c => c.TimeZone).NotEmpty().MaximumLength(64)
                .Must(zone => TimeZoneInfo.TryFindSystemTimeZoneById(zone ?? "", out _)).WithMessage("An IANA time zone, e.g. Europe/Paris.");
            RuleFor(c => c.OpeningHours).HasItems(7).Must(OpeningHoursInput.OneEntryPerDay).WithMessage("One entry per day.");
            RuleForEach(c => c.OpeningHours).EachValid(new OpeningHoursInput.Validator());
        }
    }
}

/// <summary>The place to open, with its office as Governance knows it (null when unknown).</summary>
public sealed record OpenPlaceInOffice(OpenPlace Place, OfficeReference? Office);

public sealed record ChangeOpeningHours(IReadOnlyList<OpeningHoursInput> OpeningHours)
{
    internal sealed class Validator : AbstractValidator<ChangeOpeningHours>
    {
        public Validator()
        {
            RuleFor(c => c.OpeningHours).HasItems(7).Must(OpeningHoursInput.OneEntryPerDay).WithMessage("One entry per day.");
            RuleForEach(c => c.OpeningHours).EachValid(new OpeningHoursInput.Validator());
        }
    }
}

public sealed record ChangePlaceOpeningHours(Guid PlaceId, ChangeOpeningHours Change);

/// <summary>Days the place is closed (both inclusive), e.g. the August holidays.</summary>
public sealed record AddClosure(DateOnly From, DateOnly To, string Reason)
{
    internal sealed class Validator : AbstractValidator<AddClosure>
    {
        public Validator()
        {
            RuleFor(c => c.From).IsBusinessDate();
            RuleFor(c => c.To).IsBusinessDate().GreaterThanOrEqualTo(c => c.From);
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(200).HasNoNul();
        }
    }
}

public sealed record ClosePlace(Guid PlaceId, AddClosure Closure);

public sealed record GetPlace(Guid PlaceId);

public sealed record ListPlaces;

public sealed record ClosureView(DateOnly From, DateOnly To, string Reason);

public sealed record PlaceView(Guid Id, Guid EntityId, Guid OfficeId, string Name, string Address, string TimeZone,
    IReadOnlyList<OpeningHoursInput> OpeningHours, IReadOnlyList<ClosureView> Closures, int Version)
{
    internal static PlaceView From(Place p) => new(p.Id, p.EntityId, p.OfficeId, p.Name, p.Address, p.TimeZone,
        p.OpeningHours.Select(h => new OpeningHoursInput(h.Day, h.Opens, h.Closes)).ToList(), p.Closures.Select(c => new ClosureView(c.From, c.To, c.Reason)).ToList(), p.Version);
}

internal sealed record PlaceNameIsUniqueInEntity(bool AlreadyUsed, string Name) : IBusinessRule
{
    public bool IsBroken() => AlreadyUsed;

    public string Message => $"The entity already has a place named {Name}.";
}

public sealed class PlacesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<(Guid, PlaceHoursSet)> HandleAsync(OpenPlaceInOffice command, IDocumentSession session, CancellationToken cancellationToken)
    {
        // An office of another entity does not exist for the caller.
        var office = command.Office is { } o && (user.IsPlatformAdmin() || o.EntityId == user.EntityId) ? o : throw new NotFoundException("Office", command.Place.OfficeId);
        var name = command.Place.Name.Trim();
        BusinessRules.Check(new PlaceNameIsUniqueInEntity(
            await session.Query<Place>().AnyAsync(p => p.EntityId == office.EntityId && p.Name.Equals(name, StringComparison.OrdinalIgnoreCase), cancellationToken), name));
        var place = Place.Open(office.EntityId, office.OfficeId, name, command.Place.Address, command.Place.TimeZone,
            command.Place.OpeningHours.Select(h => h.ToDomain()));
        session.Insert(place);
        return (place.Id, place.HoursSet(clock.GetUtcNow()));
    }

    /// <summary>The same hours again change and publish nothing.</summary>
    public async Task<OutgoingMessages> HandleAsync(ChangePlaceOpeningHours command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var place = await session.LoadPlaceAsync(user, command.PlaceId, cancellationToken);
        if (!place.ChangeOpeningHours(command.Change.OpeningHours.Select(h => h.ToDomain()))) return [];
        session.UpdateRevision(place, place.Version + 1);
        return [place.HoursSet(clock.GetUtcNow())];
    }

    public async Task<PlaceHoursSet> HandleAsync(ClosePlace command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var place = await session.LoadPlaceAsync(user, command.PlaceId, cancellationToken);
        place.Close(new Closure(command.Closure.From, command.Closure.To, command.Closure.Reason.Trim()));
        session.UpdateRevision(place, place.Version + 1);
        return place.HoursSet(clock.GetUtcNow());
    }

    public async Task<PlaceView> HandleAsync(GetPlace query, IQuerySession session, CancellationToken cancellationToken) =>
        PlaceView.From(await session.LoadPlaceAsync(user, query.PlaceId, cancellationToken));

    public async Task<IReadOnlyList<PlaceView>> HandleAsync(ListPlaces query, IQuerySession session, CancellationToken cancellationToken) =>
        (await session.Query<Place>().VisibleTo(user).OrderBy(p => p.Name).ToListAsync(cancellationToken)).Select(PlaceView.From).ToList();
}

internal static class PlaceLoading
{
    public static async Task<Place> LoadPlaceAsync(this IQuerySession session, ICurrentUser user, Guid placeId, CancellationToken cancellationToken) =>
        await session.Query<Place>().VisibleTo(user).SingleOrDefaultAsync(p => p.Id == placeId, cancellationToken)
        ?? throw new NotFoundException("Place", placeId);
}

public static class PlacesEndpoints
{
    [WolverinePost("/api/spaces/places", OperationId = "OpenPlace"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Opens a shared workplace in an office of the caller's entity, with its weekly opening hours (operators, admins).")]
    public static async Task<Created<ResourceCreated>> Open(OpenPlace command, IMessageBus bus, CancellationToken ct)
    {
        var office = await bus.InvokeAsync<OfficeReference?>(new FindOfficeById(command.OfficeId), ct);
        return await bus.CreateAsync(new OpenPlaceInOffice(command, office), "/api/spaces/places/", ct);
    }

    [WolverinePut("/api/spaces/places/{placeId:guid}/opening-hours", OperationId = "ChangeOpeningHours"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Replaces a place's weekly opening hours (operators, admins); bookings already made stay.")]
    public static async Task<NoContent> PutOpeningHours(Guid placeId, ChangeOpeningHours change, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new ChangePlaceOpeningHours(placeId, change), ct);
        return TypedResults.NoContent();
    }

    [WolverinePost("/api/spaces/places/{placeId:guid}/closures", OperationId = "AddClosure"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Closes a place for some days (operators, admins): no booking on them.")]
    public static async Task<NoContent> PostClosure(Guid placeId, AddClosure closure, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new ClosePlace(placeId, closure), ct);
        return TypedResults.NoContent();
    }

    [WolverineGet("/api/spaces/places/{placeId:guid}", OperationId = "GetPlace"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A place of the caller's entity, with its opening hours and closures.")]
    public static async Task<Ok<PlaceView>> Get(Guid placeId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PlaceView>(new GetPlace(placeId), ct));

    [WolverineGet("/api/spaces/places", OperationId = "ListPlaces")]
    [EndpointSummary("The places of the caller's entity.")]
    public static async Task<Ok<IReadOnlyList<PlaceView>>> List(IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<PlaceView>>(new ListPlaces(), ct));
}
