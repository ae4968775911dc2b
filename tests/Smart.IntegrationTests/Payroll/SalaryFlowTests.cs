using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Features.Employment;
using Smart.Modules.Payroll.Features.Payslips;
using Smart.Modules.Payroll.Features.PayRuns;
using Smart.Modules.Payroll.Persistence;
using static Smart.IntegrationTests.Payroll.PayrollScenario;
using Smart.Modules.Payroll.Contracts;

namespace Smart.IntegrationTests.Payroll;

/// <summary>
/// The salary flow end to end on the real host and database, through HTTP and the bus, with the clock moved by hand:
/// invoice → salary request → contract declared → payslip → salary cost booked → pay run on the pay date → guarantee-fund
/// advance → client payment recovers it.
/// </summary>
public sealed class SalaryFlowTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    [Fact]
    public async Task Given_1000_invoiced_and_800_requested_Then_the_contract_is_declared_the_payslip_is_exact_the_fund_advances_800_on_the_17th_and_the_balance_is_100()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var (memberId, member, activity, invoice) = await scenario.ActivityWith900Async();

        var requestId = await scenario.RequestSalaryAsync(member, activity, Salary(800.00m));

        // The contract, declared on the day of the request.
        var contracts = await GetAsync<PagedResult<ContractView>>(member, $"/api/payroll/contracts?activityId={activity}");
        var contract = Assert.Single(contracts.Items);
        Assert.Equal((requestId, memberId, ContractKind.Cddu, ContractCategory.Artistic, WorkingTime.PartTime),
            (contract.SalaryRequestId, contract.MemberId, contract.Kind, contract.Category, contract.WorkingTime));
        Assert.Equal((WorkDay, WorkDay, 1m, 7m, "Musician", InvoiceDate), (contract.Start, contract.End, contract.Days!.Value, contract.Hours, contract.Job, contract.DeclaredOn));
        Assert.Matches(@"^DPAE2026-\d{6}$", contract.DeclarationReference);
        Assert.Equal(contract.DeclarationReference, (await app.QueryStoreAsync<IPayrollStore, EmploymentDeclaration?>(s => s.LoadAsync<EmploymentDeclaration>(contract.Id)))!.Reference);

        // The payslip: G + employer contributions = 800.00 to the cent, with the one-day ceiling of 220.00 (2026).
        var request = (await member.GetFromJsonAsync<SalaryRequest>($"/api/activities/salary-requests/{requestId}"))!;
        Assert.Equal("Booked", request.Status);
        var payslip = await GetAsync<PayslipView>(member, $"/api/payroll/payslips/{request.PayslipId}");
        Assert.Equal((contract.Id, new DateOnly(2026, 3, 17), 220.00m, 800.00m), (payslip.ContractId, payslip.PayDate, payslip.PeriodCeiling, payslip.EmploymentBudget));
        Assert.Equal((608.75m, 103.81m, 191.25m, 800.00m), (payslip.Gross, payslip.EmployeeContributions, payslip.EmployerContributions, payslip.EmployerCost));
        Assert.Equal((504.94m, 0m, 0m, 504.94m), (payslip.Net, payslip.IncomeTaxRate, payslip.IncomeTax, payslip.NetPaid));
        Assert.Equal(
        [
            ("Assurance maladie, maternité, invalidité, décès", 608.75m, 0.00m, 42.61m),
            ("Assurance vieillesse plafonnée", 220.00m, 15.18m, 18.81m),
            ("Assurance vieillesse déplafonnée", 608.75m, 2.44m, 12.84m),
            ("Allocations familiales", 608.75m, 0.00m, 21.00m),
            ("Accidents du travail", 608.75m, 0.00m, 9.13m),
            ("Contribution solidarité autonomie", 608.75m, 0.00m, 1.83m),
            ("FNAL", 220.00m, 0.00m, 0.22m),
            ("Assurance chômage", 608.75m, 14.61m, 55.09m),
            ("AGS (garantie des salaires)", 608.75m, 0.00m, 1.52m),
            ("Retraite complémentaire AGIRC-ARRCO T1", 220.00m, 6.93m, 10.38m),
            ("Contribution d'équilibre général T1", 220.00m, 1.89m, 2.84m),
            ("Formation professionnelle et taxe d'apprentissage", 608.75m, 0.00m, 10.23m),
            ("Prévoyance", 608.75m, 4.75m, 4.75m),
            ("CSG déductible", 608.75m, 40.66m, 0.00m),
            ("CSG non déductible et CRDS", 608.75m, 17.35m, 0.00m),
        ], payslip.Lines.Select(l => (l.Name, l.Base, l.EmployeeAmount, l.EmployerAmount)).ToList());
        Assert.Equal((PayslipStatus.Issued, (DateOnly?)null), (payslip.Status, payslip.PaidOn));
        var html = await member.GetStringAsync($"/api/payroll/payslips/{payslip.Id}/html");
        Assert.Contains($"<th>Salaire brut</th><th class=\"n\">{HtmlPage.Encode("608,75 €")}</th>", html);
        Assert.Contains($"<th>{HtmlPage.Encode("Net payé")}</th><th class=\"n\">{HtmlPage.Encode("504,94 €")}</th>", html);

        // Activities booked the salary cost: 1,000.00 − 100.00 − 800.00.
        Assert.Equal(new Budget(100.00m, 0m, 100.00m), await member.GetFromJsonAsync<Budget>($"/api/activities/activities/{activity}/budget"));

        // The scheduled pay run of 2026-03-17 pays it although the invoice is unpaid: the guarantee fund advances 800.00.
        app.Clock!.Advance(TimeSpan.FromDays(15));
        await app.WaitForBusIdleAsync();
        member = await app.ClientAsync(SmartRoles.Member, memberId, scenario.Activities.Structure.EntityId, scenario.Activities.Structure.LilleOfficeId); // the old token expired

        var paid = await GetAsync<PayslipView>(member, $"/api/payroll/payslips/{payslip.Id}");
        Assert.Equal((PayslipStatus.Paid, new DateOnly(2026, 3, 17), 800.00m), (paid.Status, paid.PaidOn!.Value, paid.GuaranteeFundAdvance!.Value));
        Assert.Equal(800.00m, (await scenario.AccountAsync(activity)).AdvancesOutstanding);
        Assert.Equal(new Budget(100.00m, 0m, 100.00m), await member.GetFromJsonAsync<Budget>($"/api/activities/activities/{activity}/budget"));

        // The run delivered again, or run by an operator, pays nobody twice.
        var operatorClient = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Activities.Structure.EntityId);
        var again = await operatorClient.PostAsJsonAsync("/api/payroll/pay-runs", new { date = new DateOnly(2026, 3, 17) });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, (await ReadAsync<PayRunResult>(again)).PayslipsPaid);

        // The client pays 1,200.00 incl. VAT: its 900.00 for salaries repays the 800.00 first.
        await app.PublishAsync(new InvoicePaid(invoice, activity, 1200.00m, new DateOnly(2026, 4, 1)));
        // 100.00 of client money is left for the next salaries.
        var account = await scenario.AccountAsync(activity);
        Assert.Equal((0m, 800.00m, 800.00m, 900.00m), (account.AdvancesOutstanding, account.RecoveredTotal, account.ClientMoneyUsed, account.ClientMoneyReceived));
    }
}
