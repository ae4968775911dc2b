using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Funding;
using Smart.Modules.Payroll.Inbound;
using Smart.Modules.Payroll.Persistence;
using Wolverine.Tracking;
using static Smart.IntegrationTests.Payroll.PayrollScenario;

namespace Smart.IntegrationTests.Payroll;

/// <summary>The guarantee fund's account of an activity, an event stream: figures to the cent under concurrency, and write-offs.</summary>
public sealed class GuaranteeFundTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    [Fact]
    public async Task Given_a_new_account_When_50_client_payments_and_50_salary_fundings_race_Then_no_update_is_lost_and_the_figures_are_exact_to_the_cent()
    {
        // 50 invoices of the activity, each bringing 12.34 for salaries once paid (13.00 incl. VAT paid whole).
        var activityId = Guid.CreateVersion7();
        var store = app.Services.GetRequiredService<IPayrollStore>();
        var invoices = Enumerable.Range(0, 50).Select(_ => new ClientInvoice(Guid.CreateVersion7(), activityId, 13.00m, 12.34m, 12.50m, InvoiceDate)).ToList();
        await using (var setup = store.LightweightSession())
        {
            setup.Insert(invoices.ToArray());
            await setup.SaveChangesAsync();
        }

        // 100 writers at once on an account that does not exist yet: 50 payments (the real handler) and 50 salaries of 10.01 funded.
        var writers = invoices.Select(invoice => (Func<IDocumentSession, Task>)(session =>
                InvoicePaidHandler.HandleAsync(new InvoicePaid(invoice.InvoiceId, activityId, 13.00m, InvoiceDate), session, CancellationToken.None)))
            .Concat(Enumerable.Range(0, 50).Select(_ => (Func<IDocumentSession, Task>)(async session =>
            {
                var stream = await session.FetchAccountForWritingAsync(activityId, CancellationToken.None);
                stream.AppendOne(stream.Account().FundSalary(Guid.CreateVersion7(), WorkDay, 10.01m));
            })))
            .ToList();
        await Task.WhenAll(writers.Select(write => Task.Run(async () =>
        {
            await using var session = store.LightweightSession();
            await write(session);
            await session.SaveChangesAsync();
        })));

        // 617.00 received, 500.50 of salaries funded: whatever the order, every advance was repaid and 116.50 is left.
        var account = await new PayrollScenario(app).AccountAsync(activityId);
        Assert.Equal((617.00m, 500.50m, 0m, 116.50m), (account.ClientMoneyReceived, account.ClientMoneyUsed, account.AdvancesOutstanding, account.ClientMoneyAvailable));
        Assert.Equal(account.AdvancedTotal, account.RecoveredTotal);
        var events = await app.QueryStoreAsync<IPayrollStore, IReadOnlyList<JasperFx.Events.IEvent>>(s => s.Events.FetchStreamAsync(activityId));
        Assert.Equal(100, events.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(v => (long)v), events.Select(e => e.Version));
    }

    [Fact]
    public async Task Given_800_advanced_and_600_of_1200_paid_When_the_invoice_is_written_off_Then_the_fund_absorbs_the_350_still_advanced_not_the_member()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var (memberId, member, activity, invoice) = await scenario.ActivityWith900Async();
        await scenario.RequestSalaryAsync(member, activity, Salary(800.00m));
        app.Clock!.Advance(TimeSpan.FromDays(15)); // the pay run of 2026-03-17: the fund advances 800.00
        await app.WaitForBusIdleAsync();

        // Half the invoice paid (600.00 of 1,200.00 incl. VAT): half its 900.00 for salaries, 450.00, repays as much of the advance.
        await app.PublishAsync(new InvoicePaid(invoice, activity, 600.00m, new DateOnly(2026, 3, 17)));
        Assert.Equal(350.00m, (await scenario.AccountAsync(activity)).AdvancesOutstanding);

        var tracked = await app.PublishAsync(new InvoiceWrittenOff(invoice, activity, 600.00m, new DateOnly(2026, 3, 17)));

        // The 450.00 that will never come would have repaid the 350.00 still advanced: the fund bears them.
        Assert.Equal(new GuaranteeFundAdvanceWrittenOff(activity, invoice, new DateOnly(2026, 3, 17), 350.00m, 0m),
            Assert.Single(tracked.AllRecordsInOrder().Select(r => r.Message).OfType<GuaranteeFundAdvanceWrittenOff>().Distinct()));
        var account = await scenario.AccountAsync(activity);
        Assert.Equal((0m, 350.00m, 800.00m, 450.00m), (account.AdvancesOutstanding, account.WrittenOffTotal, account.AdvancedTotal, account.RecoveredTotal));
        var structure = scenario.Activities.Structure;
        member = await app.ClientAsync(SmartRoles.Member, memberId, structure.EntityId, structure.LilleOfficeId); // the old token expired
        Assert.Equal(new Budget(100.00m, 0m, 100.00m), await member.GetFromJsonAsync<Budget>($"/api/activities/activities/{activity}/budget"));

        // Delivered again: nothing more is absorbed.
        await app.PublishAsync(new InvoiceWrittenOff(invoice, activity, 600.00m, new DateOnly(2026, 3, 17)));
        Assert.Equal(350.00m, (await scenario.AccountAsync(activity)).WrittenOffTotal);
    }
}
