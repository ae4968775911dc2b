using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Marten;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Persistence;
using Wolverine;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Security;
using Smart.Host.Identity;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Seed;
using Smart.Modules.Activities;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Contracts;

namespace Smart.Benchmarks;

/// <summary>
/// Payroll: payslips computed per second (the gross solver and every line, in memory, on the seeded artists' table), then
/// the full salary flow rate — salary requests over HTTP on 16 activities with 16 concurrent callers, each turned by the
/// bus into a declared contract, a payslip and a salary cost booked back on the activity — measured until the last cost
/// is booked.
/// </summary>
internal static class PayrollBenchmark
{
    private const string Password = "Bench-password-2026!";
    private const int Activities = 16;

    public static async Task RunAsync(WebApplicationFactory<global::Program> factory, int samples)
    {
        var services = factory.Services;
        await ComputeAsync(services, samples * 200);

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedGovernanceDemoData(8));
        }
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        var client = await MemberClientAsync(factory);
        var clientId = await CreatedAsync(client, "/api/activities/clients", new
        {
            name = "Bench payroll theatre", country = "FR", legalForm = "PublicBody", typology = "PublicBody",
            billingAddress = new { line1 = "1 place", postalCode = "59000", city = "Lille", country = "FR" }, billingEmail = "payroll@theatre.example",
        });
        var activities = new List<Guid>();
        for (var i = 0; i < Activities; i++)
        {
            var activityId = await CreatedAsync(client, "/api/activities/activities", new { name = $"Bench payroll {i}", kind = "LivePerformance", serviceTier = 1 });
            await CreatedAsync(client, "/api/activities/invoices", new
            {
                activityId, clientId, lines = new[] { new { description = "Saison", quantity = 1m, unitPrice = 1_000_000m } },
            });
            activities.Add(activityId);
        }
        // Tomorrow, so that no contract is retroactive on the real clock.
        var workDay = services.GetRequiredService<TimeProvider>().Today().AddDays(1);
        var requests = 0;
        Task RequestAsync(int i) => CreatedAsync(client, $"/api/activities/activities/{activities[i % Activities]}/salary-requests", new
        {
            employmentBudget = 300m + i % 100, contractKind = "Cddu", category = "Artistic", workStart = workDay, workEnd = workDay, days = 1m, job = "Musician",
        });
        await WarmUp.RunAsync(services, () => RequestAsync(Interlocked.Increment(ref requests)));
        var before = await PayslipsAsync(services);
        var booked = await BookedAsync(services);

        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        var profile = new OperationProfile(await ServerCpu.OfAsync(services.GetRequiredService<Npgsql.NpgsqlDataSource>().ConnectionString));
        var wall = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, samples), new ParallelOptions { MaxDegreeOfParallelism = Activities }, async (i, _) => await RequestAsync(i));
        var requested = Stopwatch.GetElapsedTime(wall).TotalSeconds;
        var polls = 1;
        // Each poll counts every salary request (a scan): every 50 ms (1 % of a run) rather than every 5, so that the
        // measuring does not take PostgreSQL's CPU from what it measures.
        for (; await BookedAsync(services) - booked < samples; polls++) await Task.Delay(50);
        var seconds = Stopwatch.GetElapsedTime(wall).TotalSeconds;
        Console.WriteLine($"Salary flow, {samples} requests over HTTP with {Activities} concurrent callers on {Activities} activities: requested in {requested:F2} s, "
            + $"{await PayslipsAsync(services) - before} payslips and every cost booked in {seconds:F2} s = {samples / seconds:F0} salaries/s end to end{PhysicalLimit.Share(samples / seconds)}");
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        profile.Print("salary, request to cost booked", samples, polls + 1, top: Environment.GetEnvironmentVariable("SMART_BENCH_PROFILE") is null ? 0 : 40);
    }

    private static async Task ComputeAsync(IServiceProvider services, int count)
    {
        ContributionTable table;
        await using (var session = services.GetRequiredService<IPayrollStore>().QuerySession())
        {
            table = await session.Query<ContributionTable>().SingleAsync(t => t.EntityId == null && t.Category == ContractCategory.Artistic);
        }
        var lines = CappedLine.For(table, 220.00m);
        for (var i = 0; i < 1000; i++) PayFigures.Compute(100m + i, lines, 0.05m); // warm-up
        var started = Stopwatch.GetTimestamp();
        var total = 0m;
        for (var i = 0; i < count; i++) total += PayFigures.Compute(100m + i % 10_000 + 0.37m, lines, 0.05m).NetPaid;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"Payslip computation ({table.Lines.Count} lines, one ceiling break), {count} in memory: {count / seconds:F0} payslips/s (checksum {total})");
    }

    private static async Task<int> PayslipsAsync(IServiceProvider services)
    {
        await using var session = services.GetRequiredService<IPayrollStore>().QuerySession();
        return await session.Query<Payslip>().CountAsync();
    }

    private static async Task<int> BookedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await using var session = scope.ServiceProvider.GetRequiredService<IActivitiesStore>().QuerySession();
        return await Marten.QueryableExtensions.CountAsync(session.Query<SalaryRequest>(), r => r.Status == SalaryRequestStatus.Booked);
    }

    private static async Task<HttpClient> MemberClientAsync(WebApplicationFactory<global::Program> factory)
    {
        MemberReference? member;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            member = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<MemberReference?>(new FindMemberByEmail("member@smart.coop"));
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().EnsureAsync("payroll-bench@smart.coop", Password, SmartRoles.Member, member!.MemberId,
                member.EntityId, member.OfficeId);
        }
        var client = factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "payroll-bench@smart.coop", password = Password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<Token>())!.AccessToken);
        return client;
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
