using Marten;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Events;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Pricing;
using Smart.Modules.Spaces.Domain.Residencies;
using Smart.Modules.Spaces.Domain.Resources;
using Smart.Modules.Spaces.Features;
using Smart.Modules.Spaces.Features.Bookings;
using Smart.Modules.Spaces.Features.Residencies;
using Wolverine;

namespace Smart.Modules.Spaces.Seed;

/// <summary>
/// The local default's demo data (DESIGN.md §4): Bazaar St-So in Lille and Bigre!Lieu in Rennes with their resources
/// and prices, residents on monthly contracts, a month of bookings around today (members' and outsiders') and events.
/// The offices and the members' activities come from Governance and Activities through the bus. Idempotent: does nothing
/// once a place exists.
/// </summary>
public sealed record SeedSpacesDemoData(OfficeReference Lille, OfficeReference Rennes, IReadOnlyList<ActivityStanding> LilleActivities,
    IReadOnlyList<ActivityStanding> RennesActivities);

public sealed class SeedSpacesDemoDataHandler(TimeProvider clock)
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly string[] Outsiders = ["Association Les Voisins", "Théâtre de l'Oiseau-Mouche", "Collectif Pépite", "Maison Folie Wazemmes"];

    /// <summary>
    /// The charges of the residency months and bookings, each residency's next month, and the integration events of what it
    /// created (as the API would publish them), for Wolverine to send with the transaction.
    /// </summary>
    public async Task<OutgoingMessages> HandleAsync(SeedSpacesDemoData command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var messages = new OutgoingMessages();
        if (await session.Query<Place>().AnyAsync(cancellationToken)) return messages;
        var random = new Random(13);
        var now = clock.GetUtcNow();
        var today = clock.Today();

        var bazaar = Place.Open(command.Lille.EntityId, command.Lille.OfficeId, "Bazaar St-So", "292 rue Camille Guérin, 59800 Lille", "Europe/Paris",
            Weekdays.Select(d => new OpeningHours(d, new TimeOnly(8, 30), new TimeOnly(19, 0))).Append(new OpeningHours(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(18, 0))));
        var bigre = Place.Open(command.Rennes.EntityId, command.Rennes.OfficeId, "Bigre!Lieu", "Rennes", "Europe/Paris",
            Weekdays.Skip(1).Select(d => new OpeningHours(d, new TimeOnly(9, 0), new TimeOnly(19, 0))).Append(new OpeningHours(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(17, 0))));
        session.Insert(bazaar, bigre);
        messages.Add(bazaar.HoursSet(now));
        messages.Add(bigre.HoursSet(now));

        var bazaarResources = new List<Resource>
        {
            Priced(Resource.Add(bazaar, ResourceKind.CoworkingArea, "Plateau coworking", 60, null), today, Coworking(15.00m, 25.00m)),
            Priced(Resource.Add(bazaar, ResourceKind.MeetingRoom, "Salle Jaune", 12, null), today, Room(20.00m)),
            Priced(Resource.Add(bazaar, ResourceKind.MeetingRoom, "Salle Verte", 6, null), today, Room(12.00m)),
            Priced(Resource.Add(bazaar, ResourceKind.TrainingRoom, "Grande Halle", 40, null), today, Room(40.00m)),
            Priced(Resource.Add(bazaar, ResourceKind.Machine, "FabLab — découpe laser", 1, "Découpe laser"), today, Room(12.00m)),
            Priced(Resource.Add(bazaar, ResourceKind.Machine, "FabLab — imprimante 3D", 1, null), today, Room(6.00m)),
        };
        bazaarResources.AddRange(Enumerable.Range(1, 6).Select(i => Priced(Resource.Add(bazaar, ResourceKind.PrivateOffice, $"Bureau {i}", 1, null), today, Whole(30.00m))));
        bazaarResources.AddRange(Enumerable.Range(1, 8).Select(i => Priced(Resource.Add(bazaar, ResourceKind.Workshop, $"Atelier {i}", 1, null), today, Whole(35.00m))));
        var bigreResources = new List<Resource>
        {
            Priced(Resource.Add(bigre, ResourceKind.CoworkingArea, "Coworking", 16, null), today, Coworking(12.00m, 20.00m)),
            Priced(Resource.Add(bigre, ResourceKind.MeetingRoom, "Salle commune", 20, null), today, Room(15.00m)),
            Priced(Resource.Add(bigre, ResourceKind.Workshop, "Atelier partagé", 1, null), today, Whole(25.00m)),
            Priced(Resource.Add(bigre, ResourceKind.PrivateOffice, "Bureau 1", 1, null), today, Whole(25.00m)),
            Priced(Resource.Add(bigre, ResourceKind.PrivateOffice, "Bureau 2", 1, null), today, Whole(25.00m)),
        };
        foreach (var resource in bazaarResources.Concat(bigreResources))
        {
            session.Insert(resource);
            messages.Add(resource.Added(resource.PlaceId == bazaar.Id ? bazaar : bigre, now));
        }

        // Residents since the first of the month: every office and workshop, and some desks, to the first activities.
        var month = Residency.MonthOf(today);
        var residents = new List<Residency>();
        void Rent(Place place, IEnumerable<Resource> rented, IReadOnlyList<ActivityStanding> activities, decimal price)
        {
            foreach (var (resource, activity) in rented.Zip(activities.Skip(residents.Count(r => r.PlaceId == place.Id))))
            {
                var residency = Residency.Begin(resource, activity.CoordinatorId, activity.ActivityId, month, null, 30, price, 0, month);
                residents.Add(residency);
                var charged = residency.Charge(month)!;
                messages.Add(residency.Started(place, resource));
                messages.Add(residency.Charged(charged, place, resource));
                messages.Add(new ChargeActivity(charged.ChargeId, activity.ActivityId, ActivityChargeKind.SpaceCharge, charged.Amount, charged.ChargedOn, $"Residency, {month:yyyy-MM}", Bookings.Origin));
                messages.Add(new ChargeResidencyMonth(residency.Id, month.AddMonths(1)).ScheduledOn(place.InstantOf(month.AddMonths(1), TimeOnly.MinValue), clock));
                session.Insert(residency);
            }
        }
        Rent(bazaar, bazaarResources.Where(r => r.Kind is ResourceKind.PrivateOffice or ResourceKind.Workshop), command.LilleActivities, 250.00m);
        Rent(bazaar, Enumerable.Repeat(bazaarResources[0], 16), command.LilleActivities, 120.00m);
        Rent(bigre, bigreResources.Where(r => r.Kind is ResourceKind.PrivateOffice or ResourceKind.Workshop), command.RennesActivities, 200.00m);

        // A month of bookings and events around today.
        var days = new Dictionary<Guid, ResourceDay>();
        ResourceDay Day(Resource resource, DateOnly date) =>
            days.TryGetValue(ResourceDay.IdOf(resource.Id, date), out var day) ? day : days[ResourceDay.IdOf(resource.Id, date)] = ResourceDay.Start(resource, date);
        var charged = new Dictionary<(Guid, Guid, DateOnly), decimal>();
        for (var date = today.AddDays(-14); date <= today.AddDays(14); date = date.AddDays(1))
        {
            foreach (var (place, resources, activities, events) in new[]
                     {
                         (bazaar, bazaarResources, command.LilleActivities, new[] { ("Apéro des résidents", true, 18), ("Conseil des résidents", false, 9) }),
                         (bigre, bigreResources, command.RennesActivities, new[] { ("Concert au Bigre!Lieu", true, 17) }),
                     })
            {
                if (place.OpenHoursOn(date) == 0) continue;
                if (date.DayOfWeek == DayOfWeek.Thursday)
                {
                    var hall = resources.First(r => r.Kind is ResourceKind.TrainingRoom or ResourceKind.MeetingRoom && r.Capacity >= 20);
                    foreach (var (title, isPublic, hour) in events)
                    {
                        var planned = PlaceEvent.Plan(place.Id, [hall], title, null, isPublic, date, new TimeOnly(hour, 0), new TimeOnly(hour + 1, 0));
                        Day(hall, date).Book(planned.Id, planned.Start, planned.End, 1, waitIfFull: false);
                        session.Insert(planned);
                        messages.Add(planned.Scheduled(place));
                    }
                }
                if (activities.Count == 0) continue;
                foreach (var resource in resources.Where(r => r.Kind is not (ResourceKind.PrivateOffice or ResourceKind.Workshop)))
                {
                    var wanted = resource.Kind == ResourceKind.CoworkingArea ? random.Next(resource.Capacity / 6, resource.Capacity / 3) : random.Next(0, 4);
                    var capacity = resource.SimultaneousBookings - residents.Count(r => r.ResourceId == resource.Id && r.IsActiveOn(date));
                    for (var i = 0; i < wanted; i++)
                    {
                        var hours = place.OpeningHours.Single(h => h.Day == date.DayOfWeek);
                        var (start, end) = resource.Kind == ResourceKind.CoworkingArea
                            ? (hours.Opens, hours.Closes)
                            : (hours.Opens.AddHours(random.Next(0, 6)), hours.Opens.AddHours(random.Next(0, 6)).AddHours(random.Next(1, 3)));
                        if (end <= start || end > hours.Closes || !Day(resource, date).Fits(start, end, capacity)) continue;
                        var prices = PriceLists.InForce(resource.Prices, today);
                        Booking booking;
                        if (resource.Kind == ResourceKind.MeetingRoom && random.Next(5) == 0)
                        {
                            var name = Outsiders[random.Next(Outsiders.Length)];
                            booking = Booking.ForOutsider(Guid.CreateVersion7(), resource, new Outsider(name, "contact@" + new string(name.Where(char.IsLetter).ToArray()).ToLowerInvariant() + ".example"),
                                date, start, end, 1, prices.PriceOf(Audience.Outsider, date, end - start, 0m), prices.FreeCancellationHours, now);
                        }
                        else
                        {
                            if (resource.RequiredQualification is not null) continue;
                            var activity = activities[random.Next(activities.Count)];
                            var key = (activity.CoordinatorId, resource.Id, Residency.MonthOf(date));
                            var audience = residents.Any(r => r.PlaceId == place.Id && r.MemberId == activity.CoordinatorId && r.IsActiveOn(date)) ? Audience.Resident : Audience.Member;
                            booking = Booking.ForMember(Guid.CreateVersion7(), resource, activity.CoordinatorId, activity.ActivityId, date, start, end, 1, audience,
                                prices.PriceOf(audience, date, end - start, charged.GetValueOrDefault(key)), prices.FreeCancellationHours, now);
                            charged[key] = charged.GetValueOrDefault(key) + booking.Price;
                        }
                        booking.Placed(Day(resource, date).Book(booking.Id, start, end, capacity, waitIfFull: false));
                        session.Insert(booking);
                        messages.AddRange(Bookings.OnConfirmed(booking, place, resource, wasWaiting: false));
                    }
                }
            }
        }
        foreach (var day in days.Values) session.Insert(day);
        return messages;
    }

    private static Resource Priced(Resource resource, DateOnly today, IReadOnlyList<AudienceRate> rates)
    {
        resource.SetPrices(new PriceVersion(today, 4m, 24, rates), today);
        return resource;
    }

    /// <summary>Members free on Fridays and capped at ten days a month; residents free; outsiders by the day.</summary>
    private static IReadOnlyList<AudienceRate> Coworking(decimal day, decimal outsiderDay) =>
    [
        new(Audience.Member, Money.RoundToCents(day / 5), Money.RoundToCents(day * 0.55m), day, [DayOfWeek.Friday], day * 10),
        new(Audience.Resident, null, null, 0m, [], null),
        new(Audience.Outsider, null, null, outsiderDay, [], null),
    ];

    /// <summary>By the hour: members the rate, residents half of it, outsiders 1.75 times.</summary>
    private static IReadOnlyList<AudienceRate> Room(decimal hourly) =>
    [
        new(Audience.Member, hourly, null, hourly * 6, [], null),
        new(Audience.Resident, Money.RoundToCents(hourly / 2), null, hourly * 3, [], null),
        new(Audience.Outsider, Money.RoundToCents(hourly * 1.75m), null, hourly * 10, [], null),
    ];

    private static IReadOnlyList<AudienceRate> Whole(decimal day) =>
    [
        new(Audience.Member, null, Money.RoundToCents(day * 0.6m), day, [], null),
        new(Audience.Resident, null, null, Money.RoundToCents(day / 2), [], null),
    ];
}
