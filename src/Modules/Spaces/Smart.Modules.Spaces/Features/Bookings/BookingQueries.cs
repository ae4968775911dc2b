using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Bookings;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Spaces.Features.Bookings;

public sealed record GetBooking(Guid BookingId);

/// <summary>Bookings the caller may see between two dates (inclusive), by resource, place, series or status; outsiders' only for staff invoicing them.</summary>
public sealed record ListBookings(Guid? ResourceId, Guid? PlaceId, DateOnly? From, DateOnly? To, BookingStatus? Status, bool OutsidersOnly = false, int Page = 1, int PageSize = 100,
    Guid? SeriesId = null)
{
    internal sealed class Validator : AbstractValidator<ListBookings>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 500);
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
            RuleFor(q => q.Status).IsInEnum();
        }
    }
}

public sealed class BookingQueriesHandler(ICurrentUser user)
{
    public async Task<BookingView> HandleAsync(GetBooking query, IQuerySession session, CancellationToken cancellationToken) =>
        BookingView.From(await session.Query<Booking>().VisibleTo(user).SingleOrDefaultAsync(b => b.Id == query.BookingId, cancellationToken)
            ?? throw new NotFoundException("Booking", query.BookingId));

    public async Task<PagedResult<BookingView>> HandleAsync(ListBookings query, IQuerySession session, CancellationToken cancellationToken)
    {
        var bookings = session.Query<Booking>().VisibleTo(user);
        if (query.ResourceId is { } resourceId) bookings = bookings.Where(b => b.ResourceId == resourceId);
        if (query.PlaceId is { } placeId) bookings = bookings.Where(b => b.PlaceId == placeId);
        if (query.SeriesId is { } seriesId) bookings = bookings.Where(b => b.SeriesId == seriesId);
        if (query.From is { } from) bookings = bookings.Where(b => b.Date >= from);
        if (query.To is { } to) bookings = bookings.Where(b => b.Date <= to);
        if (query.Status is { } status) bookings = bookings.Where(b => b.Status == status);
        if (query.OutsidersOnly) bookings = bookings.Where(b => b.Audience == Audience.Outsider);
        var total = await bookings.CountAsync(cancellationToken);
        var page = await bookings.OrderBy(b => b.Date).ThenBy(b => b.Start).ThenBy(b => b.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<BookingView>(page.Select(BookingView.From).ToList(), query.Page, query.PageSize, total);
    }
}

public static class BookingQueriesEndpoints
{
    [WolverineGet("/api/spaces/bookings/{bookingId:guid}", OperationId = "GetBooking"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A booking the caller may see: their own, their office's (advisor) or their entity's (operator, admin).")]
    public static async Task<Ok<BookingView>> Get(Guid bookingId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<BookingView>(new GetBooking(bookingId), ct));

    [WolverineGet("/api/spaces/bookings", OperationId = "ListBookings"), ProducesValidationProblem]
    [EndpointSummary("Bookings the caller may see, by resource, place, recurring series, dates and status, a page at a time.")]
    public static async Task<Ok<PagedResult<BookingView>>> List(Guid? resourceId, Guid? placeId, Guid? seriesId, DateOnly? from, DateOnly? to, BookingStatus? status, int? page,
        int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<BookingView>>(new ListBookings(resourceId, placeId, from, to, status, false, page ?? 1, pageSize ?? 100, seriesId), ct));

    [WolverineGet("/api/spaces/outsider-bookings", OperationId = "ListOutsiderBookings"), Authorize(SmartPolicies.Operator), ProducesValidationProblem]
    [EndpointSummary("Outsiders' bookings of the caller's entity between two dates, for staff to invoice (operators, admins).")]
    public static async Task<Ok<PagedResult<BookingView>>> Outsiders(Guid? placeId, DateOnly? from, DateOnly? to, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<BookingView>>(new ListBookings(null, placeId, from, to, null, true, page ?? 1, pageSize ?? 100), ct));
}
