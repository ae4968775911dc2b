using System.Net.Http.Json;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Infrastructure;
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
    // The API's answers as the salary tests read them.
    public sealed record Budget(decimal Balance, decimal Committed, decimal AvailableForSalaries);

    public sealed record Contract(Guid Id, Guid SalaryRequestId, Guid ActivityId, Guid MemberId, string Kind, string Category, string WorkingTime, DateOnly Start,
        DateOnly End, decimal? Days, decimal Hours, string Job, decimal EmploymentBudget, DateOnly DeclaredOn, string DeclarationReference);

    public sealed record Line(string Name, decimal Base, decimal EmployeeRate, decimal EmployeeAmount, decimal EmployerRate, decimal EmployerAmount);

    public sealed record Payslip(Guid Id, Guid ContractId, Guid ActivityId, Guid MemberId, DateOnly PayDate, decimal PeriodCeiling, decimal EmploymentBudget,
        decimal Gross, IReadOnlyList<Line> Lines, decimal EmployeeContributions, decimal EmployerContributions, decimal EmployerCost, decimal Net,
        decimal IncomeTaxRate, decimal IncomeTax, decimal NetPaid, string Status, DateOnly? PaidOn, decimal? GuaranteeFundAdvance);

    public sealed record SalaryRequest(Guid Id, string Status, string? RejectionReason, Guid? PayslipId);

    public sealed record PayRun(DateOnly Date, int PayslipsPaid, decimal NetPaid, decimal AdvancedByGuaranteeFund);


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

    public Task<int> CountAsync(string table) => app.Database.ScalarAsync<int>($"SELECT count(*) FROM {table}");
}
