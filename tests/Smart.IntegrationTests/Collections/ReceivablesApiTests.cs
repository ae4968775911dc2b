using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Payroll.Contracts;

namespace Smart.IntegrationTests.Collections;

public sealed class ReceivablesApiTests(CollectionsApp app) : IClassFixture<CollectionsApp>
{
    [Fact]
    public async Task Given_an_invoice_Then_its_member_the_office_s_advisor_and_the_entity_s_operator_read_it_and_anyone_else_gets_404()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var invoiceId = await scenario.IssueInvoiceAsync();
        var structure = scenario.Activities.Structure;

        var detail = await CollectionsScenario.GetAsync(scenario.Member, invoiceId);
        Assert.Equal(("ReceivableOpened", 1200.00m, new DateOnly(2026, 3, 1)), (detail.History.Single().Kind, detail.History.Single().Amount!.Value, detail.History.Single().Date));
        await CollectionsScenario.GetAsync(await scenario.AdvisorAsync(structure.LilleOfficeId), invoiceId);
        await CollectionsScenario.GetAsync(await scenario.OperatorAsync(), invoiceId);

        var (_, otherMember) = await scenario.Activities.MemberAsync();
        foreach (var stranger in new[]
        {
            otherMember, await scenario.AdvisorAsync(structure.ParisOfficeId),
            await app.ClientAsync(SmartRoles.Operator, entityId: structure.OtherEntityId),
        })
        {
            await (await stranger.GetAsync($"/api/collections/receivables/{invoiceId}")).AssertProblemAsync(HttpStatusCode.NotFound);
            var dispute = await stranger.PostAsJsonAsync($"/api/collections/receivables/{invoiceId}/dispute", new { reason = "Pas commandé." });
            Assert.Equal(HttpStatusCode.NotFound, dispute.StatusCode);
        }
        await (await scenario.Member.GetAsync($"/api/collections/receivables/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Open", (await CollectionsScenario.GetAsync(scenario.Member, invoiceId)).Receivable.Status);
    }

    [Fact]
    public async Task Given_receivables_in_two_offices_Then_the_list_is_scoped_filtered_and_paged()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var first = await scenario.IssueInvoiceAsync();
        var second = await scenario.IssueInvoiceAsync();
        var operatorClient = await scenario.OperatorAsync();
        await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{second}/payments", new { amount = 1200.00m, currency = "EUR", paidOn = "2026-03-01" });

        var mine = (await scenario.Member.GetFromJsonAsync<PagedResult<CollectionsScenario.Receivable>>("/api/collections/receivables"))!;
        Assert.Equal([first, second], mine.Items.Select(r => r.Id).Order().ToArray());
        var open = (await operatorClient.GetFromJsonAsync<PagedResult<CollectionsScenario.Receivable>>(
            $"/api/collections/receivables?officeId={scenario.Activities.Structure.LilleOfficeId}&status=Open&pageSize=200"))!;
        Assert.Contains(open.Items, r => r.Id == first);
        Assert.DoesNotContain(open.Items, r => r.Id == second);
        var paris = (await operatorClient.GetFromJsonAsync<PagedResult<CollectionsScenario.Receivable>>(
            $"/api/collections/receivables?officeId={scenario.Activities.Structure.ParisOfficeId}"))!;
        Assert.DoesNotContain(paris.Items, r => r.Id == first || r.Id == second);
        var page = (await scenario.Member.GetFromJsonAsync<PagedResult<CollectionsScenario.Receivable>>("/api/collections/receivables?page=2&pageSize=1"))!;
        Assert.Equal((2, 1, 2), (page.Page, page.Items.Count, page.Total));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("page=abc", "page")]
    [InlineData("status=Lost", "status")]
    public async Task Given_a_bad_query_Then_400_naming_the_parameter(string query, string field)
    {
        var member = await app.ClientAsync(SmartRoles.Member, Guid.NewGuid());
        await (await member.GetAsync($"/api/collections/receivables?{query}")).AssertFieldErrorsAsync(field);
    }

    [Fact]
    public async Task Given_InvoiceIssued_delivered_twice_Then_one_receivable_with_one_scheduled_step()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var invoiceId = await scenario.IssueInvoiceAsync();
        var issued = new InvoiceIssued(invoiceId, "FA2026-999999", scenario.Activities.Structure.EntityId, scenario.ActivityId, scenario.ClientId, "Autre nom",
            "Company", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 10m, 2m, 12m, "EUR", 1m, scenario.Activities.Structure.LilleOfficeId, scenario.MemberId);

        await app.PublishAsync(issued);

        var detail = await CollectionsScenario.GetAsync(scenario.Member, invoiceId);
        Assert.Equal((1200.00m, 1), (detail.Receivable.Amount, detail.History.Count));
        Assert.Single(await app.ScheduledAsync("collections.dunning-step-due.v1", $"\"receivableId\":\"{invoiceId}\""));
    }

    [Fact]
    public async Task Given_a_contract_management_invoice_Then_a_receivable_owned_by_the_employer_in_its_office()
    {
        var structure = await app.SeedStructureAsync();
        var employerId = Guid.NewGuid();
        var invoiceId = Guid.NewGuid();
        await app.PublishAsync(new EmployerInvoiceIssued(invoiceId, "GDC2026-000001", structure.EntityId, employerId, "Les Tréteaux du Nord", 2026, 2, MandateScope.Complete,
            new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15), 3000m, 2300m, 0m, 500m, 900m, 60m, 135m, 195m, 39m, 3934m, "EUR", structure.LilleOfficeId));

        var employer = await app.ClientAsync(SmartRoles.Member, employerId, structure.EntityId, structure.LilleOfficeId);
        var receivable = (await CollectionsScenario.GetAsync(employer, invoiceId)).Receivable;
        Assert.Equal(("EmployerInvoice", 3934m, "Association", new DateOnly(2026, 3, 22), (Guid?)null),
            (receivable.Source, receivable.Amount, receivable.ClientTypology, receivable.Steps[0].PlannedOn, receivable.ActivityId));
    }
}
