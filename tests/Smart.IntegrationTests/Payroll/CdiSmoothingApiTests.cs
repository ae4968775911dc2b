using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Payroll.GdcScenario;
using Smart.Modules.Payroll.Domain.Cdi;
using Smart.Modules.Payroll.Features.Cdi;

namespace Smart.IntegrationTests.Payroll;

/// <summary>CDI smoothing through HTTP: the plan, the scheduled monthly run charging the activity, revisions and the report.</summary>
public sealed class CdiSmoothingApiTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    [Fact]
    public async Task Given_36000_a_year_at_SmartFrs_10_percent_Then_March_pays_a_2700_budget_charged_to_the_activity_and_the_report_shows_the_gap_to_1000_invoiced()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var (memberId, member, activityId, _) = await scenario.ActivityWith900Async(); // 1,000.00 excl. VAT invoiced on 2026-03-02
        var (_, other) = await scenario.Activities.MemberAsync();
        var structure = scenario.Activities.Structure;
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId);
        var operatorClient = await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);
        var march = new DateOnly(2026, 3, 1);

        AssertStatus(HttpStatusCode.Forbidden, await member.PostAsJsonAsync("/api/payroll/cdi-plans", new { activityId, startMonth = march, yearlyRevenue = 36_000m }));
        await (await advisor.PostAsJsonAsync("/api/payroll/cdi-plans", new { activityId, startMonth = march, yearlyRevenue = 0m })).AssertFieldErrorsAsync("yearlyRevenue");
        await (await advisor.PostAsJsonAsync("/api/payroll/cdi-plans", new { activityId = Guid.NewGuid(), startMonth = march, yearlyRevenue = 36_000m }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await scenario.CountAsync<CdiSmoothingPlan>());

        var planId = await CreatedIdAsync(await advisor.PostAsJsonAsync("/api/payroll/cdi-plans", new { activityId, startMonth = march, yearlyRevenue = 36_000m }));
        var second = await advisor.PostAsJsonAsync("/api/payroll/cdi-plans", new { activityId, startMonth = march, yearlyRevenue = 30_000m });
        Assert.Equal("OnePlanPerActivity", (await second.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var plan = (await member.GetApiAsync<CdiSmoothingPlanView>($"/api/payroll/cdi-plans/{planId}"))!;
        Assert.Equal((memberId, 0.10m, 2_700.00m), (plan.MemberId, plan.Estimates.Single().ContributionRate, plan.Estimates.Single().MonthlyBudget));
        await (await other.GetAsync($"/api/payroll/cdi-plans/{planId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var early = await operatorClient.PostAsJsonAsync($"/api/payroll/cdi-plans/{planId}/months", new { month = march });
        Assert.Equal("MonthIsOver", (await early.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        app.Clock!.Advance(TimeSpan.FromDays(29)); // 2026-03-31; tokens live an hour of this clock: log in again
        (member, other, advisor, operatorClient) = (await app.ClientAsync(SmartRoles.Member, memberId, structure.EntityId, structure.LilleOfficeId),
            await app.ClientAsync(SmartRoles.Member, Guid.NewGuid(), structure.EntityId, structure.LilleOfficeId),
            await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId),
            await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId));
        await app.WaitForBusIdleAsync(); // the monthly run scheduled for 2026-03-31 pays March, then schedules April's
        var month = (await member.GetApiAsync<CdiSmoothingPlanView>($"/api/payroll/cdi-plans/{planId}"))!.Months.Single();

        Assert.Equal((march, 2_700.00m), (month.Month, month.EmploymentBudget));
        Assert.True(month.EmployerCost <= 2_700.00m && month.EmployerCost > 2_699.90m, $"employer cost {month.EmployerCost}");
        Assert.Equal(-month.EmployerCost, Assert.Single(await LedgerEntriesAsync(app, month.ChargeId)).Amount);
        Assert.Single(await app.ScheduledAsync("payroll.cdi-month-due.v1", $"\"planId\":\"{planId}\",\"month\":\"2026-04-01\""));
        var twice = await operatorClient.PostAsJsonAsync($"/api/payroll/cdi-plans/{planId}/months", new { month = march });
        Assert.Equal("MonthIsNotPaid", (await twice.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        AssertStatus(HttpStatusCode.NoContent, await advisor.PostAsJsonAsync($"/api/payroll/cdi-plans/{planId}/revisions", new { fromMonth = new DateOnly(2026, 5, 1), yearlyRevenue = 30_000m }));
        AssertStatus(HttpStatusCode.Forbidden, await other.PostAsJsonAsync($"/api/payroll/cdi-plans/{planId}/revisions", new { fromMonth = new DateOnly(2026, 5, 1), yearlyRevenue = 1m }));
        var past = await advisor.PostAsJsonAsync($"/api/payroll/cdi-plans/{planId}/revisions", new { fromMonth = new DateOnly(2026, 2, 1), yearlyRevenue = 30_000m });
        Assert.Equal("MonthIsNotPast", (await past.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var report = (await member.GetApiAsync<CdiSmoothingPlanView>($"/api/payroll/cdi-plans/{planId}"))!;
        Assert.Equal([2_700.00m, 2_250.00m], report.Estimates.Select(e => e.MonthlyBudget));
        // One month paid at 36,000 / 12 = 3,000.00 expected; 1,000.00 invoiced since March: 2,000.00 behind.
        Assert.Equal((1, 3_000.00m, 1_000.00m, -2_000.00m, 2_700.00m), (report.Report.MonthsPaid, report.Report.ExpectedRevenue, report.Report.RealRevenue,
            report.Report.Gap, report.Report.BudgetPaid));
    }
}
