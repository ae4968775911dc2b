using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities;
using System.Net.Http.Json;
using Marten;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Seed;
using Smart.Modules.Spaces;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Events;
using Smart.Modules.Spaces.Domain.Residencies;

namespace Smart.IntegrationTests.Spaces;

public sealed class SpacesDemoDataTests(SpacesApp app) : IClassFixture<SpacesApp>
{
    private sealed record PlaceView(Guid Id, string Name);

    private sealed record Use(string Name, decimal Occupancy);

    private sealed record Figures(List<Use> Resources, decimal RentalIncome, decimal ResidencyIncome, int Residents, int Events);

    private sealed record Counts(int Places, int Bookings, int Residencies, int Events);

    [Fact]
    public async Task Given_the_demo_seed_Then_Bazaar_St_So_and_Bigre_Lieu_have_residents_a_month_of_bookings_and_events_charged_to_activities()
    {
        var structure = await app.SeedStructureAsync(members: 150);
        await app.InvokeAsync(new SeedActivitiesDemoData());
        await app.WaitForBusIdleAsync();

        await new SpacesModule().SeedDemoDataAsync(app.Services, CancellationToken.None);
        await app.WaitForBusIdleAsync();
        var counts = await CountsAsync();
        await new SpacesModule().SeedDemoDataAsync(app.Services, CancellationToken.None); // idempotent
        await app.WaitForBusIdleAsync();

        Assert.Equal(counts, await CountsAsync());
        Assert.True(counts is { Places: 2, Bookings: > 100, Residencies: > 10, Events: > 4 }, counts.ToString());
        var staff = await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);
        var places = (await staff.GetFromJsonAsync<List<PlaceView>>("/api/spaces/places"))!;
        Assert.Equal(["Bazaar St-So", "Bigre!Lieu"], places.Select(p => p.Name));
        var bazaar = (await staff.GetFromJsonAsync<Figures>($"/api/spaces/places/{places[0].Id}/figures?month=2026-03-01"))!;
        Assert.True(bazaar is { Residents: > 10, Events: > 0, ResidencyIncome: > 0 } && bazaar.RentalIncome > bazaar.ResidencyIncome, bazaar.ToString());
        Assert.True(bazaar.Resources.Single(r => r.Name == "Plateau coworking").Occupancy > 0);
        // Every residency's month and priced member booking reached its activity's ledger.
        var charged = await app.QueryStoreAsync<ISpacesStore, int>(async s =>
            await s.Query<Booking>().CountAsync(b => b.Status == BookingStatus.Confirmed && b.ActivityId != null && b.Price > 0)
            + await s.Query<Residency>().CountAsync());
        Assert.Equal(charged, await app.QueryStoreAsync<IActivitiesStore, int>(s => s.Query<LedgerEntry>().CountAsync(e => e.Kind == BudgetEntryKind.SpaceCharge)));
    }

    private Task<Counts> CountsAsync() => app.QueryStoreAsync<ISpacesStore, Counts>(async s => new Counts(
        await s.Query<Smart.Modules.Spaces.Domain.Places.Place>().CountAsync(), await s.Query<Booking>().CountAsync(),
        await s.Query<Residency>().CountAsync(), await s.Query<PlaceEvent>().CountAsync()));
}
