using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Security;
using Smart.Host.Identity;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Reporting;
using Smart.Modules.Reporting.Inbound;
using Smart.Modules.Reporting.Seed;
using Smart.Modules.Spaces.Contracts;
using Wolverine;

namespace Smart.Benchmarks;

/// <summary>
/// Issue 16: a year of one entity at the 2018 scale (<see cref="ScaleYear"/>, scale 1.0 unless an argument like 0.1 lowers
/// it) loaded into Reporting's journal in bulk: each wave's events through the inbound handlers' own translation, on
/// sessions of Reporting's store, 1,000 per transaction and four at once (the message path would take the bus's pace, not
/// the journal's). Then every projection is rebuilt from the first fact (the rebuild endpoint), and the report rendered over
/// HTTP from the warm projections, as JSON and as PDF.
/// </summary>
internal static class ReportingBenchmark
{
    private const int PerTransaction = 1_000;
    private const int Writers = 4;
    private const int Renders = 5;
    private const int Year = 2025;
    private const string Password = "Bench-password-2026!";

    public static async Task RunAsync(WebApplicationFactory<global::Program> factory, double scale)
    {
        var services = factory.Services;
        var entityId = Guid.NewGuid();
        var offices = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
        var year = ScaleYear.Generate(entityId, offices, Year, scale);
        var store = services.GetRequiredService<IReportingStore>();

        var loading = Stopwatch.GetTimestamp();
        var skipped = 0;
        IReadOnlyList<IReadOnlyList<object>> waves = [[new EntitySettingsChanged(entityId, "SCALE", new DateOnly(2000, 1, 1), 0.065m, PayoutRuleKind.DaysAfterEndOfWork, 7, 0.2m, true)], .. year.Waves];
        foreach (var wave in waves)
        {
            var batches = wave.Chunk(PerTransaction).ToList();
            await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (batch, ct) =>
            {
                await using var session = store.LightweightSession();
                // The batch handlers take the bus's context (to send a straggler back); a batch of one never uses it.
                await using var scope = services.CreateAsyncScope();
                var context = scope.ServiceProvider.GetRequiredService<Wolverine.IMessageContext>();
                foreach (var message in batch)
                {
                    if (!await RecordAsync(message, session, context, ct)) Interlocked.Increment(ref skipped);
                }
                await session.SaveChangesAsync(ct);
            });
        }
        Console.WriteLine($"Reporting seed: a year at scale {scale:0.###} ({year.Members.Count:N0} members, {year.Invoices.Count:N0} invoices, {year.Contracts.Count:N0} contracts, "
            + $"{year.Reminders.Count:N0} reminders, {year.Spaces.Bookings.Count:N0} bookings; {year.Count:N0} events) appended in bulk through the inbound handlers' translation ({PerTransaction:N0} per transaction, "
            + $"{Writers} writers; {skipped:N0} events no handler of Reporting takes yet) in {Stopwatch.GetElapsedTime(loading).TotalSeconds:F1} s (informative)");

        var admin = await PlatformAdminAsync(factory);
        var rebuilding = Stopwatch.GetTimestamp();
        var rebuilt = await admin.PostAsync("/api/reporting/projections/rebuild", null);
        rebuilt.EnsureSuccessStatusCode();
        Console.WriteLine($"Reporting rebuild of every projection from the journal (POST projections/rebuild): {Stopwatch.GetElapsedTime(rebuilding).TotalSeconds:F1} s");

        var report = $"/api/reporting/entities/{entityId}/reports/{Year}";
        var json = await TimeAsync(async () => (await admin.GetStringAsync(report)).Length);
        Console.WriteLine($"Reporting report over HTTP from warm projections, JSON ({json.Size:N0} bytes), {Renders} sequential:");
        Print(json.Latencies);
        var pdf = await TimeAsync(async () => (await admin.GetByteArrayAsync(report + "/pdf")).Length);
        Console.WriteLine($"Reporting report over HTTP from warm projections, PDF ({pdf.Size:N0} bytes), {Renders} sequential:");
        Print(pdf.Latencies);
    }

    /// <summary>The fact the inbound handler of Reporting records for <paramref name="message"/>; false if none takes it.</summary>
    private static async Task<bool> RecordAsync(object message, Marten.IDocumentSession session, Wolverine.IMessageContext context, CancellationToken ct)
    {
        switch (message)
        {
            case EntitySettingsChanged m: await GovernanceMessagesHandler.HandleAsync(m, session, ct); return true;
            case MemberRegistered m: await GovernanceMessagesHandler.HandleAsync(m, session, ct); return true;
            case ActivityOpened m: await ActivitiesMessagesHandler.HandleAsync(m, session, ct); return true;
            case InvoiceIssued m: await ActivitiesMessagesHandler.HandleAsync([m], session, ct); return true;
            case CreditNoteIssued m: await ActivitiesMessagesHandler.HandleAsync(m, session, ct); return true;
            case ContractDeclared m: await PayrollMessagesHandler.HandleAsync([m], session, context, ct); return true;
            case PayslipIssued m: await PayrollMessagesHandler.HandleAsync([m], session, context, ct); return true;
            case InvoicePaid m: await CollectionsMessagesHandler.HandleAsync(m, new Envelope(m), session, ct); return true;
            case InvoiceWrittenOff m: await CollectionsMessagesHandler.HandleAsync(m, session, ct); return true;
            case ReminderSent m: await CollectionsMessagesHandler.HandleAsync([m], session, ct); return true;
            case InvoiceProvisionBooked m: await CollectionsMessagesHandler.HandleAsync(m, new Envelope(m), session, ct); return true;
            case InvoiceProvisionReversed m: await CollectionsMessagesHandler.HandleAsync(m, new Envelope(m), session, ct); return true;
            case PlaceHoursSet m: await SpacesMessagesHandler.HandleAsync(m, session, ct); return true;
            case ResourceAdded m: await SpacesMessagesHandler.HandleAsync(m, session, ct); return true;
            case BookingConfirmed m: await SpacesMessagesHandler.HandleAsync(m, session, ct); return true;
            case BookingCancelled m: await SpacesMessagesHandler.HandleAsync(m, session, ct); return true;
            case ResidencyStarted m: await SpacesMessagesHandler.HandleAsync(m, session, ct); return true;
            case ResidencyMonthCharged m: await SpacesMessagesHandler.HandleAsync(m, session, ct); return true;
            case PlaceEventScheduled m: await SpacesMessagesHandler.HandleAsync(m, session, ct); return true;
            case PlaceEventCancelled m: await SpacesMessagesHandler.HandleAsync(m, session, ct); return true;
            case MemberLifeRulesSet m: await GovernanceMemberLifeMessagesHandler.HandleAsync(m, new Envelope(m), session, ct); return true;
            default: return false;
        }
    }

    private static async Task<(List<double> Latencies, int Size)> TimeAsync(Func<Task<int>> render)
    {
        var size = await render();
        var latencies = new List<double>(Renders);
        for (var i = 0; i < Renders; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await render();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (latencies, size);
    }

    private static void Print(List<double> latencies) =>
        Console.WriteLine($"  p50 {Stats.Percentile(latencies, 0.50):F0} ms   max {latencies.Max():F0} ms   (target p50 < 2,000 ms)");

    private static async Task<HttpClient> PlatformAdminAsync(WebApplicationFactory<global::Program> factory)
    {
        var email = $"reporting-bench-{Guid.NewGuid():N}@smart.coop";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().EnsureAsync(email, Password, SmartRoles.Admin, null, null, null);
        }
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(30);
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<Token>())!.AccessToken);
        return client;
    }

    private sealed record Token(string AccessToken);
}
