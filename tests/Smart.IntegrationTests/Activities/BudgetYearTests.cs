using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Features.Budget;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Activities;

public sealed class BudgetYearTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Fact]
    public async Task Given_900_unspent_in_2022_When_the_year_is_closed_Then_it_leaves_2022_and_enters_2023_and_the_balance_stays_900()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        await CreatedIdAsync(await IssueInvoiceAsync(member, activity, await RegisterClientAsync(member), new DateOnly(2022, 12, 15)));
        var operations = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.EntityId);

        var closed = await operations.PostAsync("/api/activities/budget-years/2022/close", null);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var result = await closed.Content.ReadApiAsync<BudgetYearClosed>();
        Assert.Equal((2022, 1, 900.00m), (result!.Year, result.ActivitiesCarriedForward, result.TotalCarriedForward));
        Assert.Equal(900.00m, (await member.GetApiAsync<BudgetView>($"/api/activities/activities/{activity}/budget"))!.Balance);
        var in2022 = await member.GetApiAsync<PagedResult<BudgetEntryView>>($"/api/activities/activities/{activity}/budget/entries?from=2022-01-01&to=2022-12-31");
        var in2023 = await member.GetApiAsync<PagedResult<BudgetEntryView>>($"/api/activities/activities/{activity}/budget/entries?from=2023-01-01&to=2023-12-31");
        Assert.Equal(0m, in2022!.Items.Sum(e => e.Amount));
        var carriedForward = Assert.Single(in2023!.Items);
        Assert.Equal((new DateOnly(2023, 1, 1), BudgetEntryKind.CarriedForward, 900.00m), (carriedForward.Date, carriedForward.Kind, carriedForward.Amount));

        var again = await operations.PostAsync("/api/activities/budget-years/2022/close", null);
        Assert.Equal("YearIsNotClosedYet", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Given_the_current_year_or_a_member_Then_closing_is_refused()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var operations = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.EntityId);

        await (await operations.PostAsync($"/api/activities/budget-years/{DateTime.UtcNow.Year}/close", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await operations.PostAsync("/api/activities/budget-years/1999/close", null)).AssertFieldErrorsAsync("year");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync("/api/activities/budget-years/2022/close", null)).StatusCode);
    }
}
