using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Smart.BuildingBlocks.Messaging;
using Smart.BuildingBlocks.Modules;

namespace Smart.Benchmarks;

// Bus latency: time from a command's commit (InvokeAsync returned) to its event's subscriber running, on the real
// host and a real PostgreSQL. Run with `dotnet cake --target=Bench`; prints the figures and the server settings.
internal static class BusBenchmark
{
    public static async Task Main(string[] args)
    {
        var server = Environment.GetEnvironmentVariable("SMART_TEST_DB") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
        var samples = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 500;
        var database = $"smart_bench_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

        var module = new BenchModule();
        await using var factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Bench");
    builder.UseSolutionRelativeContentRoot("src/Host/Smart.Host");
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Smart"] = connectionString,
                ["Smart:SeedDemoData"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
            builder.ConfigureTestServices(services => services.AddSmartModule(module, new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Smart"] = connectionString }).Build()));
        });
        _ = factory.Server;

        try
        {
            await PrintServerSettingsAsync(connectionString);
            await using var scope = factory.Services.CreateAsyncScope();
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();

            // Warm-up: JIT, connection pool, prepared plans.
            await MeasureAsync(bus, module.Arrivals, 50);

            var latencies = await MeasureAsync(bus, module.Arrivals, samples);
            Console.WriteLine($"Bus latency, commit -> subscriber handler, {samples} sequential events on an idle host:");
            Console.WriteLine($"  p50 {Percentile(latencies, 0.50):F2} ms   p95 {Percentile(latencies, 0.95):F2} ms   p99 {Percentile(latencies, 0.99):F2} ms   max {latencies.Max():F2} ms");

            var burst = samples * 4;
            var started = Stopwatch.GetTimestamp();
            var ids = Enumerable.Range(0, burst).Select(_ => Guid.NewGuid()).ToList();
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
            {
                await using var s = factory.Services.CreateAsyncScope();
                await s.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SendPing(id), ct);
            });
            while (ids.Any(id => !module.Arrivals.At.ContainsKey(id)))
            {
                await Task.Delay(5);
            }
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine($"Throughput: {burst} commands committed and their events delivered in {seconds:F2} s = {burst / seconds:F0} events/s (8 concurrent senders)");
        }
        finally
        {
            await factory.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<double>> MeasureAsync(IMessageBus bus, Arrivals arrivals, int count)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            await bus.InvokeAsync(new SendPing(id));
            var committed = Stopwatch.GetTimestamp();
            long arrived;
            while (!arrivals.At.TryGetValue(id, out arrived))
            {
                await Task.Yield();
            }
            latencies.Add(Stopwatch.GetElapsedTime(committed, arrived).TotalMilliseconds);
        }
        return latencies;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static async Task PrintServerSettingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var settings = new List<string>();
        foreach (var name in new[] { "server_version", "fsync", "synchronous_commit", "full_page_writes" })
        {
            settings.Add($"{name}={await new NpgsqlCommand($"SHOW {name}", connection).ExecuteScalarAsync()}");
        }
        Console.WriteLine($"PostgreSQL: {string.Join(", ", settings)}; machine: {Environment.ProcessorCount} cores");
    }
}
