using Smart.BuildingBlocks.Domain;
using Smart.Modules.Spaces.Contracts;

namespace Smart.Modules.Spaces.Domain.Pricing;

/// <summary>
/// What an audience pays for a resource: by the hour, the half-day and the day (any may be missing), nothing on
/// <see cref="FreeOn"/> days (e.g. coworking free for members on Fridays), and at most <see cref="MonthlyCap"/> a
/// calendar month for one person.
/// </summary>
internal sealed record AudienceRate(Audience Audience, decimal? Hourly, decimal? HalfDay, decimal? Day, IReadOnlyList<DayOfWeek> FreeOn, decimal? MonthlyCap);

/// <summary>
/// A resource's prices from <see cref="EffectiveFrom"/> until the next version, with the booking rules priced with
/// them: a booking of at most <see cref="HalfDayHours"/> may take the half-day rate, and a cancellation at least
/// <see cref="FreeCancellationHours"/> before the start is free (later, the booking's price is kept as the fee).
/// </summary>
internal sealed record PriceVersion(DateOnly EffectiveFrom, decimal HalfDayHours, int FreeCancellationHours, IReadOnlyList<AudienceRate> Rates) : IEffectiveDated
{
    /// <summary>
    /// The price of a booking within one day: nothing on a free day, else the cheapest of the hourly price, the half-day
    /// rate (short enough) and the day rate; then no more than what is left of the monthly cap after
    /// <paramref name="chargedThisMonth"/>. Rounded to the cent.
    /// </summary>
    public decimal PriceOf(Audience audience, DateOnly date, TimeSpan duration, decimal chargedThisMonth)
    {
        var rate = Rates.SingleOrDefault(r => r.Audience == audience);
        BusinessRules.Check(new ResourceHasARateFor(audience, rate));
        if (rate!.FreeOn.Contains(date.DayOfWeek)) return 0m;
        var hours = (decimal)duration.TotalHours;
        var candidates = new List<decimal>();
        if (rate.Hourly is { } hourly) candidates.Add(hourly * hours);
        if (rate.HalfDay is { } halfDay && hours <= HalfDayHours) candidates.Add(halfDay);
        if (rate.Day is { } day) candidates.Add(day);
        BusinessRules.Check(new ResourceHasARateFor(audience, candidates.Count == 0 ? null : rate));
        var price = candidates.Min();
        if (rate.MonthlyCap is { } cap) price = Math.Min(price, Math.Max(0m, cap - chargedThisMonth));
        return Money.RoundToCents(price);
    }

    private sealed record ResourceHasARateFor(Audience Audience, AudienceRate? Rate) : IBusinessRule
    {
        public bool IsBroken() => Rate is null;

        public string Message => $"This resource has no price for {Audience} bookings of this length.";
    }
}

internal static class PriceLists
{
    /// <summary>The prices in force on a date; a resource without any cannot be booked then.</summary>
    public static PriceVersion InForce(IEnumerable<PriceVersion> versions, DateOnly on) =>
        versions.InForceOn(on) ?? throw new BusinessRuleViolationException(new ResourceHasPricesInForce(on));

    private sealed record ResourceHasPricesInForce(DateOnly On) : IBusinessRule
    {
        public bool IsBroken() => true;

        public string Message => $"This resource has no prices in force on {On:yyyy-MM-dd}.";
    }
}
