using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using static Smart.IntegrationTests.Payroll.PayrollScenario;
using Smart.Modules.Payroll.Features.Employees;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Persistence;
using Marten;
using Smart.Modules.Payroll.Features.Rates;
using Smart.Modules.Payroll.Features.Payslips;

namespace Smart.IntegrationTests.Payroll;

/// <summary>Payroll's HTTP API: visibility (404), roles (403), bad input (400, nothing written), rule conflicts (409).</summary>
public sealed class PayrollApiTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    [Fact]
    public async Task Given_a_members_payslip_Then_they_see_it_and_their_contract_and_another_member_gets_404_and_an_empty_list()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var (_, owner, activity, _) = await scenario.ActivityWith900Async();
        var (_, other) = await scenario.Activities.MemberAsync();
        await scenario.RequestSalaryAsync(owner, activity, Salary(400.00m));
        var payslip = Assert.Single((await GetAsync<PagedResult<PayslipSummary>>(owner, $"/api/payroll/payslips?activityId={activity}")).Items);
        var operatorClient = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Activities.Structure.EntityId);

        await (await other.GetAsync($"/api/payroll/payslips/{payslip.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/payroll/payslips/{payslip.Id}/html")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/payroll/contracts/{payslip.ContractId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await GetAsync<PagedResult<PayslipSummary>>(other, $"/api/payroll/payslips?activityId={activity}")).Total);
        Assert.Contains(payslip.ContractId.ToString(), await owner.GetStringAsync($"/api/payroll/contracts/{payslip.ContractId}"));
        Assert.Equal(1, (await GetAsync<PagedResult<PayslipSummary>>(operatorClient, $"/api/payroll/payslips?activityId={activity}")).Total);
        await (await owner.GetAsync("/api/payroll/payslips?pageSize=0")).AssertFieldErrorsAsync("pageSize");
    }

    [Fact]
    public async Task Given_a_pay_run_Then_a_member_gets_403_bad_input_400_a_future_date_409_and_nothing_is_paid()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var (_, member, activity, _) = await scenario.ActivityWith900Async();
        await scenario.RequestSalaryAsync(member, activity, Salary(400.00m));
        var operatorClient = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Activities.Structure.EntityId);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/payroll/pay-runs", new { date = InvoiceDate })).StatusCode);
        await (await operatorClient.PostAsJsonAsync("/api/payroll/pay-runs", new { })).AssertFieldErrorsAsync("date");
        await (await operatorClient.PostAsJsonAsync("/api/payroll/pay-runs", new { date = "17/03/2026" })).AssertFieldErrorsAsync("date");
        await (await operatorClient.PostAsJsonAsync("/api/payroll/pay-runs", new { date = InvoiceDate, surprise = 1 })).AssertFieldErrorsAsync("surprise");
        var future = await operatorClient.PostAsJsonAsync("/api/payroll/pay-runs", new { date = new DateOnly(2026, 3, 17) });
        Assert.Equal("PayRunIsNotPostDated", (await future.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        await (await operatorClient.PostAsJsonAsync("/api/payroll/pay-runs", new { date = InvoiceDate, entityId = scenario.Activities.Structure.OtherEntityId }))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(0, await app.QueryStoreAsync<IPayrollStore, int>(s => s.Query<Smart.Modules.Payroll.Domain.Payslips.Payslip>().CountAsync(p => p.Status == PayslipStatus.Paid)));
        var today = await operatorClient.PostAsJsonAsync("/api/payroll/pay-runs", new { date = InvoiceDate });
        Assert.Equal(0, JsonDocument.Parse(await today.Content.ReadAsStringAsync()).RootElement.GetProperty("payslipsPaid").GetInt32());
    }

    [Fact]
    public async Task Given_a_withholding_rate_of_7_5_percent_Then_the_payslip_withholds_37_87_of_504_94_and_bad_or_foreign_rates_change_nothing()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var (memberId, member, activity, _) = await scenario.ActivityWith900Async();
        var (otherId, _) = await scenario.Activities.MemberAsync();

        await (await member.PutAsJsonAsync($"/api/payroll/employees/{memberId}/income-tax-rate", new { rate = 1.5m, effectiveFrom = InvoiceDate }))
            .AssertFieldErrorsAsync("rate");
        await (await member.PutAsJsonAsync($"/api/payroll/employees/{otherId}/income-tax-rate", new { rate = 0.075m, effectiveFrom = InvoiceDate }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var past = await member.PutAsJsonAsync($"/api/payroll/employees/{memberId}/income-tax-rate", new { rate = 0.075m, effectiveFrom = InvoiceDate.AddDays(-1) });
        Assert.Equal("TaxRateIsNotRetroactive", (await past.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Empty((await GetAsync<IncomeTaxRateView>(member, $"/api/payroll/employees/{memberId}/income-tax-rates")).Rates);
        Assert.Empty((await app.QueryStoreAsync<IPayrollStore, Employee?>(s => s.LoadAsync<Employee>(otherId)))!.IncomeTaxRates);

        Assert.Equal(HttpStatusCode.NoContent, (await member.PutAsJsonAsync($"/api/payroll/employees/{memberId}/income-tax-rate", new { rate = 0.05m, effectiveFrom = InvoiceDate })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await member.PutAsJsonAsync($"/api/payroll/employees/{memberId}/income-tax-rate", new { rate = 0.075m, effectiveFrom = InvoiceDate })).StatusCode);
        Assert.Equal(0.075m, (await GetAsync<IncomeTaxRateView>(member, $"/api/payroll/employees/{memberId}/income-tax-rates")).CurrentRate);

        await scenario.RequestSalaryAsync(member, activity, Salary(800.00m));

        var summary = Assert.Single((await GetAsync<PagedResult<PayslipSummary>>(member, $"/api/payroll/payslips?activityId={activity}")).Items);
        var payslip = (await GetAsync<PayslipView>(member, $"/api/payroll/payslips/{summary.Id}"));
        Assert.Equal((608.75m, 504.94m, 0.075m, 37.87m, 467.07m, 800.00m),
            (payslip.Gross, payslip.Net, payslip.IncomeTaxRate, payslip.IncomeTax, payslip.NetPaid, payslip.EmployerCost));
    }

    [Fact]
    public async Task Given_the_seeded_tables_Then_artists_cost_40_78_percent_and_an_entitys_own_student_table_from_today_applies_to_the_next_contract()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var (_, member, activity, _) = await scenario.ActivityWith900Async();
        var admin = scenario.Activities.Admin;

        var tables = (await GetAsync<List<ContributionTableView>>(member, "/api/payroll/contribution-tables?category=Artistic"));
        Assert.Contains(tables, t => t is { EntityId: null, TotalEmployerRate: 0.4078m, TotalEmployeeRate: 0.2402m });
        Assert.Contains("12.02", await member.GetStringAsync("/api/payroll/settings"));

        var table = new
        {
            category = "Student", effectiveFrom = InvoiceDate, name = "Étudiants SmartFr 2026",
            lines = new[] { new { name = "Toutes cotisations", @base = "Gross", ceilingMultiple = 0m, employeeRate = 0.20m, employerRate = 0.25m } },
        };
        var before = await scenario.CountAsync<ContributionTable>();
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/payroll/contribution-tables", table)).StatusCode);
        await (await admin.PostAsJsonAsync("/api/payroll/contribution-tables", new
        {
            category = "Student", effectiveFrom = InvoiceDate, name = "",
            lines = new[] { new { name = "", @base = "Gross", ceilingMultiple = 1m, employeeRate = 2m, employerRate = -0.1m } },
        })).AssertFieldErrorsAsync("name", "lines[0].name", "lines[0].ceilingMultiple", "lines[0].employeeRate", "lines[0].employerRate");
        var past = await admin.PostAsJsonAsync("/api/payroll/contribution-tables", table with { effectiveFrom = InvoiceDate.AddDays(-1) });
        Assert.Equal("TableIsNotRetroactive", (await past.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(before, await scenario.CountAsync<ContributionTable>());

        await Smart.IntegrationTests.Activities.ActivitiesScenario.CreatedIdAsync(await admin.PostAsJsonAsync("/api/payroll/contribution-tables", table));
        await (await admin.PostAsJsonAsync("/api/payroll/contribution-tables", table)).AssertProblemAsync(HttpStatusCode.Conflict);

        // 125.00 = G + 25 % of G: G = 100.00, net 80.00 (7 hours at 14.29).
        await scenario.RequestSalaryAsync(member, activity, new
        {
            employmentBudget = 125.00m, contractKind = "Cdd", category = "Student", workStart = WorkDay, workEnd = WorkDay, days = 1m, job = "Assistant",
        });
        var payslip = Assert.Single((await GetAsync<PagedResult<PayslipSummary>>(member, $"/api/payroll/payslips?activityId={activity}")).Items);
        Assert.Equal((100.00m, 125.00m, 80.00m), (payslip.Gross, payslip.EmployerCost, payslip.NetPaid));
    }
}
