using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Security;
using Smart.Host.Identity;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Seed;

namespace Smart.Benchmarks;

/// <summary>
/// Invoices issued through HTTP, each with its gap-free number, its two ledger entries and its outbox row(s):
/// median latency one at a time, then the rate with concurrent members invoicing one entity (all numbers
/// come from the same SmartFr series, so they queue on its row lock by design).
/// </summary>
internal static class InvoiceBenchmark
{
    private const string Password = "Bench-password-2026!";

    public static async Task RunAsync(WebApplicationFactory<global::Program> factory, int samples)
    {
        var services = factory.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedGovernanceDemoData(8));
        }
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        var member = await InvokeAsync<MemberReference?>(services, new FindMemberByEmail("member@smart.coop"));
        var client = factory.CreateClient();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().EnsureAsync("bench@smart.coop", Password, SmartRoles.Member, member!.MemberId, member.EntityId, member.OfficeId);
        }
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "bench@smart.coop", password = Password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<Token>())!.AccessToken);
        var activityId = await CreatedAsync(client, "/api/activities/activities", new { name = "Bench tour", kind = "LivePerformance", serviceTier = 1 });
        var clientId = await CreatedAsync(client, "/api/activities/clients", new
        {
            name = "Bench theatre", country = "FR", legalForm = "PublicBody", typology = "PublicBody",
            billingAddress = new { line1 = "1 place", postalCode = "59000", city = "Lille", country = "FR" }, billingEmail = "bench@theatre.example",
        });
        var invoice = new
        {
            activityId, clientId,
            lines = new[] { new { description = "Représentation", quantity = 1m, unitPrice = 1000m }, new { description = "Défraiement", quantity = 2m, unitPrice = 45.5m } },
        };

        await WarmUp.RunAsync(services, () => CreatedAsync(client, "/api/activities/invoices", invoice));
        var serverCpu = await ServerCpu.OfAsync(services.GetRequiredService<Npgsql.NpgsqlDataSource>().ConnectionString);
        var latencies = new List<double>(samples);
        var profile = new OperationProfile(serverCpu);
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await CreatedAsync(client, "/api/activities/invoices", invoice);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Console.WriteLine($"Invoice issue over HTTP (number + 2 ledger entries + outbox), {samples} sequential:");
        Console.WriteLine($"  p50 {Stats.Percentile(latencies, 0.50):F2} ms   p95 {Stats.Percentile(latencies, 0.95):F2} ms   p99 {Stats.Percentile(latencies, 0.99):F2} ms   = {1000 / latencies.Average():F0} invoices/s one at a time{PhysicalLimit.Share(1000 / latencies.Average())}");
        // The handlers of InvoiceIssued in the other modules belong to the cost of an invoice: counted once they are done.
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        profile.Print("invoice with its cascades", samples, top: Environment.GetEnvironmentVariable("SMART_BENCH_PROFILE") is null ? 0 : 40);

        var burst = samples * 4;
        var burstProfile = new OperationProfile(serverCpu);
        var wall = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, burst), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, _) =>
            await CreatedAsync(client, "/api/activities/invoices", invoice));
        var seconds = Stopwatch.GetElapsedTime(wall).TotalSeconds;
        Console.WriteLine($"Invoice issue over HTTP, {burst} with 16 concurrent callers on one activity: {seconds:F2} s = {burst / seconds:F0} invoices/s{PhysicalLimit.Share(burst / seconds)}");
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        burstProfile.Print("invoice with its cascades, 16 callers", burst);

        // The same entity's series, but each caller invoicing from an activity of its own (as 16 members would): only the
        // number's row lock is shared, not the activity's ledger stream.
        var activities = new List<Guid>();
        for (var i = 0; i < 16; i++) activities.Add(await CreatedAsync(client, "/api/activities/activities", new { name = $"Bench tour {i}", kind = "LivePerformance", serviceTier = 1 }));
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        var spreadProfile = new OperationProfile(serverCpu);
        wall = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, burst), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            await CreatedAsync(client, "/api/activities/invoices", invoice with { activityId = activities[i % 16] }));
        seconds = Stopwatch.GetElapsedTime(wall).TotalSeconds;
        Console.WriteLine($"Invoice issue over HTTP, {burst} with 16 concurrent callers on 16 activities of one entity: {seconds:F2} s = {burst / seconds:F0} invoices/s{PhysicalLimit.Share(burst / seconds)}");
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        spreadProfile.Print("invoice with its cascades, 16 callers on 16 activities", burst);

        await RenderPdfsAsync(client, await CreatedAsync(client, "/api/activities/invoices", invoice), samples);
    }

    /// <summary>An invoice's PDF read over HTTP (load, heading, layout, font subset): one at a time, then 4 callers; and its size.</summary>
    private static async Task RenderPdfsAsync(HttpClient client, Guid invoiceId, int samples)
    {
        var path = $"/api/activities/invoices/{invoiceId}/pdf";
        async Task<int> PdfAsync()
        {
            var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadAsByteArrayAsync()).Length;
        }
        var size = 0;
        for (var i = 0; i < 20; i++) size = await PdfAsync(); // warm-up
        var latencies = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await PdfAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Console.WriteLine($"Invoice PDF over HTTP, one page without a logo, {size / 1024.0:F1} KB ({size} bytes), {samples} sequential:");
        Console.WriteLine($"  p50 {Stats.Percentile(latencies, 0.50):F2} ms   p99 {Stats.Percentile(latencies, 0.99):F2} ms   = {1000 / latencies.Average():F0} PDFs/s one at a time");
        var wall = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, samples), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, _) => await PdfAsync());
        var seconds = Stopwatch.GetElapsedTime(wall).TotalSeconds;
        Console.WriteLine($"Invoice PDF over HTTP, {samples} with 4 concurrent callers: {seconds:F2} s = {samples / seconds:F0} PDFs/s");
    }

    private static async Task<T> InvokeAsync<T>(IServiceProvider services, object query)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<T>(query);
    }

    private static async Task<Guid> CreatedAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    private sealed record Token(string AccessToken);

    private sealed record Created(Guid Id);
}
