using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Collections.Contracts;
using static Smart.IntegrationTests.Payroll.PayrollScenario;
using Smart.Modules.Payroll.Features.Payslips;
using Smart.Modules.Payroll.Features.Employment;
using Smart.Modules.Payroll.Domain.Employment;

namespace Smart.IntegrationTests.Payroll;

/// <summary>Salary requests reaching Payroll: one contract per request whatever the redeliveries; a broken rule is a rejection that frees the budget.</summary>
public sealed class SalaryRequestRulesTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    [Fact]
    public async Task Given_the_same_salary_request_delivered_twice_Then_one_contract_and_one_payslip()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var (memberId, member, activity, _) = await scenario.ActivityWith900Async();
        var requestId = await scenario.RequestSalaryAsync(member, activity, Salary(300.00m));

        await app.PublishAsync(new SalaryRequested(requestId, activity,
            scenario.Activities.Structure.EntityId, memberId, 300.00m, SalaryContractKind.Cddu, SalaryCategory.Artistic, WorkDay, WorkDay, 1m, null, "Musician", false));

        Assert.Single((await GetAsync<PagedResult<ContractView>>(member, $"/api/payroll/contracts?activityId={activity}")).Items, c => c.SalaryRequestId == requestId);
        var payslip = Assert.Single((await GetAsync<PagedResult<PayslipSummary>>(member, $"/api/payroll/payslips?activityId={activity}")).Items);
        // 300.00 cannot be hit to the cent (gross 213.09 costs 299.99, 213.10 costs 300.01): the cent stays on the activity.
        Assert.Equal(299.99m, payslip.EmployerCost);
        Assert.Equal(new Budget(600.01m, 0m, 600.01m), await member.GetFromJsonAsync<Budget>($"/api/activities/activities/{activity}/budget"));
    }

    [Fact]
    public async Task Given_three_salary_requests_at_once_in_a_new_entity_Then_three_contracts_declared_DPAE2026_000001_to_000003()
    {
        var scenario = new PayrollScenario(app);
        await scenario.Activities.StartInOwnEntityAsync(); // its declaration series starts empty
        var (_, member, activity, _) = await scenario.ActivityWith900Async();

        // Sent together, Payroll takes them in one batch (ADR 0130) and the declaration series once for the three.
        var posted = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => member.PostAsJsonAsync($"/api/activities/activities/{activity}/salary-requests",
            Salary(250.00m))));
        Assert.All(posted, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        await app.WaitForBusIdleAsync();

        var contracts = (await GetAsync<PagedResult<ContractView>>(member, $"/api/payroll/contracts?activityId={activity}")).Items;
        Assert.Equal(["DPAE2026-000001", "DPAE2026-000002", "DPAE2026-000003"], contracts.Select(c => c.DeclarationReference).Order());
        // Each payslip booked its 250.00 of cost once: 900.00 − 3 × 250.00, nothing still committed.
        Assert.Equal(new Budget(150.00m, 0m, 150.00m), await member.GetFromJsonAsync<Budget>($"/api/activities/activities/{activity}/budget"));
    }

    [Theory]
    [InlineData(null, 12.0, "hours a day is above the limit")]
    [InlineData(1.0, null, "below the minimum wage")]
    public async Task Given_a_request_that_breaks_a_rule_Then_it_is_rejected_with_the_reason_nothing_is_stored_and_the_budget_is_freed(double? days, double? hours, string reason)
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var (_, member, activity, _) = await scenario.ActivityWith900Async();
        var contractsBefore = await scenario.CountAsync<EmploymentContract>();

        // 100.00 buys a gross of about 71: 10.15 an hour over 7 hours, below the minimum wage.
        var requestId = await scenario.RequestSalaryAsync(member, activity, Salary(days is null ? 800.00m : 100.00m, (decimal?)days, (decimal?)hours));

        var request = (await member.GetFromJsonAsync<SalaryRequest>($"/api/activities/salary-requests/{requestId}"))!;
        Assert.Equal("Rejected", request.Status);
        Assert.Contains(reason, request.RejectionReason);
        Assert.Equal(contractsBefore, await scenario.CountAsync<EmploymentContract>());
        Assert.Equal(new Budget(900.00m, 0m, 900.00m), await member.GetFromJsonAsync<Budget>($"/api/activities/activities/{activity}/budget"));
    }

    [Fact]
    public async Task Given_work_before_today_Then_the_contract_would_be_retroactive_and_is_rejected()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var (_, member, activity, _) = await scenario.ActivityWith900Async();

        var requestId = await scenario.RequestSalaryAsync(member, activity, Salary(500.00m, workStart: new DateOnly(2026, 3, 1)));

        var request = (await member.GetFromJsonAsync<SalaryRequest>($"/api/activities/salary-requests/{requestId}"))!;
        Assert.Equal("Rejected", request.Status);
        Assert.Contains("no retroactive contract", request.RejectionReason);
    }
}
