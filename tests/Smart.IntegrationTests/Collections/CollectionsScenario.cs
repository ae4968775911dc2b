using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Collections;

/// <summary>The host on 2026-03-01 09:00 UTC, a clock the Collections tests move.</summary>
public sealed class CollectionsApp : SmartApp
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public CollectionsApp() => WithManualClock(Start);
}

/// <summary>
/// A member of the Lille office with an activity and a company client on 30-day terms, who invoices it through
/// Activities: Collections opens the receivable from the InvoiceIssued it publishes.
/// </summary>
public sealed class CollectionsScenario(SmartApp app)
{
    // The API's answers as the tests read them.
    public sealed record Step(int Number, string Channel, string Template, DateOnly PlannedOn, DateOnly? TakenOn, bool Skipped);

    public sealed record Receivable(Guid Id, string Number, string Source, Guid EntityId, Guid OfficeId, Guid? ActivityId, Guid OwnerId, string ClientName,
        string ClientTypology, DateOnly IssueDate, DateOnly DueDate, decimal Amount, decimal Credited, decimal Received, decimal Outstanding,
        decimal ClientCredit, decimal CreditUsed, decimal Provisioned, string Currency, string Status, DateOnly? DisputedSince, IReadOnlyList<Step> Steps);

    public sealed record HistoryEntry(long Version, string Kind, DateOnly Date, decimal? Amount, string Description);

    public sealed record Detail(Receivable Receivable, IReadOnlyList<HistoryEntry> History);

    public ActivitiesScenario Activities { get; } = new(app);

    public Guid MemberId { get; private set; }

    public HttpClient Member { get; private set; } = null!;

    public Guid ActivityId { get; private set; }

    public Guid ClientId { get; private set; }

    public async Task<CollectionsScenario> StartAsync(string typology = "Company")
    {
        await Activities.StartAsync();
        (MemberId, Member) = await Activities.MemberAsync();
        ActivityId = await ActivitiesScenario.OpenActivityAsync(Member);
        ClientId = await ActivitiesScenario.RegisterClientAsync(Member, typology, paymentTermsDays: 30);
        return this;
    }

    /// <summary>An invoice of 1,000.00 excl. VAT (1,200.00 incl. 20 % VAT) issued today; its receivable once Collections opened it.</summary>
    public async Task<Guid> IssueInvoiceAsync()
    {
        var response = await ActivitiesScenario.IssueInvoiceAsync(Member, ActivityId, ClientId, null);
        var invoiceId = await ActivitiesScenario.CreatedIdAsync(response);
        await app.WaitForBusIdleAsync();
        return invoiceId;
    }

    public Task<HttpClient> OperatorAsync() => app.ClientAsync(SmartRoles.Operator, entityId: Activities.Structure.EntityId);

    public Task<HttpClient> AdvisorAsync(Guid officeId) => app.ClientAsync(SmartRoles.Advisor, entityId: Activities.Structure.EntityId, officeId: officeId);

    /// <summary>The member again, with a fresh token (tokens expire while the clock moves).</summary>
    public async Task<HttpClient> MemberAgainAsync() =>
        Member = await app.ClientAsync(SmartRoles.Member, MemberId, Activities.Structure.EntityId, Activities.Structure.LilleOfficeId);

    public static async Task<Detail> GetAsync(HttpClient client, Guid receivableId)
    {
        var response = await client.GetAsync($"/api/collections/receivables/{receivableId}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Detail>())!;
    }

    /// <summary>Moves the clock to <paramref name="day"/> at 09:00 UTC and lets every step due by then run.</summary>
    public Task MoveToAsync(DateOnly day) => MoveToAsync(app, day);

    /// <summary>Moves <paramref name="host"/>'s clock (shared with the other hosts on its database, if any) and lets every step due by then run.</summary>
    public static async Task MoveToAsync(SmartApp host, DateOnly day, TimeSpan? timeout = null)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        host.Clock!.Advance(target - host.Clock.GetUtcNow());
        await host.WaitForBusIdleAsync(timeout);
    }

    /// <summary>The days the receivable's scheduled steps are due, on the platform's clock (Wolverine's scheduler runs on the machine's).</summary>
    public static async Task<DateOnly[]> ScheduledStepsAsync(SmartApp host, Guid receivableId) =>
        (await host.ScheduledAsync("collections.dunning-step-due.v1", $"\"receivableId\":\"{receivableId}\""))
            .Select(at => DateOnly.FromDateTime((host.Clock!.GetUtcNow() + (at - DateTimeOffset.UtcNow)).UtcDateTime)).ToArray();

    public async Task<Step> StepAsync(Guid receivableId, int number) =>
        (await GetAsync(await OperatorAsync(), receivableId)).Receivable.Steps.Single(s => s.Number == number);

    public static async Task<IReadOnlyList<string>> HistoryKindsAsync(HttpClient client, Guid receivableId) =>
        (await GetAsync(client, receivableId)).History.Select(h => h.Kind).ToList();

    public static List<MimeMessage> Mails(SmartApp host) =>
        host.Mails.ReceivedEmail.ToList();
}
