using System.Net;
using System.Net.Http.Json;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Training.Contracts;
using static Smart.IntegrationTests.Training.TrainingScenario;

namespace Smart.IntegrationTests.Training;

/// <summary>What Training publishes for the annual report (issue 16): the session as held, once per delivery.</summary>
public sealed class SessionDeliveredTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    [Fact]
    public async Task Given_4_half_days_of_3_5_hours_and_a_member_a_non_member_and_staff_attending_Then_the_delivery_publishes_14_hours_and_3_people_trained_once()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var (memberId, member, activityId) = await scenario.Spaces.MemberAsync();
        var (_, absent, absentActivity) = await scenario.Spaces.MemberAsync();
        var first = new DateOnly(2026, 3, 3);
        var sessionId = await scenario.PlanAsync(scenario.Session(TwoDays(first)));
        var attending = await RegisteredAsync(await RegisterAsync(member, sessionId, activityId));
        await RegisteredAsync(await RegisterAsync(absent, sessionId, absentActivity));
        var nonMember = await RegisteredAsync(await RegisterAsync(scenario.Operator, sessionId, trainee: NonMember(1)));
        var staffEmail = $"Sam.Staff-{Guid.NewGuid():N}@example.org";
        var staff = await RegisteredAsync(await RegisterAsync(scenario.Operator, sessionId, trainee: new { name = "Sam Staff", email = staffEmail, audience = "Staff" }));

        app.Clock!.Advance(new DateTimeOffset(2026, 3, 4, 17, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow()); // Wednesday 18:00 in Lille
        var advisor = await scenario.AdvisorAsync();
        foreach (var (halfDay, present) in new[] { (1, new[] { attending.Id, nonMember.Id, staff.Id }), (2, new[] { attending.Id }), (3, Array.Empty<Guid>()), (4, new[] { attending.Id }) })
        {
            var signed = await advisor.PutAsJsonAsync($"/api/training/sessions/{sessionId}/attendance/{halfDay}", new { present });
            Assert.True(signed.StatusCode == HttpStatusCode.NoContent, await signed.Content.ReadAsStringAsync());
        }
        await app.WaitForBusIdleAsync();

        var tracked = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK, (await advisor.PostAsync($"/api/training/sessions/{sessionId}/delivery", null)).StatusCode));
        var delivered = Assert.Single(tracked.Published<SessionDelivered>());
        Assert.Equal((sessionId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId, SessionKind.Training, (Guid?)scenario.TrainingId, (TrainingAxis?)TrainingAxis.FinancialManagement,
            2025, first, first.AddDays(1), 2, 4, 14m, 4),
            (delivered.SessionId, delivered.EntityId, delivered.OfficeId, delivered.Kind, delivered.TrainingId, delivered.Axis,
            delivered.SchoolYear, delivered.FirstDay, delivered.LastDay, delivered.Days, delivered.HalfDays, delivered.Hours, delivered.Participants));
        Assert.Equal("Construire le budget de son projet", delivered.Title);
        Assert.Equal(new[]
        {
            new SessionTrainee(attending.Id, TraineeAudience.Member, memberId, attending.Email.ToLowerInvariant(), 3, 10.5m),
            new SessionTrainee(nonMember.Id, TraineeAudience.NonMember, null, nonMember.Email.ToLowerInvariant(), 1, 3.5m),
            new SessionTrainee(staff.Id, TraineeAudience.Staff, null, staffEmail.ToLowerInvariant(), 1, 3.5m),
        }, delivered.Trainees.OrderBy(t => t.Audience));

        tracked = await app.TrackAsync(async () => await (await advisor.PostAsync($"/api/training/sessions/{sessionId}/delivery", null)).AssertProblemAsync(HttpStatusCode.Conflict));
        Assert.Empty(tracked.Published<SessionDelivered>());

        // A sheet corrected after the delivery: the session is published again as it now is (ADR 0105).
        tracked = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.NoContent,
            (await advisor.PutAsJsonAsync($"/api/training/sessions/{sessionId}/attendance/3", new { present = new[] { staff.Id } })).StatusCode));
        var corrected = Assert.Single(tracked.Published<SessionDelivered>());
        Assert.Equal((2, 7m), corrected.Trainees.Where(t => t.RegistrationId == staff.Id).Select(t => (t.HalfDaysAttended, t.HoursAttended)).Single());
        Assert.Equal(3, corrected.Trainees.Count);
    }
}
