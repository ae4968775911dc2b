using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Smart.BuildingBlocks.Modules;
using Wolverine;

namespace Smart.Benchmarks;

/// <summary>
/// The Bench target: the real host (every module and the Wolverine bus) on a fresh database of the given
/// PostgreSQL server (SMART_TEST_DB), then each benchmark in turn. Arguments: [samples] [scale, e.g. 0.1] [bus|invoices|ledger|payroll|spaces|directory|governance|collections|training|reporting]...
/// </summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var server = Environment.GetEnvironmentVariable("SMART_TEST_DB") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
        var samples = args.Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0, 500);
        // A decimal number is the reporting bench's scale (1.0 = the 2018 year).
        bool IsScale(string a) => a.Contains('.') && double.TryParse(a, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
        var scale = args.Where(IsScale).Select(a => double.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault(s => s > 0, 1.0);
        var only = args.Where(a => !int.TryParse(a, out _) && !IsScale(a)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Runs(string name) => only.Count == 0 || only.Contains(name);
        var database = $"smart_bench_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 100 }.ConnectionString;

        var module = new BenchModule();
        // E-mails (invitations, convocations, reminders) go to an in-process SMTP server, as in the tests, so the bus drains.
        using var smtp = new Smart.IntegrationTests.Infrastructure.TestSmtpServer();
        var factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Bench");
            builder.UseSolutionRelativeContentRoot("src/Host/Smart.Host");
            // Settings reach Program as arguments, so the bus configuration (read while the host is built) sees them.
            builder.UseSetting("ConnectionStrings:Smart", connectionString);
            builder.UseSetting("Smart:SeedDemoData", "false");
            builder.UseSetting("Smart:Mail:Host", "127.0.0.1");
            builder.UseSetting("Smart:Mail:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureTestServices(services =>
            {
                services.AddSmartModule(module, new ConfigurationBuilder()
                    .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Smart"] = connectionString }).Build());
                services.ConfigureWolverine(opts =>
                {
                    opts.Discovery.IncludeAssembly(typeof(BenchModule).Assembly);
                    module.ConfigureBus(opts);
                    // The host's code is generated ahead; the bench module's handlers are compiled at start (RuntimeCompilation).
                    opts.CodeGeneration.TypeLoadMode = JasperFx.CodeGeneration.TypeLoadMode.Auto;
                    opts.CodeGeneration.SourceCodeWritingEnabled = false;
                });
            });
        });
        try
        {
            _ = factory.Server;
            await PrintServerSettingsAsync(connectionString);
            if (Runs("bus")) await BusBenchmark.RunAsync(factory.Services, module.Arrivals, samples);
            if (Runs("invoices")) await InvoiceBenchmark.RunAsync(factory, samples);
            if (Runs("ledger")) await LedgerBenchmark.RunAsync(factory, samples);
            if (Runs("payroll")) await PayrollBenchmark.RunAsync(factory, samples);
            if (Runs("spaces")) await SpacesBenchmark.RunAsync(factory, samples);
            if (Runs("directory")) await DirectoryBenchmark.RunAsync(factory, samples);
            if (Runs("governance")) await GovernanceBenchmark.RunAsync(factory);
            if (Runs("collections")) await CollectionsBenchmark.RunAsync(factory, smtp);
            if (Runs("training")) await TrainingBenchmark.RunAsync(factory, samples);
            if (Runs("reporting")) await ReportingBenchmark.RunAsync(factory, scale);
        }
        catch (Exception e) when (factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested)
        {
            // SIGTERM or Ctrl-C stops the host (its console lifetime) and disposes its services under the running benchmark,
            // which then fails on whatever it touches next (an ObjectDisposedException on the database pool): say why.
            Console.Error.WriteLine($"Benchmarks interrupted: the host was stopped (SIGTERM or Ctrl-C) while one ran ({e.GetType().Name}); "
                + "the figures printed before are complete, the running one is not.");
            Environment.ExitCode = 130;
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

internal static class Stats
{
    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
