using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.IntegrationTests.Spaces;
using static Smart.IntegrationTests.Training.TrainingScenario;

namespace Smart.IntegrationTests.Training;

/// <summary>One session from its plan to its delivery, on a clock the test moves past the session (a fixture of its own).</summary>
public sealed class DeliveryAndAttendanceTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private sealed record SalaryRequest(Guid Id, decimal EmploymentBudget, string ContractKind, decimal? Days, DateOnly WorkStart, DateOnly WorkEnd, string Status);

    private sealed record Page<T>(List<T> Items);

    private sealed record Entry(Guid SourceId, string Kind, string Source, decimal Amount);

    [Fact]
    public async Task Given_a_member_trainer_at_400_and_3_of_4_half_days_attended_Then_400_revenue_a_salary_request_and_a_certificate_of_10_5_hours()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var (trainerId, trainer, trainerActivity) = await scenario.Spaces.MemberAsync();
        var (traineeId, trainee, traineeActivity) = await scenario.Spaces.MemberAsync();
        var first = new DateOnly(2026, 3, 3);
        var sessionId = await scenario.PlanAsync(scenario.Session(TwoDays(first),
            trainers: [new { name = "Alex Artiste", memberId = trainerId, activityId = trainerActivity, amount = 400.00m }, new { name = "Hélène Caron", amount = 450.00m }]));
        var registration = await RegisteredAsync(await RegisterAsync(trainee, sessionId, traineeActivity));
        var advisor = await scenario.AdvisorAsync();
        await (await advisor.PutAsJsonAsync($"/api/training/sessions/{sessionId}/attendance/1", new { present = new[] { registration.Id } }))
            .AssertProblemAsync(HttpStatusCode.Conflict); // not begun
        await (await advisor.PostAsync($"/api/training/sessions/{sessionId}/delivery", null)).AssertProblemAsync(HttpStatusCode.Conflict); // not ended

        app.Clock!.Advance(new DateTimeOffset(2026, 3, 4, 17, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow()); // Wednesday 18:00 in Lille
        advisor = await scenario.AdvisorAsync();
        trainee = await app.ClientAsync(SmartRoles.Member, traineeId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId);
        trainer = await app.ClientAsync(SmartRoles.Member, trainerId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId);
        foreach (var halfDay in new[] { 1, 2, 4 })
        {
            var signed = await advisor.PutAsJsonAsync($"/api/training/sessions/{sessionId}/attendance/{halfDay}", new { present = new[] { registration.Id } });
            Assert.True(signed.StatusCode == HttpStatusCode.NoContent, await signed.Content.ReadAsStringAsync());
        }
        // Each sheet tells Governance the member attended: their welcome path keeps the first day.
        await app.WaitForBusIdleAsync();
        var welcome = await trainee.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/governance/members/{traineeId}/welcome-path");
        Assert.Equal("2026-03-03", welcome.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "FirstTrainingAttended").GetProperty("doneOn").GetString());
        await (await advisor.PutAsJsonAsync($"/api/training/sessions/{sessionId}/attendance/5", new { present = Array.Empty<Guid>() })).AssertFieldErrorsAsync("halfDay");
        await (await advisor.PutAsJsonAsync($"/api/training/sessions/{sessionId}/attendance/3", new { present = new[] { Guid.NewGuid() } })).AssertFieldErrorsAsync("present");
        await (await advisor.PutAsJsonAsync($"/api/training/sessions/{sessionId}/attendance/3", new { present = (Guid[]?)null })).AssertFieldErrorsAsync("present");
        Assert.Equal(HttpStatusCode.Forbidden, (await trainee.PutAsJsonAsync($"/api/training/sessions/{sessionId}/attendance/3", new { present = Array.Empty<Guid>() })).StatusCode);

        var mine = (await trainee.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/training/registrations/mine")).GetProperty("items")[0];
        Assert.Equal((registration.Id, true, 10.5m), (mine.GetProperty("id").GetGuid(), mine.GetProperty("attended").GetBoolean(), mine.GetProperty("hoursAttended").GetDecimal()));

        var certificate = await trainee.GetAsync($"/api/training/sessions/{sessionId}/registrations/{registration.Id}/certificate");
        Assert.Equal("text/html", certificate.Content.Headers.ContentType?.MediaType);
        var page = await certificate.Content.ReadAsStringAsync();
        Assert.Contains("10,5 h sur 14 h", page);
        Assert.Contains("article 261-4-4", page);
        var pdf = await trainee.GetAsync($"/api/training/sessions/{sessionId}/registrations/{registration.Id}/certificate/pdf");
        Assert.Contains("Durée suivie : 10,5 h sur 14 h", await PdfText.ReadAsync(pdf));

        await (await trainee.PostAsJsonAsync($"/api/training/sessions/{sessionId}/registrations/{registration.Id}/feedback", new
        {
            ratings = new[] { new { question = "Contenu", score = 6 } }, comment = "",
        })).AssertFieldErrorsAsync("ratings[0].score");
        await (await trainer.PostAsJsonAsync($"/api/training/sessions/{sessionId}/registrations/{registration.Id}/feedback", new
        {
            ratings = new[] { new { question = "Contenu", score = 5 } }, comment = "",
        })).AssertProblemAsync(HttpStatusCode.NotFound); // someone else's registration
        Assert.Equal(HttpStatusCode.NoContent, (await trainee.PostAsJsonAsync($"/api/training/sessions/{sessionId}/registrations/{registration.Id}/feedback", new
        {
            ratings = new[] { new { question = "Contenu", score = 5 }, new { question = "Animation", score = 4 } }, comment = "Très concret.",
        })).StatusCode);

        var delivered = await advisor.PostAsync($"/api/training/sessions/{sessionId}/delivery", null);
        Assert.True(delivered.StatusCode == HttpStatusCode.OK, await delivered.Content.ReadAsStringAsync());
        var payment = Assert.Single((await delivered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("trainerPayments").EnumerateArray()).GetGuid();
        await app.WaitForBusIdleAsync();
        await (await advisor.PostAsync($"/api/training/sessions/{sessionId}/delivery", null)).AssertProblemAsync(HttpStatusCode.Conflict); // once

        var revenue = (await trainer.GetFromJsonAsync<Page<Entry>>($"/api/activities/activities/{trainerActivity}/budget/entries?pageSize=500", SpacesScenario.Json))!
            .Items.Where(e => e.SourceId == payment).ToList();
        Assert.Equal([new Entry(payment, "Revenue", "TrainerPay", 400.00m)], revenue);
        var requests = (await trainer.GetFromJsonAsync<Page<SalaryRequest>>($"/api/activities/activities/{trainerActivity}/salary-requests", SpacesScenario.Json))!.Items;
        var salary = Assert.Single(requests);
        Assert.Equal((400.00m, "Cdd", 2m, first, first.AddDays(1)), (salary.EmploymentBudget, salary.ContractKind, salary.Days, salary.WorkStart, salary.WorkEnd));

        var figures = await advisor.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/training/figures?schoolYear=2025&officeId={scenario.Structure.LilleOfficeId}");
        var total = figures.GetProperty("total");
        Assert.Equal((1, 14m, 1, 10.5m, 4.5), (total.GetProperty("sessions").GetInt32(), total.GetProperty("hours").GetDecimal(), total.GetProperty("members").GetInt32(),
            total.GetProperty("traineeHours").GetDecimal(), total.GetProperty("averageRating").GetDouble()));
        await (await advisor.GetAsync("/api/training/figures")).AssertFieldErrorsAsync("schoolYear");
        await (await advisor.GetAsync("/api/training/figures?schoolYear=abc")).AssertFieldErrorsAsync("schoolYear");
        Assert.Equal(HttpStatusCode.Forbidden, (await trainee.GetAsync("/api/training/figures?schoolYear=2025")).StatusCode);
    }
}
