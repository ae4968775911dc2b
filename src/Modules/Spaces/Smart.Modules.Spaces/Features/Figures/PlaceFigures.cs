using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Events;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Residencies;
using Smart.Modules.Spaces.Domain.Resources;
using Smart.Modules.Spaces.Features.Places;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Spaces.Features.Figures;

/// <summary>A place's figures for the month of <see cref="Month"/>.</summary>
public sealed record GetPlaceFigures(Guid PlaceId, DateOnly? Month)
{
    internal sealed class Validator : AbstractValidator<GetPlaceFigures>
    {
        public Validator()
        {
            RuleFor(q => q.Month).NotNull();
            RuleFor(q => q.Month!.Value).IsBusinessDate().OverridePropertyName("month").When(q => q.Month is not null);
        }
    }
}

public sealed record ResourceOccupancy(Guid ResourceId, string Name, decimal BookedHours, decimal OpenHours, decimal Occupancy);

/// <summary>
/// <see cref="RentalIncome"/> = <see cref="BookingIncome"/> (bookings' prices and fees kept, members' and outsiders')
/// + <see cref="ResidencyIncome"/> (the residency months charged for the month).
/// </summary>
public sealed record PlaceFiguresView(Guid PlaceId, DateOnly Month, IReadOnlyList<ResourceOccupancy> Resources, decimal BookingIncome, decimal ResidencyIncome,
    decimal RentalIncome, int Residents, int Events, int PublicEvents);

public sealed class PlaceFiguresHandler(ICurrentUser user)
{
    public async Task<PlaceFiguresView> HandleAsync(GetPlaceFigures query, IQuerySession session, CancellationToken cancellationToken)
    {
        var place = await session.LoadPlaceAsync(user, query.PlaceId, cancellationToken);
        var month = Residency.MonthOf(query.Month!.Value);
        var last = month.AddMonths(1).AddDays(-1);
        var resources = await session.Query<Resource>().Where(r => r.PlaceId == place.Id).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var dayIds = resources.SelectMany(r => Enumerable.Range(0, last.Day).Select(d => ResourceDay.IdOf(r.Id, month.AddDays(d)))).ToList();
        var booked = (await session.LoadManyAsync<ResourceDay>(cancellationToken, dayIds)).GroupBy(d => d.ResourceId).ToDictionary(g => g.Key, g => g.Sum(d => d.BookedHours));
        var occupancy = resources.Select(r =>
        {
            var use = Occupancy.Of(place, r.SimultaneousBookings, month, last, booked.GetValueOrDefault(r.Id));
            return new ResourceOccupancy(r.Id, r.Name, use.BookedHours, use.OpenHours, use.Rate);
        }).ToList();

        var bookings = await session.Query<Booking>().Where(b => b.PlaceId == place.Id && b.Date >= month && b.Date <= last).ToListAsync(cancellationToken);
        var residencies = await session.Query<Residency>().Where(r => r.PlaceId == place.Id && r.Start <= last && (r.End == null || r.End >= month)).ToListAsync(cancellationToken);
        var events = (await session.Query<PlaceEvent>().Where(e => e.PlaceId == place.Id && e.Date >= month && e.Date <= last).ToListAsync(cancellationToken))
            .Where(e => e.CancelledAt is null).ToList();
        var bookingIncome = bookings.Sum(b => b.Income);
        var residencyIncome = residencies.SelectMany(r => r.Months).Where(m => m.Month == month).Sum(m => m.Amount);
        return new PlaceFiguresView(place.Id, month, occupancy, bookingIncome, residencyIncome, bookingIncome + residencyIncome, residencies.Count,
            events.Count, events.Count(e => e.IsPublic));
    }
}

public static class PlaceFiguresEndpoint
{
    [WolverineGet("/api/spaces/places/{placeId:guid}/figures", OperationId = "GetPlaceFigures"), Authorize(SmartPolicies.Staff), ProducesProblem(StatusCodes.Status404NotFound), ProducesValidationProblem]
    [EndpointSummary("A place's month: occupancy per resource (booked hours ÷ open hours), rental income, residents and events (staff).")]
    public static async Task<Ok<PlaceFiguresView>> Get(Guid placeId, DateOnly? month, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PlaceFiguresView>(new GetPlaceFigures(placeId, month), ct));
}
