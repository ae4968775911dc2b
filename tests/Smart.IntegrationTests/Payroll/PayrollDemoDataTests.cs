using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Payroll.Seed;
using static Smart.IntegrationTests.Payroll.GdcScenario;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Seed;

namespace Smart.IntegrationTests.Payroll;

public sealed class PayrollDemoDataTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    [Fact]
    public async Task Given_the_demo_seed_Then_employers_have_mandates_employees_and_declared_contracts_that_a_monthly_run_can_pay()
    {
        var structure = await app.SeedStructureAsync(members: 150);

        await app.InvokeAsync(new SeedPayrollDemoData());
        await app.InvokeAsync(new SeedPayrollDemoData()); // idempotent

        var counts = await CountsAsync();
        Assert.True(counts is { Mandates: > 0, Employees: > 0, Contracts: > 0 }, counts.ToString());
        Assert.True(await app.Database.ScalarAsync<int>("SELECT count(*) FROM payroll.mandates WHERE renewal_of IS NOT NULL AND year = 2026") > 0);
        // Every employer structure gives a mandate for this year, the demo login's association among them.
        Assert.Equal(0, await app.Database.ScalarAsync<int>("SELECT count(*) FROM payroll.employees e WHERE e.kind = 'LegalEntity' " +
            "AND NOT EXISTS (SELECT 1 FROM payroll.mandates m WHERE m.employer_id = e.member_id AND m.year = 2026)"));
        var demoEmployer = (await app.InvokeAsync<MemberReference?>(new FindMemberByEmail(SeedGovernanceDemoDataHandler.DemoEmployerEmail)))!;
        Assert.Equal(1, await app.Database.ScalarAsync<int>("SELECT count(*) FROM payroll.mandates WHERE employer_id = @p0 AND year = 2026", demoEmployer.MemberId));
        // Every contract: after today (2026-03-02), in this year, under its employer's mandate, declared with a reference.
        Assert.Equal(0, await app.Database.ScalarAsync<int>(
            "SELECT count(*) FROM payroll.gdc_contracts c JOIN payroll.mandates m ON m.id = c.mandate_id " +
            "WHERE c.start <= DATE '2026-03-02' OR c.\"end\" > DATE '2026-12-31' OR m.year <> 2026 OR m.employer_id <> c.employer_id " +
            "OR c.declaration_reference IS NULL OR NOT EXISTS (SELECT 1 FROM payroll.declarations d WHERE d.contract_id = c.id)"));
        Assert.Equal(counts, await CountsAsync());

        // The demo's contracts are real ones: the month of the first to end can be run and invoiced once it is over.
        var (employerId, end) = (await app.Database.ScalarAsync<Guid>(
                "SELECT employer_id FROM payroll.gdc_contracts WHERE entity_id = @p0 ORDER BY \"end\", id LIMIT 1", structure.EntityId),
            await app.Database.ScalarAsync<DateOnly>("SELECT \"end\" FROM payroll.gdc_contracts WHERE entity_id = @p0 ORDER BY \"end\", id LIMIT 1", structure.EntityId));
        var nextMonth = new DateOnly(end.Year, end.Month, 1).AddMonths(1);
        app.Clock!.Advance(TimeSpan.FromDays(nextMonth.DayNumber - new DateOnly(2026, 3, 2).DayNumber));
        var staff = await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);
        var response = await staff.PostAsJsonAsync($"/api/payroll/employers/{employerId}/payroll-runs", new { year = end.Year, month = end.Month });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<RunCreated>())!;
        var invoice = (await staff.GetFromJsonAsync<Invoice>($"/api/payroll/employer-invoices/{created.InvoiceId}"))!;
        Assert.Equal(Math.Round(invoice.GrossPayroll * 0.065m, 2), invoice.Fee);
        Assert.True(invoice.Total > invoice.Fee);
    }

    private async Task<(int Mandates, int Employees, int Contracts)> CountsAsync() => (
        await app.Database.ScalarAsync<int>("SELECT count(*) FROM payroll.mandates"),
        await app.Database.ScalarAsync<int>("SELECT count(*) FROM payroll.gdc_employees"),
        await app.Database.ScalarAsync<int>("SELECT count(*) FROM payroll.gdc_contracts"));
}
