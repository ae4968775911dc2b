using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Features.Resources;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Spaces.Features.Bookings;

/// <summary>
/// Books a resource on every occurrence of an RFC 5545 rule (DAILY, WEEKLY or MONTHLY with COUNT or UNTIL, e.g.
/// <c>FREQ=WEEKLY;COUNT=10</c>) from <see cref="BookResource.Date"/>: the free occurrences are booked (and charged each),
/// the others listed with the reason.
/// </summary>
public sealed record BookRecurring(BookResource Booking, string Rule)
{
    public static BookRecurring Example => new(BookResource.Example, "FREQ=WEEKLY;COUNT=10");

    internal sealed class Validator : AbstractValidator<BookRecurring>
    {
        public Validator()
        {
            RuleFor(c => c.Booking).NotNull().SetValidator(new BookResource.Validator());
            RuleFor(c => c.Booking.WaitIfFull).Equal(false).When(c => c.Booking is not null).WithMessage("A series does not wait: its taken occurrences are listed.");
            RuleFor(c => c.Rule).Must(Recurrence.IsBookable).WithMessage("An RFC 5545 rule: FREQ=DAILY, WEEKLY or MONTHLY, with COUNT or UNTIL.");
        }
    }
}

public sealed record PlaceRecurringBooking(BookRecurring Series, ActivityStanding? Activity);

public sealed record ConflictingOccurrence(DateOnly Date, string Reason);

public sealed record RecurringBookingView(Guid SeriesId, IReadOnlyList<BookingView> Booked, IReadOnlyList<ConflictingOccurrence> Conflicts);

public sealed class PlaceRecurringBookingHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>Each booked occurrence saves its resource's day with the revision read, like a single booking (ADR 0052); a race re-runs the whole series.</summary>
    public static void Configure(Wolverine.Runtime.Handlers.HandlerChain chain) => PlaceBookingHandler.Configure(chain);

    public async Task<(RecurringBookingView, OutgoingMessages)> HandleAsync(PlaceRecurringBooking command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var request = command.Series.Booking;
        var resource = await session.LoadResourceAsync(user, request.ResourceId, cancellationToken);
        var place = (await session.LoadAsync<Place>(resource.PlaceId, cancellationToken))!;
        var dates = Recurrence.Dates(request.Date, request.Start, command.Series.Rule) is { Count: > 0 } found ? found : throw InputErrors.Field("rule", "This rule gives no date to book.");
        BusinessRules.Check(new SeriesIsNotTooLong(dates.Count));
        var now = clock.GetUtcNow();
        var seriesId = Guid.CreateVersion7();
        var booked = new List<Booking>();
        var conflicts = new List<ConflictingOccurrence>();
        var messages = new OutgoingMessages();
        foreach (var date in dates)
        {
            if (!place.IsOpen(date, request.Start, request.End))
            {
                conflicts.Add(new ConflictingOccurrence(date, $"{place.Name} is closed then."));
                continue;
            }
            var day = await Bookings.DayAsync(session, resource, date, cancellationToken);
            var capacity = await Bookings.CapacityOnAsync(session, resource, date, cancellationToken);
            if (!day.Fits(request.Start, request.End, capacity))
            {
                conflicts.Add(new ConflictingOccurrence(date, $"{resource.Name} is already booked then."));
                continue;
            }
            // What the series already takes is not available to its next occurrences.
            var activity = command.Activity is { } a ? a with { Available = a.Available - booked.Sum(b => b.Price) } : null;
            var booking = await Bookings.NewAsync(session, user, Guid.CreateVersion7(), request with { Date = date }, activity, resource, place, now, booked, cancellationToken);
            booking.BookedInSeries(seriesId);
            booking.Placed(day.Book(booking.Id, request.Start, request.End, capacity, waitIfFull: false));
            session.UpdateRevision(day, day.Version + 1);
            session.Insert(booking);
            booked.Add(booking);
            messages.AddRange(Bookings.OnConfirmed(booking, place, resource, wasWaiting: false));
        }
        BusinessRules.Check(new SomeOccurrenceIsFree(booked.Count, conflicts));
        return (new RecurringBookingView(seriesId, booked.Select(BookingView.From).ToList(), conflicts), messages);
    }

    private sealed record SeriesIsNotTooLong(int Occurrences) : IBusinessRule
    {
        public bool IsBroken() => Occurrences > Recurrence.MaxOccurrences;

        public string Message => $"A series books {Recurrence.MaxOccurrences} occurrences at most.";
    }

    private sealed record SomeOccurrenceIsFree(int Booked, IReadOnlyList<ConflictingOccurrence> Conflicts) : IBusinessRule
    {
        public bool IsBroken() => Booked == 0;

        public string Message => $"No occurrence is free: {string.Join("; ", Conflicts.Select(c => $"{c.Date:yyyy-MM-dd} {c.Reason}"))}";
    }
}

public static class BookRecurringEndpoint
{
    [WolverinePost("/api/spaces/recurring-bookings", OperationId = "BookRecurring"), ProducesCommandProblems]
    [EndpointSummary("Books a resource on every occurrence of a weekly or monthly rule (RFC 5545): the free ones are booked and charged, the others listed.")]
    public static async Task<Created<RecurringBookingView>> Post(BookRecurring command, IMessageBus bus, CancellationToken ct)
    {
        var activity = command.Booking.ActivityId is { } activityId ? await bus.InvokeAsync<ActivityStanding?>(new GetActivityStanding(activityId), ct) : null;
        var series = await bus.InvokeAsync<RecurringBookingView>(new PlaceRecurringBooking(command, activity), ct);
        return TypedResults.Created($"/api/spaces/bookings?seriesId={series.SeriesId}", series);
    }
}
