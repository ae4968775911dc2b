using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Payroll.Domain.Funding;
using Smart.Modules.Payroll.Persistence;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Payroll;

/// <summary>The real host with a clock the tests move, starting on 2026-03-02 at 08:00 UTC (the invoice date of the scenarios).</summary>
public sealed class PayrollApp : SmartApp
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public PayrollApp() => WithManualClock(Start);
}

/// <summary>Steps shared by the Payroll tests, through HTTP and the bus.</summary>
public sealed class PayrollScenario(SmartApp app)
{
    // Activities' answers as the salary tests read them.
    public sealed record Budget(decimal Balance, decimal Committed, decimal AvailableForSalaries);

    public sealed record SalaryRequest(Guid Id, string Status, string? RejectionReason, Guid? PayslipId);

    /// <summary>The API's own JSON settings (enums by name), to read Payroll's answers into its own response types.</summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpJson.Configure(options);
        return options;
    }

    public static async Task<T> GetAsync<T>(HttpClient client, string uri) => (await client.GetFromJsonAsync<T>(uri, Json))!;

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<T>(Json))!;

    /// <summary>An activity's guarantee-fund account as its stream's projection stands (an empty one before its first event).</summary>
    internal async Task<ActivityFunding> AccountAsync(Guid activityId) =>
        await app.QueryStoreAsync<IPayrollStore, ActivityFunding?>(session => session.LoadAsync<ActivityFunding>(activityId)) ?? ActivityFunding.Open(activityId);

    public static readonly DateOnly InvoiceDate = new(2026, 3, 2);
    public static readonly DateOnly WorkDay = new(2026, 3, 10);

    public ActivitiesScenario Activities { get; } = new(app);

    public async Task<PayrollScenario> StartAsync()
    {
        await Activities.StartAsync();
        return this;
    }

    public static object Salary(decimal employmentBudget, decimal? days = 1m, decimal? hours = null, DateOnly? workStart = null) => new
    {
        employmentBudget, contractKind = "Cddu", category = "Artistic", workStart = workStart ?? WorkDay, workEnd = workStart ?? WorkDay, days, hours, job = "Musician",
    };

    /// <summary>A member whose new activity invoiced 1,000.00 excl. VAT on 2026-03-02 (SmartFr's 10 % contribution: 900.00 left).</summary>
    public async Task<(Guid MemberId, HttpClient Member, Guid ActivityId, Guid InvoiceId)> ActivityWith900Async()
    {
        var (memberId, member) = await Activities.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var invoice = await CreatedIdAsync(await IssueInvoiceAsync(member, activity, await RegisterClientAsync(member), InvoiceDate));
        await app.WaitForBusIdleAsync();
        return (memberId, member, activity, invoice);
    }

    /// <summary>Requests a salary over HTTP and waits until Payroll has answered.</summary>
    public async Task<Guid> RequestSalaryAsync(HttpClient member, Guid activityId, object salary)
    {
        var id = await CreatedIdAsync(await member.PostAsJsonAsync($"/api/activities/activities/{activityId}/salary-requests", salary));
        await app.WaitForBusIdleAsync();
        return id;
    }

    /// <summary>How many documents of a type Payroll holds (to check that a refused request stored nothing).</summary>
    public Task<int> CountAsync<T>() where T : notnull => app.QueryStoreAsync<IPayrollStore, int>(session => session.Query<T>().CountAsync());
}
