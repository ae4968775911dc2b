using System.Net;
using System.Net.Http.Json;
using Smart.IntegrationTests.Infrastructure;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Payroll.GdcScenario;

namespace Smart.IntegrationTests.Payroll;

/// <summary>Contract management (GDC) through HTTP: mandates, employers' employees and contracts, the monthly run and invoice.</summary>
public sealed class GdcApiTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    private sealed record Mandate(Guid Id, Guid EmployerId, string Scope, DateOnly SignedOn, int Year, DateOnly StartsOn, DateOnly EndsOn, Guid? RenewalOf);

    private sealed record Payslip(Guid ContractId, Guid EmployeeId, decimal Gross, decimal EmployeeContributions, decimal EmployerContributions, decimal Net,
        decimal IncomeTax, decimal NetPaid, decimal Expenses);

    private sealed record Run(Guid Id, Guid EmployerId, string Scope, int Year, int Month, List<Payslip> Payslips);

    private sealed record Contract(Guid Id, Guid EmployeeId, decimal Gross, decimal Expenses, string DeclarationReference, DateOnly End, DateOnly PayDate,
        DateOnly? AdvancedOn, decimal? Advanced, Guid? PayrollRunId);

    [Fact]
    public async Task Given_a_contract_ending_in_3_days_Then_on_its_pay_date_7_days_later_the_net_pay_and_the_expenses_are_advanced_before_the_employer_pays()
    {
        var scenario = await new GdcScenario(app).StartAsync();
        var (employerId, employer) = await scenario.EmployerAsync();
        await scenario.SignMandateAsync(employerId);
        var employeeId = await RegisterEmployeeAsync(employer, employerId);
        var contractId = await DeclareContractAsync(employer, employerId, scenario.Contract(employeeId));
        var declared = (await employer.GetFromJsonAsync<Contract>($"/api/payroll/gdc-contracts/{contractId}"))!;
        Assert.Equal((declared.End.AddDays(7), (DateOnly?)null), (declared.PayDate, declared.AdvancedOn)); // SmartFr: end of work + 7 days

        await scenario.AdvanceDaysAsync(declared.PayDate.DayNumber - scenario.Today.DayNumber - 1);
        await app.WaitForBusIdleAsync();
        employer = await scenario.EmployerClientAsync(employerId);
        Assert.Null((await employer.GetFromJsonAsync<Contract>($"/api/payroll/gdc-contracts/{contractId}"))!.AdvancedOn); // the day before
        await scenario.AdvanceDaysAsync(1);
        await app.WaitForBusIdleAsync();
        employer = await scenario.EmployerClientAsync(employerId);

        var advanced = (await employer.GetFromJsonAsync<Contract>($"/api/payroll/gdc-contracts/{contractId}"))!;
        Assert.Equal(declared.PayDate, advanced.AdvancedOn);
        // The month's run invoices back exactly what was advanced (partial mandate): the net salaries and the 60.00 of expenses.
        await scenario.AdvanceDaysAsync(new DateOnly(declared.End.Year, declared.End.Month, 1).AddMonths(1).DayNumber - scenario.Today.DayNumber);
        var created = (await (await scenario.Operator.PostAsJsonAsync($"/api/payroll/employers/{employerId}/payroll-runs",
            new { year = declared.End.Year, month = declared.End.Month })).Content.ReadFromJsonAsync<RunCreated>())!;
        employer = await scenario.EmployerClientAsync(employerId);
        var invoice = (await employer.GetFromJsonAsync<Invoice>($"/api/payroll/employer-invoices/{created.InvoiceId}"))!;
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

        var created = (await (await scenario.Operator.PostAsJsonAsync($"/api/payroll/employers/{employerId}/payroll-runs", run)).Content.ReadFromJsonAsync<RunCreated>())!;

        var invoice = (await employer.GetFromJsonAsync<Invoice>($"/api/payroll/employer-invoices/{created.InvoiceId}"))!;
        var payslip = Assert.Single((await employer.GetFromJsonAsync<Run>($"/api/payroll/employer-payroll-runs/{created.RunId}"))!.Payslips);
        Assert.Equal((contractId, employeeId, 1_000.00m, 60.00m), (payslip.ContractId, payslip.EmployeeId, payslip.Gross, payslip.Expenses));
        Assert.Equal(payslip.Gross - payslip.EmployeeContributions, payslip.Net);
        Assert.StartsWith($"GDC{scenario.Today.Year}-", invoice.Number);
        Assert.Equal(("Partial", 1_000.00m, payslip.Net, 60.00m, 0m, 0m), (invoice.Scope, invoice.GrossPayroll, invoice.NetSalaries, invoice.Expenses,
            invoice.EmployeeContributions, invoice.EmployerContributions));
        // 2 % and 4.5 % of 1,000.00; VAT 20 % on the 65.00 fee only.
        Assert.Equal((20.00m, 45.00m, 65.00m, 13.00m), (invoice.GuaranteeFundFee, invoice.ServiceFee, invoice.Fee, invoice.FeeVat));
        Assert.Equal(payslip.Net + 60.00m + 65.00m + 13.00m, invoice.Total);
        Assert.Equal(invoice.IssueDate.AddDays(7), invoice.DueDate);
        var paid = (await employer.GetFromJsonAsync<Contract>($"/api/payroll/gdc-contracts/{contractId}"))!;
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
        Assert.Equal(mandateId, (await employer.GetFromJsonAsync<List<Mandate>>($"/api/payroll/mandates?employerId={employerId}"))!.Single().Id);
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

        var (employees, contracts, mandates) = (await scenario.CountAsync("payroll.gdc_employees"), await scenario.CountAsync("payroll.gdc_contracts"),
            await scenario.CountAsync("payroll.mandates"));
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
        await (await scenario.Operator.PostAsJsonAsync("/api/payroll/mandates", new { employerId = Guid.Empty, scope = "Partial" })).AssertFieldErrorsAsync("employerId");
        await (await scenario.Operator.PostAsJsonAsync("/api/payroll/mandates", new { employerId = owner, scope = "Total" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await scenario.Operator.PostAsJsonAsync($"/api/payroll/employers/{owner}/payroll-runs", new { year = 2026, month = 13 })).AssertFieldErrorsAsync("month");
        Assert.Equal((employees, contracts, mandates), (await scenario.CountAsync("payroll.gdc_employees"), await scenario.CountAsync("payroll.gdc_contracts"),
            await scenario.CountAsync("payroll.mandates")));
    }

    [Fact]
    public async Task Given_the_mandate_rules_Then_a_person_a_second_mandate_no_mandate_and_a_retroactive_contract_are_409_and_renewal_covers_next_year()
    {
        var scenario = await new GdcScenario(app).StartAsync();
        var (person, _) = await scenario.Activities.MemberAsync();
        var (employerId, employer) = await scenario.EmployerAsync();

        var forPerson = await scenario.Operator.PostAsJsonAsync("/api/payroll/mandates", new { employerId = person, scope = "Complete" });
        Assert.Equal("MandateIsGivenByALegalEntity", (await forPerson.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var noMandate = await employer.PostAsJsonAsync($"/api/payroll/employers/{employerId}/employees", Employee());
        Assert.Equal("MandateIsInForce", (await noMandate.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var mandateId = await scenario.SignMandateAsync(employerId, "Complete");
        var second = await scenario.Operator.PostAsJsonAsync("/api/payroll/mandates", new { employerId, scope = "Partial" });
        Assert.Equal("OneMandatePerEmployerAndYear", (await second.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var employeeId = await RegisterEmployeeAsync(employer, employerId);
        var retroactive = await employer.PostAsJsonAsync($"/api/payroll/employers/{employerId}/contracts", scenario.Contract(employeeId, startInDays: -1));
        Assert.Equal("ContractIsNotRetroactive", (await retroactive.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var renewalId = await CreatedIdAsync(await scenario.Operator.PostAsJsonAsync($"/api/payroll/mandates/{mandateId}/renewal", new { scope = "Partial" }));
        var renewal = (await employer.GetFromJsonAsync<Mandate>($"/api/payroll/mandates/{renewalId}"))!;
        var year = scenario.Today.Year + 1;
        Assert.Equal((year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), "Partial", mandateId),
            (renewal.Year, renewal.StartsOn, renewal.EndsOn, renewal.Scope, renewal.RenewalOf));
        var twice = await scenario.Operator.PostAsJsonAsync($"/api/payroll/mandates/{mandateId}/renewal", new { scope = "Partial" });
        Assert.Equal("OneMandatePerEmployerAndYear", (await twice.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        AssertStatus(HttpStatusCode.Forbidden, await employer.PostAsJsonAsync("/api/payroll/mandates", new { employerId, scope = "Partial" }));
    }
}
