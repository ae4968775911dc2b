using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using static Smart.IntegrationTests.Training.TrainingScenario;

namespace Smart.IntegrationTests.Training;

public sealed class RegistrationsTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    [Fact]
    public async Task Given_a_session_for_12_Then_the_13th_registration_waits_in_position_1_and_a_cancellation_promotes_it_with_an_ics_invitation()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var sessionId = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay), capacity: 12));
        var registered = new List<Registration>();
        for (var n = 1; n <= 13; n++)
        {
            registered.Add(await RegisteredAsync(await RegisterAsync(scenario.Operator, sessionId, trainee: NonMember(n))));
        }
        var thirteenth = registered[12];
        Assert.Equal(("Waiting", 1), (thirteenth.Status, thirteenth.WaitingPosition));
        Assert.All(registered.Take(12), r => Assert.Equal("Confirmed", r.Status));
        Assert.Equal(480.00m, thirteenth.Price);

        var cancelled = (await (await scenario.Operator.PostAsync($"/api/training/sessions/{sessionId}/registrations/{registered[4].Id}/cancellation", null))
            .Content.ReadFromJsonAsync<Cancellation>())!;
        await app.WaitForBusIdleAsync();

        Assert.Equal([thirteenth.Id], cancelled.Promoted);
        var session = await scenario.GetAsync(scenario.Operator, sessionId);
        Assert.Equal((12, 0), (session.Confirmed, session.Waiting));
        var mails = scenario.MailsTo(thirteenth.Email);
        Assert.Equal(2, mails.Count); // told of the waiting list (position 1), then invited
        Assert.Contains("en position 1.", mails.Single(m => m.Attachments.All(_ => false)).TextBody);
        var mail = mails.Single(m => m.Attachments.Any());
        Assert.Contains("une place s'est libérée", mail.TextBody);
        var invitation = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("invitation.ics", invitation.FileName);
        using var ics = new MemoryStream();
        await invitation.Content!.DecodeToAsync(ics);
        var calendar = System.Text.Encoding.UTF8.GetString(ics.ToArray());
        Assert.Equal(4, calendar.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20260317T090000", calendar);
    }

    [Fact]
    public async Task Given_a_member_registering_for_a_2_day_training_at_120_Then_120_is_charged_and_cancelling_within_the_free_period_reverses_it()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var sessionId = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay)));
        var (_, member, activityId) = await scenario.Spaces.MemberAsync();

        var registration = await RegisteredAsync(await RegisterAsync(member, sessionId, activityId));
        Assert.Equal(("Confirmed", 120.00m, 120.00m), (registration.Status, registration.Price, registration.Charged));
        Assert.Equal((1, -120.00m), await scenario.Spaces.LedgerAsync(member, activityId, registration.Id));

        var cancelled = (await (await member.PostAsync($"/api/training/sessions/{sessionId}/registrations/{registration.Id}/cancellation", null))
            .Content.ReadFromJsonAsync<Cancellation>())!;

        Assert.Equal((true, 0m), (cancelled.ChargeReversed, cancelled.ChargeKept));
        Assert.Equal((2, 0.00m), await scenario.Spaces.LedgerAsync(member, activityId, registration.Id));
        await (await member.PostAsync($"/api/training/sessions/{sessionId}/registrations/{registration.Id}/cancellation", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Given_bad_registrations_Then_409_or_404_and_nothing_is_charged()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var sessionId = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay)));
        var full = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay.AddDays(7)), capacity: 1, waitingList: false));
        var (_, member, activityId) = await scenario.Spaces.MemberAsync();
        var (_, other, otherActivityId) = await scenario.Spaces.MemberAsync();
        var first = await RegisteredAsync(await RegisterAsync(member, sessionId, activityId));
        await RegisteredAsync(await RegisterAsync(scenario.Operator, full, trainee: NonMember(1)));

        await (await RegisterAsync(member, sessionId, activityId)).AssertProblemAsync(HttpStatusCode.Conflict); // twice
        await (await RegisterAsync(member, sessionId, otherActivityId)).AssertProblemAsync(HttpStatusCode.NotFound); // another member's activity
        await (await RegisterAsync(other, full, otherActivityId)).AssertProblemAsync(HttpStatusCode.Conflict); // full, no waiting list
        await (await RegisterAsync(member, Guid.NewGuid(), activityId)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await RegisterAsync(member, sessionId, trainee: NonMember(2))).AssertProblemAsync(HttpStatusCode.Conflict); // only staff register others
        await (await RegisterAsync(member, sessionId)).AssertFieldErrorsAsync("activityId"); // a priced session charges an activity
        await (await RegisterAsync(scenario.Operator, sessionId, activityId, NonMember(3))).AssertFieldErrorsAsync("activityId");
        await (await RegisterAsync(scenario.Operator, sessionId, trainee: new { name = "", email = "not-an-address", audience = "Member" }))
            .AssertFieldErrorsAsync("trainee.name", "trainee.email", "trainee.audience");

        Assert.Equal((1, -120.00m), await scenario.Spaces.LedgerAsync(member, activityId, first.Id));
        Assert.Equal((0, 0m), await SumAsync(scenario, other, otherActivityId));
        Assert.Single((await scenario.GetAsync(scenario.Operator, sessionId)).Registrations);
        // Someone else's registration does not exist for a member: neither to cancel nor to read.
        await (await other.PostAsync($"/api/training/sessions/{sessionId}/registrations/{first.Id}/cancellation", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/training/sessions/{sessionId}/registrations/{first.Id}/certificate")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await scenario.GetAsync(other, sessionId)).Registrations);
        // A session of another entity does not exist for its callers.
        var elsewhere = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.OtherEntityId);
        await (await elsewhere.GetAsync($"/api/training/sessions/{sessionId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_a_session_that_started_Then_registering_is_refused_and_nothing_is_charged()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        // Starts in an hour: the clock's UTC time plus two hours, read as the local time of Lille (UTC+1 in March).
        var start = TimeOnly.FromDateTime(app.Clock!.GetUtcNow().UtcDateTime.AddHours(2));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var sessionId = await scenario.PlanAsync(scenario.Session([new { date = today, start, end = start.AddHours(3) }]));
        var (lateId, _, lateActivity) = await scenario.Spaces.MemberAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        var late = await app.ClientAsync(SmartRoles.Member, lateId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId); // tokens live an hour of the clock

        await (await RegisterAsync(late, sessionId, lateActivity)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal((0, 0m), await SumAsync(scenario, late, lateActivity));
    }

    private static async Task<(int, decimal)> SumAsync(TrainingScenario scenario, HttpClient member, Guid activityId)
    {
        var entries = (await member.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/activities/activities/{activityId}/budget/entries?pageSize=500"))
            .GetProperty("items").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "TrainingCharge").ToList();
        return (entries.Count, entries.Sum(e => e.GetProperty("amount").GetDecimal()));
    }
}
