using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using FluentValidation;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Features.Invoicing;
using Smart.Modules.Activities;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Persistence;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Activities;

/// <summary>Invoice numbers are gap-free per entity and year, even under concurrency and failed transactions.</summary>
public sealed class InvoiceNumberingTests(SmartApp app) : IClassFixture<SmartApp>
{
    /// <summary>
    /// The whole path over HTTP, 24 callers at once: 300 invoices are enough to race (the numbering service itself is
    /// raced with 1,000 issues per series in <c>LegalNumberingTests</c>). Concurrent callers of one entity are written in
    /// groups (ADR 0132): one caller in 30 names a client that does not exist and gets its 404 alone, in the middle of a
    /// group, without a hole in the series.
    /// </summary>
    [Fact]
    public async Task Given_300_invoices_issued_concurrently_with_10_refused_Then_the_290_others_are_numbered_1_to_290_without_gap_or_duplicate()
    {
        var scenario = await new ActivitiesScenario(app).StartInOwnEntityAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        var issueDate = new DateOnly(2025, 6, 30);

        var statuses = new List<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, _) =>
        {
            var response = await IssueInvoiceAsync(member, activity, i % 30 == 17 ? Guid.NewGuid() : client, issueDate, unitPrice: 100m);
            lock (statuses) statuses.Add(response.StatusCode);
        });

        Assert.Equal(290, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.NotFound));
        // The numbers are the database's guarantee: read from the store, every invoice of the entity's year.
        var sequences = await app.QueryStoreAsync<IActivitiesStore, IReadOnlyList<Invoice>>(session =>
            session.Query<Invoice>().Where(i => i.EntityId == scenario.Structure.EntityId && i.Year == 2025).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 290), sequences.Select(i => i.Sequence).Order());
        var budget = await member.GetFromJsonAsync<JsonElement>($"/api/activities/activities/{activity}/budget");
        Assert.Equal(29_000.00m, budget.GetProperty("totalsByKind").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "Revenue").GetProperty("amount").GetDecimal());
    }

    /// <summary>
    /// A group's invoices are checked one by one before any number is taken (ADR 0132): a refused one takes no number and
    /// writes nothing, the others are numbered in the order of their dates.
    /// </summary>
    [Fact]
    public async Task Given_a_group_of_five_invoices_with_two_refused_Then_the_three_others_are_numbered_2_to_4_by_date_and_the_refused_write_nothing()
    {
        var scenario = await new ActivitiesScenario(app).StartInOwnEntityAsync();
        var (memberId, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        await CreatedIdAsync(await IssueInvoiceAsync(member, activity, client, new DateOnly(2025, 9, 10)));
        var caller = new MemberCaller(memberId, scenario.Structure.EntityId, scenario.Structure.LilleOfficeId);
        InvoiceToIssue Invoice(DateOnly date, Guid? clientId = null) =>
            new(new IssueInvoice(activity, clientId ?? client, date, [new InvoiceLineInput("Représentation", 1, 250.00m, null)]), caller);

        var issued = await app.InvokeAsync<InvoicesIssued>(new IssueInvoices([
            Invoice(new DateOnly(2025, 9, 12)),
            Invoice(new DateOnly(2025, 9, 9)), // before the series' last document (2025-09-10): 400
            Invoice(new DateOnly(2025, 9, 11)),
            Invoice(new DateOnly(2025, 9, 12), clientId: Guid.NewGuid()), // a client that does not exist: 404
            Invoice(new DateOnly(2025, 9, 12)),
        ]));

        Assert.Equal("IssueDate", Assert.Single(Assert.IsType<ValidationException>(issued.Outcomes[1].Refusal).Errors).PropertyName);
        Assert.IsType<NotFoundException>(issued.Outcomes[3].Refusal);
        Assert.Equal(["FA2025-000003", "FA2025-000002", "FA2025-000004"], await Task.WhenAll(new[] { 0, 2, 4 }.Select(i => NumberAsync(member, issued.Outcomes[i].Result))));
        var budget = await member.GetFromJsonAsync<JsonElement>($"/api/activities/activities/{activity}/budget");
        Assert.Equal(1_750.00m, budget.GetProperty("totalsByKind").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "Revenue").GetProperty("amount").GetDecimal());
    }

    private sealed record MemberCaller(Guid? MemberId, Guid? EntityId, Guid? OfficeId) : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public Guid? UserId => MemberId;

        public bool IsInRole(string role) => role == SmartRoles.Member;
    }

    [Fact]
    public async Task Given_a_transaction_that_took_a_number_and_rolled_back_Then_the_next_invoice_gets_that_number()
    {
        var scenario = await new ActivitiesScenario(app).StartInOwnEntityAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        var issueDate = new DateOnly(2024, 3, 1);
        await CreatedIdAsync(await IssueInvoiceAsync(member, activity, client, issueDate));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await using var session = scope.ServiceProvider.GetRequiredService<IActivitiesStore>().LightweightSession();
            var taken = await session.NextAsync(scenario.Structure.EntityId, DocumentKind.Invoice, issueDate, issueDate, CancellationToken.None);
            Assert.Equal(2, taken.Sequence);
            // Disposed without saving: the transaction rolls back, e.g. the invoice failed to save.
        }
        var next = await CreatedIdAsync(await IssueInvoiceAsync(member, activity, client, issueDate));

        Assert.Equal("FA2024-000002", await NumberAsync(member, next));
    }

    [Fact]
    public async Task Given_an_invoice_dated_before_the_previous_one_of_its_series_Then_400_and_no_number_is_used()
    {
        var scenario = await new ActivitiesScenario(app).StartInOwnEntityAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        await CreatedIdAsync(await IssueInvoiceAsync(member, activity, client, new DateOnly(2023, 5, 10)));

        var earlier = await IssueInvoiceAsync(member, activity, client, new DateOnly(2023, 5, 9));
        var later = await CreatedIdAsync(await IssueInvoiceAsync(member, activity, client, new DateOnly(2023, 5, 11)));

        await earlier.AssertFieldErrorsAsync("issueDate");
        Assert.Equal("FA2023-000002", await NumberAsync(member, later));
    }

    [Fact]
    public async Task Given_invoices_of_2024_Then_an_invoice_dated_2022_is_refused_with_400_and_the_series_goes_on()
    {
        var scenario = await new ActivitiesScenario(app).StartInOwnEntityAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        await CreatedIdAsync(await IssueInvoiceAsync(member, activity, client, new DateOnly(2024, 2, 1)));

        var backdated = await IssueInvoiceAsync(member, activity, client, new DateOnly(2022, 12, 14));
        var next = await CreatedIdAsync(await IssueInvoiceAsync(member, activity, client, new DateOnly(2024, 2, 2)));

        var problem = await backdated.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("2024-02-01", problem.GetProperty("errors").GetProperty("issueDate")[0].GetString());
        Assert.Equal("FA2024-000002", await NumberAsync(member, next));
    }

    private static async Task<string> NumberAsync(HttpClient member, Guid invoice) =>
        (await member.GetFromJsonAsync<JsonElement>($"/api/activities/invoices/{invoice}")).GetProperty("number").GetString()!;
}
