using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.IntegrationTests.Spaces;
using static Smart.IntegrationTests.Training.TrainingScenario;

namespace Smart.IntegrationTests.Training;

/// <summary>A session moved to other half-days or another place, and the updated invitations its trainees get.</summary>
public sealed class SessionMovesTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private static Task<HttpResponseMessage> RescheduleAsync(HttpClient client, Guid sessionId, object[] halfDays, Guid? roomId = null, object? venue = null) =>
        client.PutAsJsonAsync($"/api/training/sessions/{sessionId}/schedule", new { halfDays, roomId, venue });

    [Fact]
    public async Task Given_a_session_for_2_at_a_venue_moved_a_week_later_Then_both_confirmed_get_an_updated_invitation_with_the_same_uids_and_sequence_1()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var sessionId = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay), capacity: 2));
        var registered = new List<Registration>();
        for (var n = 1; n <= 3; n++)
        {
            registered.Add(await RegisteredAsync(await RegisterAsync(scenario.Operator, sessionId, trainee: NonMember(n))));
        }
        await app.WaitForBusIdleAsync();
        var first = await IcsOf(Assert.Single(scenario.MailsTo(registered[0].Email)));

        var moved = await RescheduleAsync(scenario.Operator, sessionId, TwoDays(FirstDay.AddDays(7)));
        Assert.True(moved.StatusCode == HttpStatusCode.NoContent, await moved.Content.ReadAsStringAsync());
        await app.WaitForBusIdleAsync();

        var session = await scenario.GetAsync(scenario.Operator, sessionId);
        Assert.Equal((new DateOnly(2026, 3, 24), "Confirmed", "Médiathèque Jean Lévy"), (session.HalfDays[0].Date, session.Status, session.VenueName));
        foreach (var trainee in registered.Take(2))
        {
            var mails = scenario.MailsTo(trainee.Email);
            Assert.Equal(2, mails.Count);
            var update = mails.Single(m => m.Subject!.Contains("change de date"));
            Assert.Contains("24/03/2026 09:00–12:30", update.TextBody);
            var ics = await IcsOf(update);
            Assert.Contains("METHOD:REQUEST", ics);
            Assert.Contains("SEQUENCE:1", ics);
            Assert.Contains($"UID:{sessionId}-1@training.smart.coop", ics);
            Assert.Contains("DTSTART;TZID=Europe/Paris:20260324T090000", ics);
            Assert.Contains("DTSTART;TZID=Europe/Paris:20260325T133000", ics);
        }
        Assert.Contains($"UID:{sessionId}-1@training.smart.coop", first);
        Assert.DoesNotContain("SEQUENCE:1", first);
        // The waiting list holds no calendar entry: the third hears nothing until a seat frees (then the new dates).
        Assert.DoesNotContain(scenario.MailsTo(registered[2].Email), m => m.Subject!.Contains("change de date"));
    }

    [Fact]
    public async Task Given_a_session_in_a_room_moved_to_free_days_Then_the_new_days_are_held_the_old_ones_released_and_the_trainee_gets_sequence_2()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var sessionId = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay), roomId: scenario.Spaces.RoomId));
        var (_, member, activityId) = await scenario.Spaces.MemberAsync();
        var trainee = await RegisteredAsync(await RegisterAsync(member, sessionId, activityId));

        var moved = await RescheduleAsync(scenario.Operator, sessionId, TwoDays(FirstDay.AddDays(7)));
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        await app.WaitForBusIdleAsync();

        var session = await scenario.GetAsync(scenario.Operator, sessionId);
        Assert.Equal((new DateOnly(2026, 3, 24), "Confirmed", (string?)null), (session.HalfDays[0].Date, session.Status, session.RoomProblem));
        Assert.StartsWith("Salle Jaune, Bazaar St-So", session.VenueName);
        // Spaces: the old Tuesday books again, the new one is taken.
        await SpacesScenario.BookedAsync(await SpacesScenario.BookAsync(member, scenario.Spaces.RoomId, FirstDay, "10:00:00", "11:00:00", activityId));
        await (await SpacesScenario.BookAsync(member, scenario.Spaces.RoomId, FirstDay.AddDays(7), "10:00:00", "11:00:00", activityId))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        // Invited once the room was named (sequence 1), updated when moved (sequence 2).
        var update = Assert.Single(scenario.MailsTo(trainee.Email), m => m.Subject!.Contains("change de date"));
        var ics = await IcsOf(update);
        Assert.Contains("SEQUENCE:2", ics);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20260324T090000", ics);
        Assert.Contains("LOCATION:Salle Jaune", ics);
    }

    [Fact]
    public async Task Given_the_room_taken_on_the_new_days_Then_the_session_stays_as_it_was_with_its_room_and_nobody_is_told()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var sessionId = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay), roomId: scenario.Spaces.RoomId));
        await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay.AddDays(14)), roomId: scenario.Spaces.RoomId));
        var trainee = await RegisteredAsync(await RegisterAsync(scenario.Operator, sessionId, trainee: NonMember(1)));

        Assert.Equal(HttpStatusCode.NoContent, (await RescheduleAsync(scenario.Operator, sessionId, TwoDays(FirstDay.AddDays(14)))).StatusCode);
        await app.WaitForBusIdleAsync();

        var session = await scenario.GetAsync(scenario.Operator, sessionId);
        Assert.Equal((FirstDay, "Confirmed"), (session.HalfDays[0].Date, session.Status));
        Assert.StartsWith("Not moved: Salle Jaune is already booked on 2026-03-31", session.RoomProblem);
        var (_, member, activityId) = await scenario.Spaces.MemberAsync();
        await (await SpacesScenario.BookAsync(member, scenario.Spaces.RoomId, FirstDay, "10:00:00", "11:00:00", activityId)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.DoesNotContain(scenario.MailsTo(trainee.Email), m => m.Subject!.Contains("change de date"));
    }

    [Fact]
    public async Task Given_bad_moves_Then_400_with_field_errors_409_or_404_and_the_session_unchanged()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var sessionId = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay)));
        var trainee = await RegisteredAsync(await RegisterAsync(scenario.Operator, sessionId, trainee: NonMember(1)));
        var (_, member, _) = await scenario.Spaces.MemberAsync();

        await (await RescheduleAsync(scenario.Operator, sessionId, [new { date = FirstDay, start = "12:00:00", end = "09:00:00" }], scenario.Spaces.RoomId,
            new { name = "Ailleurs", address = "Lille" })).AssertFieldErrorsAsync("halfDays[0].end", "roomId");
        await (await RescheduleAsync(scenario.Operator, sessionId, [])).AssertFieldErrorsAsync("halfDays");
        await (await RescheduleAsync(scenario.Operator, sessionId, TwoDays(new DateOnly(2026, 2, 23)))).AssertFieldErrorsAsync("halfDays"); // in the past
        await (await RescheduleAsync(scenario.Operator, sessionId, TwoDays(FirstDay.AddDays(7))[..3])).AssertProblemAsync(HttpStatusCode.Conflict); // 3 of 4 half-days
        await (await RescheduleAsync(scenario.Operator, sessionId, TwoDays(new DateOnly(2026, 7, 7)))).AssertProblemAsync(HttpStatusCode.Conflict); // next school year
        await (await RescheduleAsync(scenario.Operator, Guid.NewGuid(), TwoDays(FirstDay.AddDays(7)))).AssertProblemAsync(HttpStatusCode.NotFound);
        var elsewhere = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.OtherEntityId);
        await (await RescheduleAsync(elsewhere, sessionId, TwoDays(FirstDay.AddDays(7)))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await RescheduleAsync(member, sessionId, TwoDays(FirstDay.AddDays(7)))).StatusCode);
        await app.WaitForBusIdleAsync();

        var session = await scenario.GetAsync(scenario.Operator, sessionId);
        Assert.Equal(TwoDays(FirstDay).Length, session.HalfDays.Count);
        Assert.Equal((FirstDay, FirstDay.AddDays(1)), (session.HalfDays[0].Date, session.HalfDays[^1].Date));
        Assert.Single(scenario.MailsTo(trainee.Email));
    }
}
