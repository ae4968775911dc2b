using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Features.Accidents;
using Smart.Modules.Reporting;
using Smart.Modules.Reporting.Journal;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Payroll.GdcScenario;

namespace Smart.IntegrationTests.Payroll;

/// <summary>The events Payroll publishes for the annual report: work accidents, contract-management contracts, members' contracts with their gross.</summary>
public sealed class ReportingEventsTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    [Fact]
    public async Task Given_an_accident_with_2_days_lost_on_a_gdc_contract_Then_recorded_once_and_a_change_to_9_days_published_once()
    {
        var scenario = await new GdcScenario(app).StartAsync();
        var (employerId, employer) = await scenario.EmployerAsync();
        await scenario.SignMandateAsync(employerId);
        var employeeId = await RegisterEmployeeAsync(employer, employerId);
        var contractId = await DeclareContractAsync(employer, employerId, scenario.Contract(employeeId));
        await scenario.AdvanceDaysAsync(2);
        var structure = scenario.Activities.Structure;
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId);
        var accident = new { date = scenario.Today, daysLost = 2, description = "Entorse en descendant de scène" };

        HttpResponseMessage? created = null;
        var recorded = await app.TrackAsync(async () => created = await advisor.PostAsJsonAsync($"/api/payroll/contracts/{contractId}/accidents", accident));
        var accidentId = await CreatedIdAsync(created!);
        Assert.Equal(new WorkAccidentRecorded(accidentId, contractId, structure.EntityId, structure.LilleOfficeId, employeeId, AccidentWorker.GdcEmployee,
            scenario.Today, 2, true, scenario.Today), Assert.Single(recorded.Published<WorkAccidentRecorded>()));

        // The same request again is the accident already recorded: same id, nothing published.
        HttpResponseMessage? again = null;
        var repeated = await app.TrackAsync(async () => again = await advisor.PostAsJsonAsync($"/api/payroll/contracts/{contractId}/accidents", accident));
        Assert.Equal(accidentId, await CreatedIdAsync(again!));
        Assert.Empty(repeated.Published<WorkAccidentRecorded>());

        await scenario.AdvanceDaysAsync(5);
        advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId);
        var changedOn = scenario.Today;
        var changed = await app.TrackAsync(async () => AssertStatus(HttpStatusCode.OK,
            await advisor.PutAsJsonAsync($"/api/payroll/accidents/{accidentId}/days-lost", new { daysLost = 9 })));
        Assert.Equal(new WorkAccidentDaysLostChanged(accidentId, contractId, structure.EntityId, structure.LilleOfficeId, employeeId, AccidentWorker.GdcEmployee,
            changedOn.AddDays(-5), 2, 9, true, changedOn), Assert.Single(changed.Published<WorkAccidentDaysLostChanged>()));
        var unchanged = await app.TrackAsync(async () => AssertStatus(HttpStatusCode.OK,
            await advisor.PutAsJsonAsync($"/api/payroll/accidents/{accidentId}/days-lost", new { daysLost = 9 })));
        Assert.Empty(unchanged.Published<WorkAccidentDaysLostChanged>());
        Assert.Equal(9, Assert.Single((await advisor.GetFromJsonAsync<List<WorkAccidentView>>($"/api/payroll/contracts/{contractId}/accidents"))!).DaysLost);

        await (await advisor.PutAsJsonAsync($"/api/payroll/accidents/{accidentId}/days-lost", new { daysLost = -1 })).AssertFieldErrorsAsync("daysLost");
        var otherEntity = await app.ClientAsync(SmartRoles.Operator, entityId: structure.OtherEntityId);
        await (await otherEntity.PutAsJsonAsync($"/api/payroll/accidents/{accidentId}/days-lost", new { daysLost = 1 })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await advisor.PutAsJsonAsync($"/api/payroll/accidents/{Guid.NewGuid()}/days-lost", new { daysLost = 1 })).AssertProblemAsync(HttpStatusCode.NotFound);
        AssertStatus(HttpStatusCode.Forbidden, await (await scenario.EmployerClientAsync(employerId)).PutAsJsonAsync($"/api/payroll/accidents/{accidentId}/days-lost",
            new { daysLost = 1 }));
        Assert.Equal(9, Assert.Single((await advisor.GetFromJsonAsync<List<WorkAccidentView>>($"/api/payroll/contracts/{contractId}/accidents"))!).DaysLost);
    }

    [Fact]
    public async Task Given_a_3_day_gdc_contract_of_1000_gross_Then_declared_once_with_21_hours_and_the_employees_gender_and_birth_date_and_a_refused_one_publishes_nothing()
    {
        var scenario = await new GdcScenario(app).StartAsync();
        var (employerId, employer) = await scenario.EmployerAsync();
        await scenario.SignMandateAsync(employerId);
        var employeeId = await RegisterEmployeeAsync(employer, employerId);
        var structure = scenario.Activities.Structure;

        var contractId = Guid.Empty;
        var declared = await app.TrackAsync(async () => contractId = await DeclareContractAsync(employer, employerId, scenario.Contract(employeeId)));
        Assert.Equal(new GdcContractDeclared(contractId, structure.EntityId, structure.LilleOfficeId, employerId, employeeId, EmployeeGender.Female,
            new DateOnly(1994, 6, 2), ContractKind.Cddu, ContractCategory.Artistic, scenario.Today.AddDays(1), scenario.Today.AddDays(3), 3m, 21m, 1_000.00m, 60.00m,
            scenario.Today), Assert.Single(declared.Published<GdcContractDeclared>()));

        // 100.00 for 21 hours is below the minimum wage: 409, no contract, nothing published.
        var refused = await app.TrackAsync(async () =>
            await (await employer.PostAsJsonAsync($"/api/payroll/employers/{employerId}/contracts", scenario.Contract(employeeId, gross: 100.00m)))
                .AssertProblemAsync(HttpStatusCode.Conflict));
        Assert.Empty(refused.Published<GdcContractDeclared>());
    }

    [Fact]
    public async Task Given_a_salary_of_800_for_one_day_Then_the_contract_is_declared_with_608_75_gross_7_hours_and_the_members_office_and_a_redelivery_publishes_nothing()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var (memberId, member, activity, _) = await scenario.ActivityWith900Async();

        var requested = await app.TrackAsync(() => scenario.RequestSalaryAsync(member, activity, PayrollScenario.Salary(800.00m)));
        var declared = Assert.Single(requested.Published<ContractDeclared>());
        Assert.Equal((memberId, scenario.Activities.Structure.EntityId, scenario.Activities.Structure.LilleOfficeId, 7m, 608.75m),
            (declared.MemberId, declared.EntityId, declared.OfficeId, declared.Hours, declared.Gross));
        var payslip = Assert.Single(requested.Published<PayslipIssued>());
        Assert.Equal((declared.Gross, declared.EntityId, ContractKind.Cddu, ContractCategory.Artistic, declared.Start),
            (payslip.Gross, payslip.EntityId, payslip.Kind, payslip.Category, payslip.ContractStart));

        var redelivered = await app.PublishAsync(Assert.Single(requested.Published<SalaryRequested>()));
        Assert.Empty(redelivered.Published<ContractDeclared>());
    }

    [Fact]
    public async Task Given_a_payslip_carrying_its_contracts_figures_Then_the_journal_records_it_before_its_contract_and_an_older_one_from_its_contracts_fact()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var (_, member, activity, _) = await scenario.ActivityWith900Async();
        var requested = await app.TrackAsync(() => scenario.RequestSalaryAsync(member, activity, PayrollScenario.Salary(800.00m)));
        var declared = Assert.Single(requested.Published<ContractDeclared>());
        var payslip = Assert.Single(requested.Published<PayslipIssued>());
        await app.WaitForBusIdleAsync();
        var expected = new PayslipRecorded(payslip.PayslipId, declared.SalaryRequestId, declared.EntityId, declared.MemberId, ContractKind.Cddu, ContractCategory.Artistic,
            declared.Start, payslip.PayDate, 608.75m);
        Assert.Equal(expected, Assert.Single((await JournalAsync(declared.SalaryRequestId)).OfType<PayslipRecorded>()));

        // Alone in its stream (its contract's message not handled yet): recorded at once, nothing waits.
        var alone = payslip with { PayslipId = Guid.NewGuid(), SalaryRequestId = Guid.NewGuid() };
        // Activities knows no such salary request to book the cost on; Reporting is the subject here.
        ExpectedDeadLetters.Expect<PayslipIssued>($"Salary request '{alone.SalaryRequestId}' was not found");
        await app.PublishAsync(alone);
        Assert.Equal(expected with { PayslipId = alone.PayslipId, SalaryRequestId = alone.SalaryRequestId }, Assert.Single(await JournalAsync(alone.SalaryRequestId)));

        // Published before payslips carried them (read as empty): the figures come from the contract's fact.
        var older = new PayslipIssued(Guid.NewGuid(), declared.SalaryRequestId, payslip.ActivityId, payslip.MemberId, payslip.PayDate, 608.75m, payslip.EmployerCost);
        await app.PublishAsync(older);
        Assert.Contains(expected with { PayslipId = older.PayslipId }, (await JournalAsync(declared.SalaryRequestId)).OfType<PayslipRecorded>());
    }

    private Task<List<object>> JournalAsync(Guid streamId) =>
        app.QueryStoreAsync<IReportingStore, List<object>>(async session => (await session.Events.FetchStreamAsync(streamId)).Select(e => e.Data).ToList());
}
