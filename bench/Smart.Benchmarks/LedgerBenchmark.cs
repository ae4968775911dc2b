using System.Diagnostics;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Bus;
using Smart.Modules.Activities;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Persistence;
using Smart.Modules.Governance.Seed;
using Wolverine;

namespace Smart.Benchmarks;

/// <summary>
/// Issue 10: the balance and available budget of an activity whose ledger stream holds 10,000 events. The activity is
/// opened over HTTP (its stream starts there); the events are appended through the module's own ledger (the exclusive
/// stream lock, the inline budget projection and each entry's row), 500 per transaction; then the budget is read over
/// HTTP (visibility check and projected document) and from the projection alone, with live aggregation of the stream as
/// the contrast the projection saves.
/// </summary>
internal static class LedgerBenchmark
{
    private const int Events = 10_000;
    private const int PerTransaction = 500;

    public static async Task RunAsync(WebApplicationFactory<global::Program> factory, int samples)
    {
        var services = factory.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedGovernanceDemoData(8));
        }
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        var (client, _) = await BenchAccounts.MemberClientAsync(factory, "ledger-bench@smart.coop");
        var activityId = await BenchAccounts.CreatedAsync(client, "/api/activities/activities", new { name = "Bench ledger", kind = "LivePerformance", serviceTier = 1 });

        var store = services.GetRequiredService<IActivitiesStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var (balance, committed) = (0m, 0m);
        var seeding = Stopwatch.GetTimestamp();
        for (var batch = 0; batch < Events; batch += PerTransaction)
        {
            await using var session = store.LightweightSession();
            var ledger = await session.LedgerAsync(activityId, CancellationToken.None);
            for (var i = batch; i < batch + PerTransaction; i++)
            {
                // Revenue and what it costs, as an activity's year looks, with a salary commitment now and then.
                IBudgetEvent @event = (i % 50) switch
                {
                    49 => new SalaryCommitted(Guid.NewGuid(), 150.00m),
                    var n when n % 4 == 0 => Entry(activityId, BudgetEntryKind.Revenue, 1000.00m, clock),
                    var n when n % 4 == 1 => Entry(activityId, BudgetEntryKind.Contribution, -80.00m, clock),
                    var n when n % 4 == 2 => Entry(activityId, BudgetEntryKind.Expense, -45.50m, clock),
                    _ => Entry(activityId, BudgetEntryKind.SpaceCharge, -12.25m, clock),
                };
                if (@event is BudgetEntry entry) balance += entry.Amount;
                if (@event is SalaryCommitted commitment) committed += commitment.Amount;
                ledger.Append(@event);
            }
            await session.SaveChangesAsync();
        }
        Console.WriteLine($"Ledger seed: {Events:N0} events appended to one activity's stream through its ledger ({PerTransaction} per transaction) "
            + $"in {Stopwatch.GetElapsedTime(seeding).TotalSeconds:F1} s");

        var path = $"/api/activities/activities/{activityId}/budget";
        var read = await client.GetFromJsonAsync<Budget>(path);
        if (read!.Balance != balance || read.Committed != committed)
        {
            throw new InvalidOperationException($"budget: balance {read.Balance} (expected {balance}), committed {read.Committed} (expected {committed})");
        }

        var overHttp = await TimeAsync(samples, async () => await client.GetFromJsonAsync<Budget>(path));
        Console.WriteLine($"Ledger balance and available over HTTP (GET budget, {Events:N0} events: balance {read.Balance:F2}, available {read.AvailableForSalaries:F2}), {samples} sequential:");
        Print(overHttp, "target p50 <= 5 ms");

        var fromProjection = await TimeAsync(samples, async () =>
        {
            await using var session = store.QuerySession();
            return (await session.BudgetAsync(activityId, CancellationToken.None)).Available;
        });
        Console.WriteLine($"Ledger balance and available from the inline projection (one document, a session each), {samples} sequential:");
        Print(fromProjection, "target p50 <= 5 ms");

        var live = await TimeAsync(10, async () =>
        {
            await using var session = store.QuerySession();
            return (await session.Events.AggregateStreamAsync<ActivityBudget>(activityId))!.Available;
        });
        Console.WriteLine($"Ledger balance and available aggregated live from the {Events:N0} events (what the projection saves), 10 sequential:");
        Print(live, "for comparison");
    }

    private static BudgetEntry Entry(Guid activityId, BudgetEntryKind kind, decimal amount, TimeProvider clock) =>
        new(activityId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), kind, amount, BudgetSource.Charge, Guid.NewGuid(), $"Bench {kind}", clock.GetUtcNow());

    /// <summary>The latencies of <paramref name="samples"/> reads, after a warm-up of a tenth as many.</summary>
    private static async Task<List<double>> TimeAsync<T>(int samples, Func<Task<T>> read)
    {
        for (var i = 0; i < Math.Max(1, samples / 10); i++) await read();
        var latencies = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await read();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return latencies;
    }

    private static void Print(List<double> latencies, string note) =>
        Console.WriteLine($"  p50 {Stats.Percentile(latencies, 0.50):F2} ms   p95 {Stats.Percentile(latencies, 0.95):F2} ms   p99 {Stats.Percentile(latencies, 0.99):F2} ms   ({note})");

    private sealed record Budget(decimal Balance, decimal Committed, decimal AvailableForSalaries);
}
