using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

internal sealed class PlaceProfileProjection : YearProjection<PlaceProfile>
{
    public PlaceProfileProjection()
    {
        KeyOf<PlaceHoursNoted>(f => PlaceProfile.Key(f.PlaceId));
        KeyOf<ResourceNoted>(f => PlaceProfile.Key(f.PlaceId));
        KeyOf<ResidencyNoted>(f => PlaceProfile.Key(f.PlaceId));
        KeyOf<ResidencyEndNoted>(f => PlaceProfile.Key(f.PlaceId));
    }
}

internal sealed class PlaceYearProjection : YearProjection<PlaceYear>
{
    public PlaceYearProjection()
    {
        KeyOf<BookingNoted>(f => PlaceYear.Key(f.PlaceId, f.Date));
        KeyOf<BookingCancellationNoted>(f => PlaceYear.Key(f.PlaceId, f.Date));
        KeyOf<ResidencyMonthNoted>(f => PlaceYear.Key(f.PlaceId, f.Month));
        // A moved event's new year takes it, the year it left (if another) forgets it.
        KeysOf<PlaceEventNoted>(f => f.PreviousDate is { } previous && previous.Year != f.Date.Year
            ? [PlaceYear.Key(f.PlaceId, f.Date), PlaceYear.Key(f.PlaceId, previous)]
            : [PlaceYear.Key(f.PlaceId, f.Date)]);
        KeyOf<PlaceEventCancelledNoted>(f => PlaceYear.Key(f.PlaceId, f.Date));
        KeysOf<RoomHoldNoted>(f => PlaceYear.Keys(f.PlaceId, f.Slots));
        KeysOf<RoomHoldReleasedNoted>(f => PlaceYear.Keys(f.PlaceId, f.Slots));
    }
}
