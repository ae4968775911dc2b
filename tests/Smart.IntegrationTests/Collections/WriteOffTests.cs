using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.IntegrationTests.Payroll;
using Smart.Modules.Collections.Contracts;
using Wolverine.Tracking;

namespace Smart.IntegrationTests.Collections;

public sealed class WriteOffTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    [Fact]
    public async Task Given_800_advanced_by_the_guarantee_fund_on_an_unpaid_invoice_When_written_off_Then_InvoiceWrittenOff_of_1200_once_the_fund_absorbs_800_and_the_activity_balance_is_unchanged()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var structure = scenario.Activities.Structure;
        var (memberId, member, activity, invoice) = await scenario.ActivityWith900Async();
        await scenario.RequestSalaryAsync(member, activity, PayrollScenario.Salary(800.00m));
        // The pay run of 2026-03-17 pays the salary although the invoice is unpaid: the guarantee fund advances 800.00.
        app.Clock!.Advance(TimeSpan.FromDays(15));
        await app.WaitForBusIdleAsync();
        Assert.Equal((800.00m, 0m), await FundAsync(scenario, activity));

        var operatorClient = await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);
        HttpResponseMessage? response = null;
        var session = await app.TrackAsync(async () =>
            response = await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoice}/write-off", new { reason = "Client en liquidation judiciaire." }));

        Assert.Equal(HttpStatusCode.OK, response!.StatusCode);
        Assert.Equal(new InvoiceWrittenOff(invoice, activity, 1200.00m, new DateOnly(2026, 3, 17)),
            Assert.Single(session.Sent.MessagesOf<InvoiceWrittenOff>().Distinct()));
        Assert.Empty(session.DeadLetterReasons());
        member = await app.ClientAsync(SmartRoles.Member, memberId, structure.EntityId, structure.LilleOfficeId);
        Assert.Equal(new PayrollScenario.Budget(100.00m, 0m, 100.00m), await member.GetFromJsonAsync<PayrollScenario.Budget>($"/api/activities/activities/{activity}/budget"));
        // Nothing of the invoice was paid: the fund bears the whole 800.00 it advanced.
        Assert.Equal((0m, 800.00m), await FundAsync(scenario, activity));
        var receivable = await CollectionsScenario.GetAsync(member, invoice);
        Assert.Equal(("WrittenOff", "ReceivableWrittenOff", 1200.00m), (receivable.Receivable.Status, receivable.History[^1].Kind, receivable.History[^1].Amount!.Value));

        // Written off once: again, or a payment on it, is a rule's 409 and changes nothing.
        await (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoice}/write-off", new { reason = "Encore." })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoice}/payments", new { amount = 10.00m, currency = "EUR", paidOn = "2026-03-17" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, (await CollectionsScenario.GetAsync(member, invoice)).History.Count);
        await (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoice}/write-off", new { reason = "" })).AssertFieldErrorsAsync("reason");
    }

    /// <summary>What the guarantee fund still advances on the activity, and what it bore for invoices written off.</summary>
    private static async Task<(decimal Outstanding, decimal WrittenOff)> FundAsync(PayrollScenario scenario, Guid activity)
    {
        var account = await scenario.AccountAsync(activity);
        return (account.AdvancesOutstanding, account.WrittenOffTotal);
    }
}
