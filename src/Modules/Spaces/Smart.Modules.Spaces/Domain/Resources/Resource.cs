using Smart.BuildingBlocks.Domain;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Pricing;

namespace Smart.Modules.Spaces.Domain.Resources;

/// <summary>
/// Something of a place that members book or rent: a coworking area of <see cref="Capacity"/> desks, a room for
/// <see cref="Capacity"/> people, an office, a workshop or a machine (capacity 1), each with its effective-dated prices.
/// </summary>
internal sealed class Resource : AggregateRoot
{
    private List<PriceVersion> _prices = [];

    private Resource()
    {
        Name = null!;
    }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid PlaceId { get; private set; }

    public ResourceKind Kind { get; private set; }

    public string Name { get; private set; }

    public int Capacity { get; private set; }

    /// <summary>A qualification the member must hold to book it (e.g. "Laser cutter"), machines only.</summary>
    public string? RequiredQualification { get; private set; }

    public IReadOnlyList<PriceVersion> Prices => _prices;

    /// <summary>Bookings at once: desks for a coworking area; every other resource is booked whole.</summary>
    public int SimultaneousBookings => Kind == ResourceKind.CoworkingArea ? Capacity : 1;

    /// <summary>Only desks, offices and workshops are rented by the month.</summary>
    public bool CanBeRentedMonthly => Kind is ResourceKind.CoworkingArea or ResourceKind.PrivateOffice or ResourceKind.Workshop;

    public static Resource Add(Place place, ResourceKind kind, string name, int capacity, string? requiredQualification)
    {
        CheckRule(new OnlyMachinesNeedAQualification(kind, requiredQualification));
        return new Resource
        {
            Id = Guid.CreateVersion7(),
            EntityId = place.EntityId,
            OfficeId = place.OfficeId,
            PlaceId = place.Id,
            Kind = kind,
            Name = name.Trim(),
            Capacity = kind is ResourceKind.CoworkingArea or ResourceKind.MeetingRoom or ResourceKind.TrainingRoom ? capacity : 1,
            RequiredQualification = string.IsNullOrWhiteSpace(requiredQualification) ? null : requiredQualification.Trim(),
        };
    }

    /// <summary>New prices from a date; a version from the same date replaces it, and none starts before today (no retroactive price).</summary>
    public void SetPrices(PriceVersion version, DateOnly today)
    {
        CheckRule(new PricesAreNotRetroactive(version.EffectiveFrom, today));
        _prices = _prices.Where(p => p.EffectiveFrom != version.EffectiveFrom).Append(version).OrderBy(p => p.EffectiveFrom).ToList();
    }

    private sealed record OnlyMachinesNeedAQualification(ResourceKind Kind, string? Qualification) : IBusinessRule
    {
        public bool IsBroken() => Kind != ResourceKind.Machine && !string.IsNullOrWhiteSpace(Qualification);

        public string Message => "Only a machine can require a qualification.";
    }

    private sealed record PricesAreNotRetroactive(DateOnly From, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => From < Today;

        public string Message => $"Prices apply from today ({Today:yyyy-MM-dd}) or later, never from {From:yyyy-MM-dd}.";
    }
}
