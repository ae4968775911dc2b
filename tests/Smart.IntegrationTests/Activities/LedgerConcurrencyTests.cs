using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.Features.Budget;
using Smart.Modules.Activities.Features.Salaries;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Activities;

/// <summary>The budget ledger is one event stream per activity: writers racing on it queue, none loses an update (ADR 0058).</summary>
public sealed class LedgerConcurrencyTests(SmartApp app) : IClassFixture<SmartApp>
{
    /// <summary>The API's own shapes, read as the host writes them.</summary>
    private static readonly JsonSerializerOptions Json = JsonOptions();

    [Fact]
    public async Task Given_100_writers_racing_on_one_activity_Then_every_entry_counts_and_the_balance_is_exact_to_the_cent()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var workDay = today.AddDays(7);
        var invoices = new ConcurrentBag<HttpStatusCode>();
        var salaries = new ConcurrentBag<HttpStatusCode>();

        // 40 invoices of 100.00 (90.00 left after SmartFr's 10 % contribution), 40 space charges of 12.34, 20 salary requests of 25.00.
        await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            switch (i % 5)
            {
                case 0 or 1:
                    invoices.Add((await IssueInvoiceAsync(member, activity, client, issueDate: null, unitPrice: 100.00m)).StatusCode);
                    break;
                case 2 or 3:
                    await app.InvokeAsync(new ChargeActivity(Guid.NewGuid(), activity, ActivityChargeKind.SpaceCharge, 12.34m, today, "Bureau partagé", "Spaces"));
                    break;
                default:
                    salaries.Add((await member.PostAsJsonAsync($"/api/activities/activities/{activity}/salary-requests", new
                    {
                        employmentBudget = 25.00m, contractKind = "Cddu", category = "Artistic", workStart = workDay, workEnd = workDay, days = 1m, job = "Musician",
                    })).StatusCode);
                    break;
            }
        });

        Assert.All(invoices, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.All(salaries, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        await app.WaitForBusIdleAsync(); // Payroll answers each request (rejected, or its payslip's cost booked)
        var budget = (await member.GetFromJsonAsync<BudgetView>($"/api/activities/activities/{activity}/budget", Json))!;
        var requests = (await member.GetFromJsonAsync<PagedResult<SalaryRequestView>>($"/api/activities/activities/{activity}/salary-requests?pageSize=200", Json))!;
        var entries = (await member.GetFromJsonAsync<PagedResult<BudgetEntryView>>($"/api/activities/activities/{activity}/budget/entries?pageSize=500", Json))!;
        var salaryCosts = entries.Items.Where(e => e.Kind == BudgetEntryKind.SalaryCost).ToList();
        Assert.Equal(salaries.Count(s => s == HttpStatusCode.Created), requests.Total);
        Assert.Equal(40 * 2 + 40 + salaryCosts.Count, entries.Total);
        Assert.Equal(3_106.40m + salaryCosts.Sum(e => e.Amount), budget.Balance); // 40 × 90.00 − 40 × 12.34, less what salaries cost
        Assert.Equal(budget.Balance, entries.Items.Sum(e => e.Amount));
        Assert.Equal(requests.Items.Count(r => r.Status == SalaryRequestStatus.Pending) * 25.00m, budget.Committed);
    }

    private static JsonSerializerOptions JsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpJson.Configure(options);
        return options;
    }
}
