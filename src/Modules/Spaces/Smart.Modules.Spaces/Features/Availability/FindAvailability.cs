using System.Linq.Expressions;
using FluentValidation;
using Marten;
using Marten.Services.BatchQuerying;
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
    /// <summary>
    /// One round trip (ADR 0068): the places, their resources, the resources' days and their residents on that date are
    /// four queries of one Marten batch, each filtered alike by where the rows are (entity, office, place); the
    /// answer is computed in memory.
    /// </summary>
    public async Task<IReadOnlyList<AvailableResource>> HandleAsync(FindAvailability query, IQuerySession session, CancellationToken cancellationToken)
    {
        var (date, start, end) = (query.Date!.Value, query.Start!.Value, query.End!.Value);
        var batch = session.CreateBatchQuery();
        var placesRead = Located(batch.Query<Place>(), query, p => p.EntityId, p => p.OfficeId, p => p.Id).ToList();
        var resources = Located(batch.Query<Resource>(), query, r => r.EntityId, r => r.OfficeId, r => r.PlaceId);
        if (query.Kind is { } kind) resources = resources.Where(r => r.Kind == kind);
        var resourcesRead = resources.ToList();
        var daysRead = Located(batch.Query<ResourceDay>().Where(d => d.Date == date), query, d => d.EntityId, d => d.OfficeId, d => d.PlaceId).ToList();
        var residenciesRead = Located(batch.Query<Residency>().Where(r => r.Start <= date && (r.End == null || r.End >= date)), query,
            r => r.EntityId, r => r.OfficeId, r => r.PlaceId).ToList();
        await batch.Execute(cancellationToken);

        var open = (await placesRead).Where(p => p.IsOpen(date, start, end)).ToDictionary(p => p.Id);
        var days = (await daysRead).ToDictionary(d => d.ResourceId);
        var residents = (await residenciesRead).CountBy(r => r.ResourceId).ToDictionary();
        return (await resourcesRead)
            .Where(r => open.ContainsKey(r.PlaceId))
            .Where(r => r.Kind is not (ResourceKind.MeetingRoom or ResourceKind.TrainingRoom) || r.Capacity >= query.Attendees)
            .Where(r => r.SimultaneousBookings - residents.GetValueOrDefault(r.Id) is var capacity && capacity > 0
                && (!days.TryGetValue(r.Id, out var day) || day.Fits(start, end, capacity)))
            .Select(r => new AvailableResource(r.Id, r.PlaceId, open[r.PlaceId].Name, r.Kind, r.Name, r.Capacity))
            .OrderBy(r => r.PlaceName).ThenBy(r => r.Capacity).ThenBy(r => r.Name)
            .ToList();
    }

    /// <summary>The rows of the caller's entity (<see cref="Visibility.InEntityOf{T}"/>), in the office and place asked for.</summary>
    private IBatchedQueryable<T> Located<T>(IBatchedQueryable<T> rows, FindAvailability query, Expression<Func<T, Guid>> entity, Expression<Func<T, Guid>> office,
        Expression<Func<T, Guid>> place)
    {
        if (user.InEntityOf(entity) is { } visible) rows = rows.Where(visible);
        if (query.OfficeId is { } officeId) rows = rows.Where(Is(office, officeId));
        if (query.PlaceId is { } placeId) rows = rows.Where(Is(place, placeId));
        return rows;
    }

    private static Expression<Func<T, bool>> Is<T>(Expression<Func<T, Guid>> selector, Guid id) =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(selector.Body, Expression.Constant(id)), selector.Parameters);
}

public static class FindAvailabilityEndpoint
{
    [WolverineGet("/api/spaces/availability", OperationId = "FindAvailability"), ProducesValidationProblem]
    [EndpointSummary("Resources of the caller's entity free for a slot: by kind, people to hold, office or place, date and hours (the place's time), smallest first.")]
    public static async Task<Ok<IReadOnlyList<AvailableResource>>> Get(Guid? officeId, Guid? placeId, ResourceKind? kind, int? attendees, DateOnly? date, TimeOnly? start,
        TimeOnly? end, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<AvailableResource>>(new FindAvailability(officeId, placeId, kind, attendees ?? 1, date, start, end), ct));
}
