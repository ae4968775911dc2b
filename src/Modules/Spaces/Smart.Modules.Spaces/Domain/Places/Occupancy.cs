namespace Smart.Modules.Spaces.Domain.Places;

/// <summary>A resource's use over a period: hours booked (events included) over the hours it could have been (open hours × desks).</summary>
internal sealed record Occupancy(decimal BookedHours, decimal OpenHours)
{
    /// <summary>Booked ÷ open, to four decimals (0.4375 = 43.75 %); 0 when the place was never open.</summary>
    public decimal Rate => OpenHours == 0 ? 0m : Math.Round(BookedHours / OpenHours, 4, MidpointRounding.ToEven);

    public static Occupancy Of(Place place, int simultaneous, DateOnly from, DateOnly to, decimal bookedHours)
    {
        var open = 0m;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            open += place.OpenHoursOn(day);
        }
        return new Occupancy(bookedHours, open * simultaneous);
    }
}
