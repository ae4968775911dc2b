using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.IntegrationTests.Spaces;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Training;

public sealed class CatalogueTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private sealed record Price(string Audience, decimal ExclVat, decimal InclVat);

    private sealed record TrainingView(Guid Id, int SchoolYear, string Axis, string Title, decimal Days, decimal Hours, List<Price> Prices, bool VatExempt, string? VatMention);

    [Fact]
    public async Task Given_SmartFr_exempt_from_VAT_on_training_Then_a_training_shows_its_prices_without_VAT_and_the_mention()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var (_, member, _) = await scenario.Spaces.MemberAsync();

        var training = (await member.GetFromJsonAsync<TrainingView>($"/api/training/trainings/{scenario.TrainingId}", SpacesScenario.Json))!;

        Assert.Equal((2025, "FinancialManagement", 2m, 14m, true), (training.SchoolYear, training.Axis, training.Days, training.Hours, training.VatExempt));
        Assert.False(string.IsNullOrEmpty(training.VatMention));
        Assert.Contains(new Price("Member", 120.00m, 120.00m), training.Prices);
        Assert.Contains(training.Id, (await member.GetFromJsonAsync<List<TrainingView>>("/api/training/trainings?schoolYear=2025&axis=FinancialManagement", SpacesScenario.Json))!
            .Select(t => t.Id));
    }

    [Fact]
    public async Task Given_bad_input_Then_400_with_field_errors_404_for_another_entity_and_nothing_added()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var count = (await scenario.Operator.GetFromJsonAsync<List<TrainingView>>("/api/training/trainings", SpacesScenario.Json))!.Count;

        await (await scenario.Operator.PostAsJsonAsync("/api/training/trainings", new
        {
            schoolYear = 1800, axis = "Astrology", title = "", objectives = "x", programme = "x", prerequisites = "", days = 0, hours = 14,
            prices = new { member = -1m, nonMember = 0m, staff = 0m },
        })).AssertFieldErrorsAsync("axis");
        await (await scenario.Operator.PostAsJsonAsync("/api/training/trainings", new
        {
            schoolYear = 1800, axis = "ToolsAndResources", title = "", objectives = "x", programme = "x", prerequisites = "", days = 0, hours = 14,
            prices = new { member = -1m, nonMember = 0m, staff = 0m },
        })).AssertFieldErrorsAsync("schoolYear", "title", "days", "prices.member");
        await (await scenario.Operator.GetAsync("/api/training/trainings?schoolYear=abc")).AssertFieldErrorsAsync("schoolYear");
        Assert.Equal(count, (await scenario.Operator.GetFromJsonAsync<List<TrainingView>>("/api/training/trainings", SpacesScenario.Json))!.Count);

        var elsewhere = await app.ClientAsync(SmartRoles.Member, Guid.NewGuid(), scenario.Structure.OtherEntityId, scenario.Structure.OtherEntityOfficeId);
        await (await elsewhere.GetAsync($"/api/training/trainings/{scenario.TrainingId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.PostAsJsonAsync("/api/training/trainings", TrainingScenario.Training())).StatusCode);
    }

    [Fact]
    public async Task Given_cancellation_rules_Then_a_past_date_is_a_400_and_the_versions_read_back()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var admin = await app.AdminClientAsync(scenario.Structure);

        await (await admin.PutAsJsonAsync("/api/training/cancellation-rules", new { effectiveFrom = new DateOnly(2020, 1, 1), freeCancellationDays = 3 }))
            .AssertFieldErrorsAsync("effectiveFrom");
        await (await admin.PutAsJsonAsync("/api/training/cancellation-rules", new { effectiveFrom = new DateOnly(2026, 9, 1), freeCancellationDays = 91 }))
            .AssertFieldErrorsAsync("freeCancellationDays");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/training/cancellation-rules", new { effectiveFrom = new DateOnly(2026, 9, 1), freeCancellationDays = 10 })).StatusCode);

        var rules = (await scenario.Operator.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/training/cancellation-rules"))!;
        Assert.Equal([7, 10], rules.Select(r => r.GetProperty("freeCancellationDays").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.Operator.PutAsJsonAsync("/api/training/cancellation-rules", new { effectiveFrom = new DateOnly(2026, 9, 1), freeCancellationDays = 1 })).StatusCode);
    }
}
