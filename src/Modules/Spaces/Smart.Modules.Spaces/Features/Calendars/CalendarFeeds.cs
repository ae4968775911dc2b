using FluentValidation;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Calendars;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Features.Resources;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Spaces.Features.Calendars;

/// <summary>The subscribable feed of a resource (anyone of its entity), or of the caller's own bookings when no resource is named.</summary>
public sealed record OpenCalendarFeed(Guid? ResourceId)
{
    internal sealed class Validator : AbstractValidator<OpenCalendarFeed>
    {
        public Validator() => RuleFor(c => c.ResourceId).NotEqual(Guid.Empty);
    }
}

/// <summary>
/// Revokes the address of a resource's feed (staff), or of the caller's own when no resource is named: the old address
/// answers 404, and the new one is returned.
/// </summary>
public sealed record RevokeCalendarFeed(Guid? ResourceId)
{
    internal sealed class Validator : AbstractValidator<RevokeCalendarFeed>
    {
        public Validator() => RuleFor(c => c.ResourceId).NotEqual(Guid.Empty);
    }
}

/// <summary><see cref="Url"/> is relative to the API's host; anyone holding it reads the feed.</summary>
public sealed record CalendarFeedView(Guid Id, Guid? ResourceId, Guid? MemberId, string Url);

/// <summary>The feed behind a token, as iCalendar text; no caller: the token is the permission.</summary>
public sealed record ReadCalendarFeed(string Token);

public sealed class CalendarFeedsHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>Bookings shown: from a month ago to a year ahead.</summary>
    private static readonly (int Back, int Ahead) Window = (31, 366);

    /// <summary>One feed per resource and per member: asking again gives the same address.</summary>
    public async Task<CalendarFeedView> HandleAsync(OpenCalendarFeed command, IDocumentSession session, CancellationToken cancellationToken)
    {
        CalendarFeed? feed;
        if (command.ResourceId is { } resourceId)
        {
            var resource = await session.LoadResourceAsync(user, resourceId, cancellationToken);
            feed = await session.Query<CalendarFeed>().SingleOrDefaultAsync(f => f.ResourceId == resource.Id, cancellationToken)
                ?? CalendarFeed.OfResource(resource.EntityId, resource.Id);
        }
        else
        {
            var memberId = user.MemberId ?? throw new NotFoundException("Member", "me");
            var entityId = user.EntityId ?? throw new NotFoundException("Member", "me");
            feed = await session.Query<CalendarFeed>().SingleOrDefaultAsync(f => f.MemberId == memberId, cancellationToken)
                ?? CalendarFeed.OfMember(entityId, memberId);
        }
        session.Store(feed);
        return View(feed);
    }

    public async Task<CalendarFeedView> HandleAsync(RevokeCalendarFeed command, IDocumentSession session, CancellationToken cancellationToken)
    {
        CalendarFeed? feed;
        if (command.ResourceId is { } resourceId)
        {
            var resource = await session.LoadResourceAsync(user, resourceId, cancellationToken);
            BusinessRules.Check(new ResourceFeedsAreRevokedByStaff(user.IsBackOffice()));
            feed = await session.Query<CalendarFeed>().SingleOrDefaultAsync(f => f.ResourceId == resource.Id, cancellationToken);
        }
        else
        {
            feed = user.MemberId is { } memberId ? await session.Query<CalendarFeed>().SingleOrDefaultAsync(f => f.MemberId == memberId, cancellationToken) : null;
        }
        if (feed is null) throw new NotFoundException("CalendarFeed", command.ResourceId?.ToString() ?? "me");
        feed.Renew();
        session.Store(feed);
        return View(feed);
    }

    private static CalendarFeedView View(CalendarFeed feed) => new(feed.Id, feed.ResourceId, feed.MemberId, $"/api/spaces/calendars/{feed.Token}");

    /// <summary>A resource's address is shared by everyone of the entity who subscribed: only staff break it for all.</summary>
    private sealed record ResourceFeedsAreRevokedByStaff(bool IsStaff) : IBusinessRule
    {
        public bool IsBroken() => !IsStaff;

        public string Message => "Only operators and admins revoke a resource's calendar address.";
    }

    public async Task<string> HandleAsync(ReadCalendarFeed query, IQuerySession session, CancellationToken cancellationToken)
    {
        var feed = await session.Query<CalendarFeed>().SingleOrDefaultAsync(f => f.Token == query.Token, cancellationToken)
            ?? throw new NotFoundException("Calendar", "token");
        var today = clock.Today();
        var (from, to) = (today.AddDays(-Window.Back), today.AddDays(Window.Ahead));
        var bookings = session.Query<Booking>().Where(b => b.Status == BookingStatus.Confirmed && b.Date >= from && b.Date <= to);
        bookings = feed.ResourceId is { } resourceId ? bookings.Where(b => b.ResourceId == resourceId) : bookings.Where(b => b.MemberId == feed.MemberId);
        var shown = await bookings.OrderBy(b => b.Date).ThenBy(b => b.Start).Take(5_000).ToListAsync(cancellationToken);
        var placeIds = shown.Select(b => b.PlaceId).Distinct().ToList();
        var places = (await session.LoadManyAsync<Place>(cancellationToken, placeIds)).ToDictionary(p => p.Id);

        var calendar = new Ical.Net.Calendar { ProductId = "-//Smart//Spaces//EN" };
        foreach (var zone in places.Values.Select(p => p.TimeZone).Distinct())
        {
            calendar.AddTimeZone(new VTimeZone(zone));
        }
        foreach (var booking in shown)
        {
            var place = places[booking.PlaceId];
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{booking.Id}@spaces.smart.coop",
                // A resource's feed is read by anyone holding its address: it tells when, not who.
                Summary = feed.ResourceId is null ? booking.ResourceName : $"{booking.ResourceName}: booked",
                Location = place.Name,
                DtStamp = new CalDateTime(booking.BookedAt.UtcDateTime, "UTC"),
                DtStart = At(booking.Date, booking.Start, place.TimeZone),
                DtEnd = At(booking.Date, booking.End, place.TimeZone),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime At(DateOnly date, TimeOnly time, string zone) => new(date.Year, date.Month, date.Day, time.Hour, time.Minute, time.Second, zone);
}

public static class CalendarFeedsEndpoints
{
    public const string ContentType = "text/calendar; charset=utf-8";

    [WolverinePost("/api/spaces/calendar-feeds", OperationId = "OpenCalendarFeed"), ProducesCommandProblems]
    [EndpointSummary("The subscribable iCalendar address of a resource's bookings, or of the caller's own when no resource is given; the same address when asked again.")]
    public static async Task<Ok<CalendarFeedView>> Post(OpenCalendarFeed command, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<CalendarFeedView>(command, ct));

    [WolverinePost("/api/spaces/calendar-feeds/revocation", OperationId = "RevokeCalendarFeed"), ProducesCommandProblems, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Revokes a feed's address (a resource's: staff; else the caller's own): the old address answers 404, the new one is returned.")]
    public static async Task<Ok<CalendarFeedView>> Revoke(RevokeCalendarFeed command, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<CalendarFeedView>(command, ct));

    [WolverineGet("/api/spaces/calendars/{token}", OperationId = "ReadCalendarFeed"), AllowAnonymous, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("An iCalendar feed (RFC 5545) by its secret address, for calendar applications: no login.")]
    public static async Task<ContentHttpResult> Get(string token, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Text(await bus.InvokeAsync<string>(new ReadCalendarFeed(token), ct), ContentType);
}
