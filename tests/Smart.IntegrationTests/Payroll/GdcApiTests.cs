using System.Net;
using System.Net.Http.Json;
using Smart.IntegrationTests.Infrastructure;
using GdcContract = Smart.Modules.Payroll.Domain.Gdc.GdcContract;
using GdcEmployee = Smart.Modules.Payroll.Domain.Gdc.GdcEmployee;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Payroll.GdcScenario;
using Smart.Modules.Payroll.Features.Gdc;
using Smart.Modules.Payroll.Contracts;

namespace Smart.IntegrationTests.Payroll;

/// <summary>Contract management (GDC) through HTTP: mandates, employers' employees and contracts, the monthly run and invoice.</summary>
public sealed class GdcApiTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    [Fact]
    public async Task Given_a_contract_ending_in_3_days_Then_on_its_pay_date_7_days_later_the_net_pay_and_the_expenses_are_advanced_before_the_employer_pays()
    {
        var scenario = await new GdcScenario(app).StartAsync();
        var (employerId, employer) = await scenario.EmployerAsync();
        await scenario.SignMandateAsync(employerId);
        var employeeId = await RegisterEmployeeAsync(employer, employerId);
        var contractId = await DeclareContractAsync(employer, employerId, scenario.Contract(employeeId));
        var declared = (await PayrollScenario.GetAsync<GdcContractView>(employer, $"/api/payroll/gdc-contracts/{contractId}"));
        Assert.Equal((declared.End.AddDays(7), (DateOnly?)null), (declared.PayDate, declared.AdvancedOn)); // SmartFr: end of work + 7 days

        await scenario.AdvanceDaysAsync(declared.PayDate.DayNumber - scenario.Today.DayNumber - 1);
        await app.WaitForBusIdleAsync();
        employer = await scenario.EmployerClientAsync(employerId);
        Assert.Null((await PayrollScenario.GetAsync<GdcContractView>(employer, $"/api/payroll/gdc-contracts/{contractId}")).AdvancedOn); // the day before
        await scenario.AdvanceDaysAsync(1);
        await app.WaitForBusIdleAsync();
        employer = await scenario.EmployerClientAsync(employerId);

        var advanced = (await PayrollScenario.GetAsync<GdcContractView>(employer, $"/api/payroll/gdc-contracts/{contractId}"));
        Assert.Equal(declared.PayDate, advanced.AdvancedOn);
        // The month's run invoices back exactly what was advanced (partial mandate): the net salaries and the 60.00 of expenses.
        await scenario.AdvanceDaysAsync(new DateOnly(declared.End.Year, declared.End.Month, 1).AddMonths(1).DayNumber - scenario.Today.DayNumber);
        var created = (await PayrollScenario.ReadAsync<EmployerPayrollRunCreated>(await scenario.Operator.PostAsJsonAsync($"/api/payroll/employers/{employerId}/payroll-runs",
            new { year = declared.End.Year, month = declared.End.Month })));
        employer = await scenario.EmployerClientAsync(employerId);
        var invoice = (await PayrollScenario.GetAsync<EmployerInvoiceView>(employer, $"/api/payroll/employer-invoices/{created.InvoiceId}"));
        Assert.Equal(invoice.NetSalaries + 60.00m, advanced.Advanced);
        Assert.Equal(invoice.Total - invoice.Fee - invoice.FeeVat, advanced.Advanced);
    }

    [Fact]
    public async Task Given_a_partial_mandate_and_a_1000_gross_contract_with_60_of_expenses_When_its_month_is_run_Then_the_invoice_adds_a_65_fee_and_13_VAT()
    {
        var scenario = await new GdcScenario(app).StartAsync();
        var (employerId, employer) = await scenario.EmployerAsync();
        var mandateId = await scenario.SignMandateAsync(employerId);
        var employeeId = await RegisterEmployeeAsync(employer, employerId);
        var contract = scenario.Contract(employeeId);
        var contractId = await DeclareContractAsync(employer, employerId, contract);
        var end = scenario.Today.AddDays(3);
        var run = new { year = end.Year, month = end.Month };

        var early = await scenario.Operator.PostAsJsonAsync($"/api/payroll/employers/{employerId}/payroll-runs", run);
        Assert.Equal("MonthIsOver", (await early.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        await scenario.AdvanceDaysAsync(new DateOnly(end.Year, end.Month, 1).AddMonths(1).DayNumber - scenario.Today.DayNumber);
        employer = await scenario.EmployerClientAsync(employerId);
        AssertStatus(HttpStatusCode.Forbidden, await employer.PostAsJsonAsync($"/api/payroll/employers/{employerId}/payroll-runs", run));

        var created = (await PayrollScenario.ReadAsync<EmployerPayrollRunCreated>(await scenario.Operator.PostAsJsonAsync($"/api/payroll/employers/{employerId}/payroll-runs", run)));

        var invoice = (await PayrollScenario.GetAsync<EmployerInvoiceView>(employer, $"/api/payroll/employer-invoices/{created.InvoiceId}"));
        var payslip = Assert.Single((await PayrollScenario.GetAsync<EmployerPayrollRunView>(employer, $"/api/payroll/employer-payroll-runs/{created.RunId}")).Payslips);
        Assert.Equal((contractId, employeeId, 1_000.00m, 60.00m), (payslip.ContractId, payslip.EmployeeId, payslip.Gross, payslip.Expenses));
        Assert.Equal(payslip.Gross - payslip.EmployeeContributions, payslip.Net);
        Assert.StartsWith($"GDC{scenario.Today.Year}-", invoice.Number);
        Assert.Equal((MandateScope.Partial, 1_000.00m, payslip.Net, 60.00m, 0m, 0m), (invoice.Scope, invoice.GrossPayroll, invoice.NetSalaries, invoice.Expenses,
            invoice.EmployeeContributions, invoice.EmployerContributions));
        // 2 % and 4.5 % of 1,000.00; VAT 20 % on the 65.00 fee only.
        Assert.Equal((20.00m, 45.00m, 65.00m, 13.00m), (invoice.GuaranteeFundFee, invoice.ServiceFee, invoice.Fee, invoice.FeeVat));
        Assert.Equal(payslip.Net + 60.00m + 65.00m + 13.00m, invoice.Total);
        Assert.Equal(invoice.IssueDate.AddDays(7), invoice.DueDate);
        var paid = (await PayrollScenario.GetAsync<GdcContractView>(employer, $"/api/payroll/gdc-contracts/{contractId}"));
        Assert.Equal(created.RunId, paid.PayrollRunId);
        Assert.Matches(@"^DPAE\d{4}-\d{6}$", paid.DeclarationReference); // declared before the work, like a member's contract
        Assert.Contains(created.InvoiceId.ToString(), await employer.GetStringAsync($"/api/payroll/employer-invoices?employerId={employerId}"));

        var (_, stranger) = await scenario.EmployerAsync();
        await (await stranger.GetAsync($"/api/payroll/employer-invoices/{created.InvoiceId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/payroll/employer-payroll-runs/{created.RunId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("[]", await stranger.GetStringAsync($"/api/payroll/employer-invoices?employerId={employerId}"));
        Assert.Equal("[]", await stranger.GetStringAsync($"/api/payroll/employers/{employerId}/contracts"));
        await (await scenario.Operator.PostAsJsonAsync($"/api/payroll/employers/{Guid.NewGuid()}/payroll-runs", run)).AssertProblemAsync(HttpStatusCode.NotFound);

        var again = await scenario.Operator.PostAsJsonAsync($"/api/payroll/employers/{employerId}/payroll-runs", run);
        Assert.Equal("OneRunPerEmployerAndMonth", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(mandateId, (await PayrollScenario.GetAsync<List<MandateView>>(employer, $"/api/payroll/mandates?employerId={employerId}")).Single().Id);
    }

    [Fact]
    public async Task Given_two_employers_Then_each_sees_only_its_own_and_bad_input_is_400_with_nothing_written()
    {
        var scenario = await new GdcScenario(app).StartAsync();
        var (owner, ownerClient) = await scenario.EmployerAsync();
        var (_, other) = await scenario.EmployerAsync();
        var mandateId = await scenario.SignMandateAsync(owner);
        var employeeId = await RegisterEmployeeAsync(ownerClient, owner);
        var contractId = await DeclareContractAsync(ownerClient, owner, scenario.Contract(employeeId));

        await (await other.GetAsync($"/api/payroll/mandates/{mandateId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/payroll/gdc-contracts/{contractId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("[]", await other.GetStringAsync($"/api/payroll/employers/{owner}/employees"));
        Assert.Equal("[]", await other.GetStringAsync($"/api/payroll/mandates?employerId={owner}"));
        await (await other.PostAsJsonAsync($"/api/payroll/employers/{owner}/employees", Employee("185057800608491"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/payroll/employers/{owner}/contracts", scenario.Contract(employeeId))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(employeeId.ToString(), await ownerClient.GetStringAsync($"/api/payroll/employers/{owner}/employees"));

        var (employees, contracts, mandates) = (await scenario.CountAsync<GdcEmployee>(), await scenario.CountAsync<GdcContract>(),
            await scenario.CountAsync<Smart.Modules.Payroll.Domain.Gdc.Mandate>());
        await (await ownerClient.PostAsJsonAsync($"/api/payroll/employers/{owner}/employees", Employee("294067511204549"))).AssertFieldErrorsAsync("socialSecurityNumber");
        await (await ownerClient.PostAsJsonAsync($"/api/payroll/employers/{owner}/employees", Employee(taxRate: 0.9m))).AssertFieldErrorsAsync("taxRate");
        await (await ownerClient.PostAsJsonAsync($"/api/payroll/employers/{owner}/contracts", new
        {
            employeeId, kind = "Cddu", category = "Artistic", start = scenario.Today.AddDays(1), end = scenario.Today, days = 1m, hours = 7m, job = "", gross = -1m, expenses = 0m,
        })).AssertFieldErrorsAsync("end", "hours", "job", "gross");
        // A date past the calendar the pay date is computed in is bad input, not a 500.
        await (await ownerClient.PostAsJsonAsync($"/api/payroll/employers/{owner}/contracts", new
        {
            employeeId, kind = "Cddu", category = "Artistic", start = new DateOnly(9999, 12, 30), end = new DateOnly(9999, 12, 31), days = 1m, job = "Comédienne",
            gross = 100m, expenses = 0m,
        })).AssertFieldErrorsAsync("start", "end");
        await (await scenario.Operator.PostAsJsonAsync("/api/payroll/mandates", new { employerId = Guid.Empty, scope = "Partial" })).AssertFieldErrorsAsync("employerId", "employer");
        await (await scenario.Operator.PostAsJsonAsync("/api/payroll/mandates", new { employerId = owner, scope = "Partial", employer = EmployerIdentity("73282932000075", "90012") }))
            .AssertFieldErrorsAsync("employer.siret", "employer.apeCode");
        await (await scenario.Operator.PostAsJsonAsync("/api/payroll/mandates", new { employerId = owner, scope = "Total" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await scenario.Operator.PostAsJsonAsync($"/api/payroll/employers/{owner}/payroll-runs", new { year = 2026, month = 13 })).AssertFieldErrorsAsync("month");
        Assert.Equal((employees, contracts, mandates), (await scenario.CountAsync<GdcEmployee>(), await scenario.CountAsync<GdcContract>(),
            await scenario.CountAsync<Smart.Modules.Payroll.Domain.Gdc.Mandate>()));
    }

    [Fact]
    public async Task Given_the_mandate_rules_Then_a_person_a_second_mandate_no_mandate_and_a_retroactive_contract_are_409_and_renewal_covers_next_year()
    {
        var scenario = await new GdcScenario(app).StartAsync();
        var (person, _) = await scenario.Activities.MemberAsync();
        var (employerId, employer) = await scenario.EmployerAsync();

        var forPerson = await scenario.Operator.PostAsJsonAsync("/api/payroll/mandates", new { employerId = person, scope = "Complete", employer = EmployerIdentity() });
        Assert.Equal("MandateIsGivenByALegalEntity", (await forPerson.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var noMandate = await employer.PostAsJsonAsync($"/api/payroll/employers/{employerId}/employees", Employee());
        Assert.Equal("MandateIsInForce", (await noMandate.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var mandateId = await scenario.SignMandateAsync(employerId, "Complete");
        var second = await scenario.Operator.PostAsJsonAsync("/api/payroll/mandates", new { employerId, scope = "Partial", employer = EmployerIdentity() });
        Assert.Equal("OneMandatePerEmployerAndYear", (await second.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var employeeId = await RegisterEmployeeAsync(employer, employerId);
        var retroactive = await employer.PostAsJsonAsync($"/api/payroll/employers/{employerId}/contracts", scenario.Contract(employeeId, startInDays: -1));
        Assert.Equal("ContractIsNotRetroactive", (await retroactive.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var renewalId = await CreatedIdAsync(await scenario.Operator.PostAsJsonAsync($"/api/payroll/mandates/{mandateId}/renewal", new { scope = "Partial" }));
        var renewal = (await PayrollScenario.GetAsync<MandateView>(employer, $"/api/payroll/mandates/{renewalId}"));
        var year = scenario.Today.Year + 1;
        Assert.Equal((year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), MandateScope.Partial, mandateId),
            (renewal.Year, renewal.StartsOn, renewal.EndsOn, renewal.Scope, renewal.RenewalOf));
        var twice = await scenario.Operator.PostAsJsonAsync($"/api/payroll/mandates/{mandateId}/renewal", new { scope = "Partial" });
        Assert.Equal("OneMandatePerEmployerAndYear", (await twice.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        AssertStatus(HttpStatusCode.Forbidden, await employer.PostAsJsonAsync("/api/payroll/mandates", new { employerId, scope = "Partial", employer = EmployerIdentity() }));
    }
}
