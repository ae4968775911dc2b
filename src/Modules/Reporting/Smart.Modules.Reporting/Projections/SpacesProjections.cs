using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

internal sealed class PlaceProfileProjection : YearProjection<PlaceProfile>
{
    public PlaceProfileProjection()
    {
        Identity<PlaceHoursNoted>(f => PlaceProfile.Key(f.PlaceId));
        Identity<ResourceNoted>(f => PlaceProfile.Key(f.PlaceId));
        Identity<ResidencyNoted>(f => PlaceProfile.Key(f.PlaceId));
        Identity<ResidencyEndNoted>(f => PlaceProfile.Key(f.PlaceId));
    }
}

internal sealed class PlaceYearProjection : YearProjection<PlaceYear>
{
    public PlaceYearProjection()
    {
        Identity<BookingNoted>(f => PlaceYear.Key(f.PlaceId, f.Date));
        Identity<BookingCancellationNoted>(f => PlaceYear.Key(f.PlaceId, f.Date));
        Identity<ResidencyMonthNoted>(f => PlaceYear.Key(f.PlaceId, f.Month));
        // A moved event's new year takes it, the year it left (if another) forgets it.
        Identities<PlaceEventNoted>(f => f.PreviousDate is { } previous && previous.Year != f.Date.Year
            ? [PlaceYear.Key(f.PlaceId, f.Date), PlaceYear.Key(f.PlaceId, previous)]
            : [PlaceYear.Key(f.PlaceId, f.Date)]);
        Identity<PlaceEventCancelledNoted>(f => PlaceYear.Key(f.PlaceId, f.Date));
        Identities<RoomHoldNoted>(f => PlaceYear.Keys(f.PlaceId, f.Slots));
        Identities<RoomHoldReleasedNoted>(f => PlaceYear.Keys(f.PlaceId, f.Slots));
    }
}
