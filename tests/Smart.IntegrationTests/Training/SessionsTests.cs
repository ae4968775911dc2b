using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.IntegrationTests.Spaces;
using static Smart.IntegrationTests.Training.TrainingScenario;

namespace Smart.IntegrationTests.Training;

public sealed class SessionsTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    [Fact]
    public async Task Given_a_Spaces_room_Then_the_session_is_confirmed_once_booked_the_room_is_taken_for_bookings_and_a_second_session_finds_it_unavailable()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var first = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay), roomId: scenario.Spaces.RoomId));
        var second = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay.AddDays(1)), roomId: scenario.Spaces.RoomId));

        var confirmed = await scenario.GetAsync(scenario.Operator, first);
        Assert.Equal("Confirmed", confirmed.Status);
        Assert.StartsWith("Salle Jaune, Bazaar St-So", confirmed.VenueName);
        var unavailable = await scenario.GetAsync(scenario.Operator, second);
        Assert.Equal("RoomUnavailable", unavailable.Status);
        Assert.Contains("already booked on 2026-03-18", unavailable.RoomProblem);
        var (_, member, activityId) = await scenario.Spaces.MemberAsync();
        await (await SpacesScenario.BookAsync(member, scenario.Spaces.RoomId, FirstDay, "10:00:00", "11:00:00", activityId)).AssertProblemAsync(HttpStatusCode.Conflict);

        // The first session moves to an outside venue: its room is released and books again.
        var moved = await scenario.Operator.PutAsJsonAsync($"/api/training/sessions/{first}/place", new { venue = new { name = "Médiathèque Jean Lévy", address = "Lille" } });
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        await app.WaitForBusIdleAsync();
        await SpacesScenario.BookedAsync(await SpacesScenario.BookAsync(member, scenario.Spaces.RoomId, FirstDay, "10:00:00", "11:00:00", activityId));
        Assert.Equal(("Confirmed", "Médiathèque Jean Lévy"), ((await scenario.GetAsync(scenario.Operator, first)).Status, (await scenario.GetAsync(scenario.Operator, first)).VenueName));
    }

    [Fact]
    public async Task Given_bad_plans_Then_400_with_field_errors_404_for_another_entity_and_nothing_planned()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var before = (await scenario.Operator.GetFromJsonAsync<List<SessionInfo>>("/api/training/sessions?schoolYear=2025", SpacesScenario.Json))!.Count;

        await (await scenario.Operator.PostAsJsonAsync("/api/training/sessions", new
        {
            kind = "Training", trainingId = scenario.TrainingId, officeId = scenario.Structure.LilleOfficeId,
            halfDays = new[] { new { date = FirstDay, start = "12:00:00", end = "09:00:00" } }, capacity = 0, waitingList = true,
            roomId = scenario.Spaces.RoomId, venue = new { name = "Ailleurs", address = "Lille" }, trainers = Array.Empty<object>(), timeZone = "Mars/Olympus",
        })).AssertFieldErrorsAsync("halfDays[0].end", "capacity", "roomId", "timeZone");
        await (await scenario.Operator.PostAsJsonAsync("/api/training/sessions", scenario.Session(TwoDays(new DateOnly(2026, 2, 2)))))
            .AssertFieldErrorsAsync("halfDays"); // in the past
        await (await scenario.Operator.PostAsJsonAsync("/api/training/sessions", scenario.Session(TwoDays(new DateOnly(2026, 7, 7)))))
            .AssertProblemAsync(HttpStatusCode.Conflict); // outside the 2025–2026 school year
        var otherEntity = (await (await scenario.Operator.PostAsJsonAsync("/api/training/sessions", new
        {
            kind = "InformationSession", title = "Réunion d'information", officeId = scenario.Structure.OtherEntityOfficeId, halfDays = TwoDays(FirstDay)[..1],
            capacity = 20, waitingList = false, venue = new { name = "Accueil", address = "Lille" }, trainers = Array.Empty<object>(),
        })).AssertProblemAsync(HttpStatusCode.NotFound));
        Assert.NotEqual(default, otherEntity);
        var (memberId, member, activityId) = await scenario.Spaces.MemberAsync();
        await (await scenario.Operator.PostAsJsonAsync("/api/training/sessions", scenario.Session(TwoDays(FirstDay),
            trainers: [new { name = "Camille", memberId = Guid.NewGuid(), activityId, amount = 400.00m }]))).AssertProblemAsync(HttpStatusCode.NotFound); // not their activity
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/training/sessions", scenario.Session(TwoDays(FirstDay)))).StatusCode);

        Assert.Equal(before, (await scenario.Operator.GetFromJsonAsync<List<SessionInfo>>("/api/training/sessions?schoolYear=2025", SpacesScenario.Json))!.Count);
        Assert.NotEqual(Guid.Empty, memberId);
    }

    [Fact]
    public async Task Given_an_office_information_session_Then_it_is_free_and_a_member_registers_without_an_activity()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var sessionId = await scenario.PlanAsync(new
        {
            kind = "InformationSession", title = "Découvrir Smart", officeId = scenario.Structure.LilleOfficeId, halfDays = TwoDays(FirstDay)[..1], capacity = 30,
            waitingList = false, venue = new { name = "Accueil", address = "Lille" }, trainers = Array.Empty<object>(),
        });
        var (_, member, _) = await scenario.Spaces.MemberAsync();

        var registration = await RegisteredAsync(await RegisterAsync(member, sessionId));

        Assert.Equal(("Confirmed", "Member", 0m, 0m), (registration.Status, registration.Audience, registration.Price, registration.Charged));
    }
}
