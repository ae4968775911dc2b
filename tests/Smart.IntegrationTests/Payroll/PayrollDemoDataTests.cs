using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Payroll.Seed;
using static Smart.IntegrationTests.Payroll.GdcScenario;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Seed;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Persistence;
using Marten;
using Smart.Modules.Payroll.Features.Gdc;

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
        var (mandates, employers, contracts, declarations) = await app.QueryStoreAsync<IPayrollStore, (IReadOnlyList<Mandate>, IReadOnlyList<Employee>,
            IReadOnlyList<GdcContract>, IReadOnlyList<EmploymentDeclaration>)>(async s => (
            await s.Query<Mandate>().ToListAsync(), await s.Query<Employee>().Where(e => e.Kind == MemberKind.LegalEntity).ToListAsync(),
            await s.Query<GdcContract>().ToListAsync(), await s.Query<EmploymentDeclaration>().ToListAsync()));
        Assert.Contains(mandates, m => m.RenewalOf is not null && m.Year == 2026);
        // Every employer structure gives a mandate for this year, the demo login's association among them.
        Assert.All(employers, e => Assert.Single(mandates, m => m.EmployerId == e.MemberId && m.Year == 2026));
        var demoEmployer = (await app.InvokeAsync<MemberReference?>(new FindMemberByEmail(SeedGovernanceDemoDataHandler.DemoEmployerEmail)))!;
        Assert.Single(mandates, m => m.EmployerId == demoEmployer.MemberId && m.Year == 2026);
        // Every contract: after today (2026-03-02), in this year, under its employer's mandate, declared with a reference.
        var declared = declarations.ToDictionary(d => d.ContractId, d => d.Reference);
        Assert.All(contracts, c =>
        {
            var mandate = mandates.Single(m => m.Id == c.MandateId);
            Assert.True(c.Start > new DateOnly(2026, 3, 2) && c.End <= new DateOnly(2026, 12, 31) && mandate.Year == 2026 && mandate.EmployerId == c.EmployerId);
            Assert.Equal(declared[c.Id], c.DeclarationReference);
        });
        Assert.Equal(counts, await CountsAsync());

        // The demo's contracts are real ones: the month of the first to end can be run and invoiced once it is over.
        var first = contracts.Where(c => c.EntityId == structure.EntityId).OrderBy(c => c.End).ThenBy(c => c.Id).First();
        var (employerId, end) = (first.EmployerId, first.End);
        var nextMonth = new DateOnly(end.Year, end.Month, 1).AddMonths(1);
        app.Clock!.Advance(TimeSpan.FromDays(nextMonth.DayNumber - new DateOnly(2026, 3, 2).DayNumber));
        var staff = await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);
        var response = await staff.PostAsJsonAsync($"/api/payroll/employers/{employerId}/payroll-runs", new { year = end.Year, month = end.Month });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await PayrollScenario.ReadAsync<EmployerPayrollRunCreated>(response);
        var invoice = (await PayrollScenario.GetAsync<EmployerInvoiceView>(staff, $"/api/payroll/employer-invoices/{created.InvoiceId}"));
        Assert.Equal(Math.Round(invoice.GrossPayroll * 0.065m, 2), invoice.Fee);
        Assert.True(invoice.Total > invoice.Fee);
    }

    private async Task<(int Mandates, int Employees, int Contracts)> CountsAsync() => await app.QueryStoreAsync<IPayrollStore, (int, int, int)>(async s =>
        (await s.Query<Mandate>().CountAsync(), await s.Query<GdcEmployee>().CountAsync(), await s.Query<GdcContract>().CountAsync()));
}
