using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Residencies;
using Smart.Modules.Spaces.Domain.Resources;
using Smart.Modules.Spaces.Features.Resources;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Spaces.Features.Availability;

/// <summary>
/// The resources free for a slot, e.g. "a meeting room for 8 in Lille on Tuesday afternoon": a kind, the people a room
/// must hold, an office or a place, a date and hours (the place's local time).
/// </summary>
public sealed record FindAvailability(Guid? OfficeId, Guid? PlaceId, ResourceKind? Kind, int Attendees, DateOnly? Date, TimeOnly? Start, TimeOnly? End)
{
    internal sealed class Validator : AbstractValidator<FindAvailability>
    {
        public Validator()
        {
            RuleFor(q => q.Kind).IsInEnum();
            RuleFor(q => q.Attendees).InclusiveBetween(1, AddResource.MaxCapacity);
            RuleFor(q => q.Date).NotNull();
            RuleFor(q => q.Date!.Value).IsBusinessDate().OverridePropertyName("date").When(q => q.Date is not null);
            RuleFor(q => q.Start).NotNull();
            RuleFor(q => q.End).NotNull().GreaterThan(q => q.Start).WithMessage("Ends after it starts, the same day.");
        }
    }
}

public sealed record AvailableResource(Guid ResourceId, Guid PlaceId, string PlaceName, ResourceKind Kind, string Name, int Capacity);

public sealed class FindAvailabilityHandler(ICurrentUser user)
{
    public async Task<IReadOnlyList<AvailableResource>> HandleAsync(FindAvailability query, IQuerySession session, CancellationToken cancellationToken)
    {
        var (date, start, end) = (query.Date!.Value, query.Start!.Value, query.End!.Value);
        var places = session.Query<Place>().VisibleTo(user);
        if (query.OfficeId is { } officeId) places = places.Where(p => p.OfficeId == officeId);
        if (query.PlaceId is { } placeId) places = places.Where(p => p.Id == placeId);
        var open = (await places.ToListAsync(cancellationToken)).Where(p => p.IsOpen(date, start, end)).ToDictionary(p => p.Id);
        if (open.Count == 0) return [];

        var placeIds = open.Keys.ToList();
        var resources = session.Query<Resource>().Where(r => placeIds.Contains(r.PlaceId));
        if (query.Kind is { } kind) resources = resources.Where(r => r.Kind == kind);
        var candidates = (await resources.ToListAsync(cancellationToken))
            .Where(r => r.Kind is not (ResourceKind.MeetingRoom or ResourceKind.TrainingRoom) || r.Capacity >= query.Attendees)
            .ToList();
        var resourceIds = candidates.Select(r => r.Id).ToList();
        var days = (await session.LoadManyAsync<ResourceDay>(cancellationToken, candidates.Select(r => ResourceDay.IdOf(r.Id, date))))
            .ToDictionary(d => d.ResourceId);
        var residents = (await session.Query<Residency>()
                .Where(r => resourceIds.Contains(r.ResourceId) && r.Start <= date && (r.End == null || r.End >= date)).ToListAsync(cancellationToken))
            .CountBy(r => r.ResourceId).ToDictionary();
        return candidates
            .Where(r => !days.TryGetValue(r.Id, out var day) || day.Fits(start, end, r.SimultaneousBookings - residents.GetValueOrDefault(r.Id)))
            .Where(r => r.SimultaneousBookings - residents.GetValueOrDefault(r.Id) > 0)
            .Select(r => new AvailableResource(r.Id, r.PlaceId, open[r.PlaceId].Name, r.Kind, r.Name, r.Capacity))
            .OrderBy(r => r.PlaceName).ThenBy(r => r.Capacity).ThenBy(r => r.Name)
            .ToList();
    }
}

public static class FindAvailabilityEndpoint
{
    [WolverineGet("/api/spaces/availability", OperationId = "FindAvailability"), ProducesValidationProblem]
    [EndpointSummary("Resources of the caller's entity free for a slot: by kind, people to hold, office or place, date and hours (the place's time), smallest first.")]
    public static async Task<Ok<IReadOnlyList<AvailableResource>>> Get(Guid? officeId, Guid? placeId, ResourceKind? kind, int? attendees, DateOnly? date, TimeOnly? start,
        TimeOnly? end, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<AvailableResource>>(new FindAvailability(officeId, placeId, kind, attendees ?? 1, date, start, end), ct));
}
