using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Payroll.Features.Cdi;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Payroll.GdcScenario;

namespace Smart.IntegrationTests.Payroll;

/// <summary>Ending a CDI smoothing plan: the monthly chain pays up to the last month and schedules nothing after it.</summary>
public sealed class CdiSmoothingEndTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    [Fact]
    public async Task Given_a_plan_from_March_ended_with_April_Then_March_and_April_are_paid_by_the_monthly_run_and_May_is_never_scheduled()
    {
        var scenario = await new PayrollScenario(app).StartAsync(); // 2026-03-02
        var (memberId, member, activityId, _) = await scenario.ActivityWith900Async();
        var structure = scenario.Activities.Structure;
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId);
        var planId = await CreatedIdAsync(await advisor.PostAsJsonAsync("/api/payroll/cdi-plans",
            new { activityId, startMonth = new DateOnly(2026, 3, 1), yearlyRevenue = 36_000m }));

        await (await advisor.PostAsJsonAsync($"/api/payroll/cdi-plans/{planId}/end", new { })).AssertFieldErrorsAsync("lastMonth");
        await (await advisor.PostAsJsonAsync($"/api/payroll/cdi-plans/{planId}/end", new { lastMonth = new DateOnly(9999, 12, 1) })).AssertFieldErrorsAsync("lastMonth");
        AssertStatus(HttpStatusCode.Forbidden, await member.PostAsJsonAsync($"/api/payroll/cdi-plans/{planId}/end", new { lastMonth = new DateOnly(2026, 4, 1) }));
        await (await advisor.PostAsJsonAsync($"/api/payroll/cdi-plans/{Guid.NewGuid()}/end", new { lastMonth = new DateOnly(2026, 4, 1) }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var past = await advisor.PostAsJsonAsync($"/api/payroll/cdi-plans/{planId}/end", new { lastMonth = new DateOnly(2026, 2, 1) });
        Assert.Equal("MonthIsNotPast", (await past.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Null((await member.GetApiAsync<CdiSmoothingPlanView>($"/api/payroll/cdi-plans/{planId}"))!.EndMonth);

        AssertStatus(HttpStatusCode.NoContent, await advisor.PostAsJsonAsync($"/api/payroll/cdi-plans/{planId}/end", new { lastMonth = new DateOnly(2026, 4, 20) }));

        app.Clock!.Advance(TimeSpan.FromDays(29)); // 2026-03-31: March's run pays it and schedules April's
        await app.WaitForBusIdleAsync();
        app.Clock.Advance(TimeSpan.FromDays(30)); // 2026-04-30: April's run pays it, the last month, and schedules nothing
        await app.WaitForBusIdleAsync();
        member = await app.ClientAsync(SmartRoles.Member, memberId, structure.EntityId, structure.LilleOfficeId); // tokens live an hour of this clock

        var plan = (await member.GetApiAsync<CdiSmoothingPlanView>($"/api/payroll/cdi-plans/{planId}"))!;
        Assert.Equal(new DateOnly(2026, 4, 1), plan.EndMonth);
        Assert.Equal([(new DateOnly(2026, 3, 1), 2_700.00m), (new DateOnly(2026, 4, 1), 2_700.00m)], plan.Months.Select(m => (m.Month, m.EmploymentBudget)));
        Assert.Empty(await app.ScheduledAsync("payroll.cdi-month-due.v1", $"\"planId\":\"{planId}\""));
    }
}
