using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using static Smart.IntegrationTests.Payroll.GdcScenario;
using Smart.Modules.Payroll.Domain.Accidents;
using Smart.Modules.Payroll.Domain.Figures;

namespace Smart.IntegrationTests.Payroll;

/// <summary>Work accidents on contracts and the payroll figures of an entity, through HTTP.</summary>
public sealed class AccidentsAndFiguresApiTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    [Fact]
    public async Task Given_one_3_day_contract_and_an_accident_with_2_days_lost_Then_the_figures_show_21_hours_and_the_rates_and_bad_input_is_refused()
    {
        var scenario = await new GdcScenario(app).StartAsync();
        var (employerId, employer) = await scenario.EmployerAsync();
        await scenario.SignMandateAsync(employerId);
        var contractId = await DeclareContractAsync(employer, employerId, scenario.Contract(await RegisterEmployeeAsync(employer, employerId)));
        var structure = scenario.Activities.Structure;
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId);
        var otherEntity = await app.ClientAsync(SmartRoles.Operator, entityId: structure.OtherEntityId);
        var accidentDay = scenario.Today.AddDays(2);

        var tooEarly = await advisor.PostAsJsonAsync($"/api/payroll/contracts/{contractId}/accidents", new { date = accidentDay, daysLost = 2, description = "Entorse" });
        Assert.Equal("AccidentIsNotInTheFuture", (await tooEarly.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        await scenario.AdvanceDaysAsync(2);
        employer = await scenario.EmployerClientAsync(employerId);
        advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId);
        otherEntity = await app.ClientAsync(SmartRoles.Operator, entityId: structure.OtherEntityId);
        AssertStatus(HttpStatusCode.Forbidden, await employer.PostAsJsonAsync($"/api/payroll/contracts/{contractId}/accidents", new { date = accidentDay, daysLost = 2, description = "Entorse" }));
        await (await advisor.PostAsJsonAsync($"/api/payroll/contracts/{contractId}/accidents", new { date = accidentDay, daysLost = -1, description = "" }))
            .AssertFieldErrorsAsync("daysLost", "description");
        var outside = await advisor.PostAsJsonAsync($"/api/payroll/contracts/{contractId}/accidents", new { date = scenario.Today.AddDays(-5), daysLost = 0, description = "Avant" });
        Assert.Equal("AccidentHappensDuringTheContract", (await outside.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        await (await otherEntity.PostAsJsonAsync($"/api/payroll/contracts/{contractId}/accidents", new { date = accidentDay, daysLost = 2, description = "Entorse" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await scenario.CountAsync<WorkAccident>());

        AssertStatus(HttpStatusCode.Created, await advisor.PostAsJsonAsync($"/api/payroll/contracts/{contractId}/accidents",
            new { date = accidentDay, daysLost = 2, description = "Entorse en descendant de scène" }));

        var year = scenario.Today.Year;
        var figures = (await advisor.GetApiAsync<PayrollFiguresResult>($"/api/payroll/figures?entityId={structure.EntityId}&from={year}-01-01&to={year}-12-31"))!;
        // 3 days × 7 h = 21 h; 21 / 1,607 = 0.0131 → 0.01 FTE; 1 × 1,000,000 / 21 = 47,619.05; 2 × 1,000 / 21 = 95.24.
        Assert.Equal((1, 1, 3m, 21m, 0.01m, 3m, 1m), (figures.Contracts, figures.Workers, figures.Days, figures.Hours, figures.Fte, figures.AverageDaysPerContract,
            figures.ContractsPerWorker));
        Assert.Equal(new FigureSplit("Female", 1, 1, 3m, 21m), Assert.Single(figures.ByGender));
        Assert.Equal("30-40", Assert.Single(figures.ByAgeBand).Key); // born 1994-06-02: 31 on 1 January 2026
        Assert.Equal((1, 1, 2, 47_619.05m, 95.24m), (figures.Accidents, figures.AccidentsWithLostTime, figures.DaysLost, figures.FrequencyRate, figures.SeverityRate));
        Assert.Contains("Entorse", await advisor.GetStringAsync($"/api/payroll/contracts/{contractId}/accidents"));

        await (await otherEntity.GetAsync($"/api/payroll/figures?entityId={structure.EntityId}&from={year}-01-01&to={year}-12-31")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await advisor.GetAsync($"/api/payroll/figures?entityId={structure.EntityId}&from={year}-12-31&to={year}-01-01")).AssertFieldErrorsAsync("to");
        await (await advisor.GetAsync($"/api/payroll/figures?from={year}-01-01&to={year}-12-31")).AssertFieldErrorsAsync("entityId");
        await (await advisor.GetAsync($"/api/payroll/figures?entityId={structure.EntityId}&from=janvier&to={year}-12-31")).AssertFieldErrorsAsync("from");
        await (await advisor.GetAsync($"/api/payroll/figures?entityId={structure.EntityId}&from=yesterday&to={year}-01-01")).AssertProblemAsync(HttpStatusCode.BadRequest);
        AssertStatus(HttpStatusCode.Forbidden, await employer.GetAsync($"/api/payroll/figures?entityId={structure.EntityId}&from={year}-01-01&to={year}-12-31"));
    }
}
