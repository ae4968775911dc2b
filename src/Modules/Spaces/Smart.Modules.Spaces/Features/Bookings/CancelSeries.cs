using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Resources;
using Wolverine;
using Wolverine.Http;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Spaces.Features.Bookings;

/// <summary>
/// Cancels what is left of a recurring series: every occurrence not started yet, from <see cref="From"/> (today when
/// not given). Occurrences already held stay as they are.
/// </summary>
public sealed record CancelSeries(DateOnly? From = null)
{
    internal sealed class Validator : AbstractValidator<CancelSeries>
    {
        public Validator() => RuleFor(c => c.From!.Value).IsBusinessDate().OverridePropertyName("from").When(c => c.From is not null);
    }
}

public sealed record CancelSeriesOf(Guid SeriesId, CancelSeries Request);

/// <summary>Each occurrence cancelled (free or with its fee, and whom it let in), and how many of the series stay.</summary>
public sealed record SeriesCancellationView(Guid SeriesId, IReadOnlyList<CancellationView> Cancelled, int Kept);

public sealed class CancelSeriesHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>Each occurrence frees its own resource's day (ADR 0052): a race with a booking of one of those days re-runs the whole cancellation.</summary>
    public static void Configure(HandlerChain chain) => PlaceBookingHandler.Configure(chain);

    /// <summary>
    /// Each occurrence is cancelled as on its own (ADR 0069): free until the notice of its price (its charge given back),
    /// its price kept as the fee after; the waiting bookings of its day move up.
    /// </summary>
    public async Task<(SeriesCancellationView, OutgoingMessages)> HandleAsync(CancelSeriesOf command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var series = await session.Query<Booking>().VisibleTo(user).Where(b => b.SeriesId == command.SeriesId).OrderBy(b => b.Date).ToListAsync(cancellationToken);
        if (series.Count == 0) throw new NotFoundException("Series", command.SeriesId);
        var place = (await session.LoadAsync<Place>(series[0].PlaceId, cancellationToken))!;
        var resource = (await session.LoadAsync<Resource>(series[0].ResourceId, cancellationToken))!;
        var now = clock.GetUtcNow();
        var from = command.Request.From ?? place.Today(now);
        if (from < place.Today(now)) throw InputErrors.Field("from", "The series is cancelled from today or a later date.");

        var ahead = series.Where(b => b.Status != BookingStatus.Cancelled && b.Date >= from && place.InstantOf(b.Date, b.Start) > now).ToList();
        BusinessRules.Check(new SeriesHasOccurrencesAhead(ahead.Count, from));
        var messages = new OutgoingMessages();
        var cancelled = new List<CancellationView>();
        foreach (var booking in ahead)
        {
            cancelled.Add(await Cancellations.CancelAsync(session, booking, place, resource, now, messages, cancellationToken));
        }
        return (new SeriesCancellationView(command.SeriesId, cancelled, series.Count - ahead.Count), messages);
    }

    private sealed record SeriesHasOccurrencesAhead(int Ahead, DateOnly From) : IBusinessRule
    {
        public bool IsBroken() => Ahead == 0;

        public string Message => $"No occurrence of this series from {From:yyyy-MM-dd} is left to cancel.";
    }
}

public static class CancelSeriesEndpoint
{
    [WolverinePost("/api/spaces/recurring-bookings/{seriesId:guid}/cancellation", OperationId = "CancelSeries"), ProducesCommandProblems,
     ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Cancels a recurring series from a date (today by default): each occurrence not started yet is cancelled as on its own, free or with its fee; past ones stay.")]
    public static async Task<Ok<SeriesCancellationView>> Post(Guid seriesId, CancelSeries command, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<SeriesCancellationView>(new CancelSeriesOf(seriesId, command), ct));
}
