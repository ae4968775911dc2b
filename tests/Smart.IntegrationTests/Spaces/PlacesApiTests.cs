using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Spaces;

/// <summary>Places and resources through HTTP: staff manage them, the entity's members see them, nobody else does.</summary>
public sealed class PlacesApiTests(SpacesApp app) : IClassFixture<SpacesApp>
{
    private sealed record Hours(string Day, TimeOnly Opens, TimeOnly Closes);

    private sealed record Closure(DateOnly From, DateOnly To, string Reason);

    private sealed record PlaceView(Guid Id, Guid EntityId, Guid OfficeId, string Name, string TimeZone, List<Hours> OpeningHours, List<Closure> Closures);

    private sealed record Rate(string Audience, decimal? Hourly, decimal? HalfDay, decimal? Day, List<string> FreeOn, decimal? MonthlyCap);

    private sealed record Prices(DateOnly EffectiveFrom, decimal HalfDayHours, int FreeCancellationHours, List<Rate> Rates);

    private sealed record ResourceView(Guid Id, Guid PlaceId, string Kind, string Name, int Capacity, string? RequiredQualification, List<Prices> Prices);

    [Fact]
    public async Task Given_an_operator_Then_they_open_a_place_with_resources_and_prices_that_the_entitys_members_see_and_others_do_not()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, _) = await scenario.MemberAsync();
        var otherEntity = await app.ClientAsync(SmartRoles.Admin, entityId: scenario.Structure.OtherEntityId);

        var place = (await member.GetFromJsonAsync<PlaceView>($"/api/spaces/places/{scenario.PlaceId}"))!;
        Assert.Equal((scenario.Structure.EntityId, scenario.Structure.LilleOfficeId, "Europe/Paris", 6), (place.EntityId, place.OfficeId, place.TimeZone, place.OpeningHours.Count));
        Assert.Contains((await member.GetFromJsonAsync<List<PlaceView>>("/api/spaces/places"))!, p => p.Id == scenario.PlaceId);
        var resources = (await member.GetFromJsonAsync<List<ResourceView>>($"/api/spaces/places/{scenario.PlaceId}/resources", SpacesScenario.Json))!;
        Assert.Equal(["Atelier 3", "Plateau", "Salle Jaune"], resources.Select(r => r.Name));
        var coworking = resources.Single(r => r.Kind == "CoworkingArea");
        Assert.Equal((20, 15.00m, "Friday"), (coworking.Capacity, coworking.Prices.Single().Rates.Single(r => r.Audience == "Member").Day!.Value,
            coworking.Prices.Single().Rates.Single(r => r.Audience == "Member").FreeOn.Single()));

        await (await otherEntity.GetAsync($"/api/spaces/places/{scenario.PlaceId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherEntity.GetAsync($"/api/spaces/resources/{scenario.RoomId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await otherEntity.GetFromJsonAsync<List<PlaceView>>("/api/spaces/places"))!, p => p.Id == scenario.PlaceId);
        await (await otherEntity.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/resources", new { kind = "Machine", name = "Laser", capacity = 1 }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/spaces/places", SpacesScenario.Place(scenario.Structure.LilleOfficeId, "Chez moi"))).StatusCode);
    }

    [Fact]
    public async Task Given_bad_places_and_resources_Then_400_with_the_fields_or_404_and_nothing_created()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var op = scenario.Operator;
        var placesBefore = (await op.GetFromJsonAsync<List<PlaceView>>("/api/spaces/places"))!.Count;

        await (await op.PostAsJsonAsync("/api/spaces/places", new
        {
            officeId = scenario.Structure.LilleOfficeId, name = "", address = "Lille", timeZone = "Mars/Olympus",
            openingHours = new[] { new { day = "Monday", opens = "18:00:00", closes = "08:00:00" } },
        })).AssertFieldErrorsAsync("name", "timeZone", "openingHours[0].closes");
        // Another entity's office, an unknown one: they do not exist for this operator.
        await (await op.PostAsJsonAsync("/api/spaces/places", SpacesScenario.Place(scenario.Structure.OtherEntityOfficeId, "Ailleurs"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await op.PostAsJsonAsync("/api/spaces/places", SpacesScenario.Place(Guid.NewGuid(), "Nulle part"))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(placesBefore, (await op.GetFromJsonAsync<List<PlaceView>>("/api/spaces/places"))!.Count);

        await (await op.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/resources", new { kind = "MeetingRoom", name = "Salle vide", capacity = 0 }))
            .AssertFieldErrorsAsync("capacity");
        await (await op.PostAsJsonAsync($"/api/spaces/places/{Guid.NewGuid()}/resources", new { kind = "MeetingRoom", name = "Salle fantôme", capacity = 8 }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var qualified = await op.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/resources", new { kind = "MeetingRoom", name = "Salle B", capacity = 8, requiredQualification = "Laser" });
        Assert.Equal("OnlyMachinesNeedAQualification", (await qualified.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var duplicate = await op.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/resources", new { kind = "Workshop", name = "atelier 3", capacity = 1 });
        Assert.Equal("ResourceNameIsUniqueInPlace", (await duplicate.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(3, (await op.GetFromJsonAsync<List<ResourceView>>($"/api/spaces/places/{scenario.PlaceId}/resources"))!.Count);

        await (await op.PutAsJsonAsync($"/api/spaces/resources/{scenario.RoomId}/prices", new
        {
            effectiveFrom = new DateOnly(2026, 3, 1), halfDayHours = 0m, freeCancellationHours = -1, rates = new[] { new { audience = "Member" } },
        })).AssertFieldErrorsAsync("halfDayHours", "freeCancellationHours", "rates[0].hourly");
        var retroactive = await op.PutAsJsonAsync($"/api/spaces/resources/{scenario.RoomId}/prices", new
        {
            effectiveFrom = new DateOnly(2026, 3, 1), halfDayHours = 4m, freeCancellationHours = 24, rates = new[] { new { audience = "Member", hourly = 1m } },
        });
        Assert.Equal("PricesAreNotRetroactive", (await retroactive.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Single((await op.GetFromJsonAsync<ResourceView>($"/api/spaces/resources/{scenario.RoomId}", SpacesScenario.Json))!.Prices);
    }

    [Fact]
    public async Task Given_a_closure_and_new_opening_hours_Then_the_place_shows_them()
    {
        var scenario = await new SpacesScenario(app).StartAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await scenario.Operator.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/closures",
            new { from = new DateOnly(2026, 8, 1), to = new DateOnly(2026, 8, 23), reason = "Congés d'été" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await scenario.Operator.PutAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/opening-hours",
            new { openingHours = new[] { new { day = "Friday", opens = "09:00:00", closes = "17:00:00" } } })).StatusCode);
        await (await scenario.Operator.PostAsJsonAsync($"/api/spaces/places/{scenario.PlaceId}/closures",
            new { from = new DateOnly(2026, 8, 23), to = new DateOnly(2026, 8, 1), reason = "" })).AssertFieldErrorsAsync("to", "reason");

        var place = (await scenario.Operator.GetFromJsonAsync<PlaceView>($"/api/spaces/places/{scenario.PlaceId}"))!;
        Assert.Equal(new Closure(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 23), "Congés d'été"), place.Closures.Single());
        Assert.Equal(new Hours("Friday", new TimeOnly(9, 0), new TimeOnly(17, 0)), place.OpeningHours.Single());
    }
}
