using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;
using Smart.BuildingBlocks.Security;
using Smart.Host.Identity;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Seed;
using Wolverine;
using Wolverine.Runtime;
using Wolverine.Tracking;

namespace Smart.IntegrationTests.Infrastructure;

/// <summary>
/// The real host (all modules and the Wolverine bus) on its own real PostgreSQL database, with quick retries and
/// polling so that failure and scheduling tests run in milliseconds.
/// </summary>
public class SmartApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-password-2026!";

    private readonly List<IModule> _extraModules = [];
    private readonly Dictionary<string, string?> _settings = [];

    private readonly bool _ownsDatabase;
    private bool _started;

    public SmartApp() : this(TestDatabase.Create(), ownsDatabase: true)
    {
    }

    /// <summary>A host on a database another fixture owns: several hosts share one database, as in production.</summary>
    internal SmartApp(TestDatabase database, bool ownsDatabase)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    public ManualClock? Clock { get; private set; }

    /// <summary>An SMTP server in the test process that receives every e-mail the host sends.</summary>
    public TestSmtpServer Mails { get; } = new();

    /// <summary>Adds a test-only module (e.g. a probe subscriber) before the host starts.</summary>
    public SmartApp WithModule(IModule module)
    {
        _extraModules.Add(module);
        return this;
    }

    public SmartApp WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public SmartApp WithManualClock(DateTimeOffset now) => WithManualClock(new ManualClock(now));

    /// <summary>A clock shared with other hosts on the same database: the scheduled messages move once however many hosts wait.</summary>
    public SmartApp WithManualClock(ManualClock clock)
    {
        Clock = clock;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Settings reach Program as arguments, so the bus configuration (read while the host is being built) sees them.
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Smart"] = Database.ConnectionString,
            // A copy of the migrated template needs no migration; a test module's schema is applied once the host runs.
            ["Smart:Database:MigrateOnStart"] = Database.Migrated ? "false" : "true",
            ["Smart:SeedDemoData"] = "false",
            ["Smart:Bus:RetryDelays"] = "00:00:00.050, 00:00:00.100",
            // Longer in all than the machine may take, loaded by the suite, to handle the message another one waits for.
            ["Smart:Bus:WaitRetryDelays"] = "00:00:00.050, 00:00:00.100, 00:00:00.250, 00:00:00.500, 00:00:01",
            ["Smart:Bus:ScheduledPollingInterval"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Warning",
            // Nearly every client is a new account created and logged in: 100,000 PBKDF2 iterations twice each was
            // a large share of the suite's CPU. The hash stores its count, so what it protects is the same code path.
            ["Smart:Identity:PasswordHasher:IterationCount"] = "1000",
            ["Smart:Mail:Host"] = "127.0.0.1",
            ["Smart:Mail:Port"] = Mails.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings.Concat(_settings))
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Smart"] = Database.ConnectionString }).Build();
            foreach (var module in _extraModules)
            {
                services.AddSmartModule(module, configuration);
                services.ConfigureWolverine(opts =>
                {
                    opts.Discovery.IncludeAssembly(module.GetType().Assembly);
                    module.ConfigureBus(opts);
                });
            }
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    public virtual async Task InitializeAsync()
    {
        if (_ownsDatabase)
        {
            await Database.CreateFromTemplateAsync();
        }
        _ = Server; // starts the host (migrating unless the database is a copy of the template) and its bus
        _started = true;
        if (Database.Migrated)
        {
            foreach (var module in _extraModules)
            {
                await module.MigrateAsync(Services, CancellationToken.None);
            }
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        var unexpected = _started && _ownsDatabase ? await UnexpectedDeadLettersAsync() : [];
        if (_started && _ownsDatabase)
        {
            // The database is dropped right after: no listener needs draining and no envelope handing over to another
            // node. Wolverine's graceful stop (drain every local queue, release ownership, tear the agents down) took
            // ~0.7 s and slowed the drop after it, per fixture; hosts sharing a database still stop gracefully.
            ((WolverineRuntime)Services.GetRequiredService<IWolverineRuntime>()).StopMode = StopMode.Quick;
        }
        try
        {
            await base.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // Seen once at teardown on a loaded machine since Reporting's async daemon runs in the host: a background
            // service still stopping when the container disposed what it used. The host is gone either way; the tests
            // of this class have already passed or failed on their own.
        }
        Mails.Dispose();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
        if (unexpected.Count > 0)
        {
            throw new InvalidOperationException($"{GetType().Name}: {unexpected.Count} message(s) in dead letters that no test expected "
                + "(a test that causes one on purpose waits for it with DeadLettered<T>):" + string.Concat(unexpected.Select(l => "\n  " + l)));
        }
    }

    /// <summary>The dead letters of this host's database that no test waited for (<see cref="ExpectedDeadLetters"/>), described.</summary>
    private async Task<IReadOnlyList<string>> UnexpectedDeadLettersAsync()
    {
        await using var connection = new NpgsqlConnection(Database.AssertionConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id, message_type, received_at, coalesce(exception_type, ''), coalesce(exception_message, '') FROM wolverine.wolverine_dead_letters", connection);
        var letters = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (type, failure) = (reader.GetString(1), reader.GetString(4));
            if (!ExpectedDeadLetters.Contains(reader.GetGuid(0), type, failure)) letters.Add($"{type} at {reader.GetString(2)}: {reader.GetString(3)}: {failure}");
        }
        return letters;
    }

    public async Task<T> InvokeAsync<T>(object message)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<T>(message);
    }

    public async Task InvokeAsync(object message)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message);
    }

    /// <summary>Entities, offices and a few members shaped like the demo data, with every event delivered.</summary>
    public async Task<Structure> SeedStructureAsync(int members = 3)
    {
        await InvokeAsync(new SeedGovernanceDemoData(members));
        await WaitForBusIdleAsync();
        var lille = (await InvokeAsync<OfficeReference?>(new FindOffice("SmartFr", "Lille")))!;
        var paris = (await InvokeAsync<OfficeReference?>(new FindOffice("SmartFr", "Paris")))!;
        var otherEntityOffice = (await InvokeAsync<OfficeReference?>(new FindOffice("GrandsEnsemble", "Lille")))!;
        return new Structure(lille.EntityId, lille.OfficeId, paris.OfficeId, otherEntityOffice.EntityId, otherEntityOffice.OfficeId);
    }

    /// <summary>An authenticated client for a new account with the given role and ties.</summary>
    public async Task<HttpClient> ClientAsync(string role, Guid? memberId = null, Guid? entityId = null, Guid? officeId = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.smart.coop";
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().EnsureAsync(email, Password, role, memberId, entityId, officeId);
        }
        var client = CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> AdminClientAsync(Structure structure) => ClientAsync(SmartRoles.Admin, entityId: structure.EntityId);

    /// <summary>
    /// Runs <paramref name="action"/> under Wolverine's message tracking and returns once every message it caused has
    /// been handled (or <paramref name="until"/> holds, for flows that retry or replay later). Failures are the test's to
    /// assert: a 404 or 409 answered to an HTTP call is an exception in the session too.
    /// </summary>
    public Task<ITrackedSession> TrackAsync(Func<Task> action, ITrackedCondition? until = null, TimeSpan? timeout = null) =>
        TrackAsync((IMessageContext _) => action(), until, timeout);

    /// <summary>
    /// Publishes <paramref name="message"/> as the module that owns it would (durably, to every subscribing module) and
    /// waits until it was handled, or until <paramref name="until"/> holds (e.g. <see cref="DeadLettered{T}"/>).
    /// </summary>
    public Task<ITrackedSession> PublishAsync(object message, ITrackedCondition? until = null) =>
        TrackAsync((IMessageContext bus) => bus.PublishAsync(message).AsTask(), until, null);

    private async Task<ITrackedSession> TrackAsync(Func<IMessageContext, Task> action, ITrackedCondition? until, TimeSpan? timeout)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var session = Services.TrackActivity(limit).DoNotAssertOnExceptionsDetected();
        if (until is not null) session = session.WaitForCondition(until);
        var tracked = await session.ExecuteAndWaitAsync(action);
        // Tracking sees a message handed to a batch (InvoiceIssued, ADR 0129) as done; the store knows when its batch is.
        if (until is null) await Services.WaitForIdleBusAsync(limit);
        return tracked;
    }

    /// <summary>
    /// Waits until the bus is idle (<see cref="BusIdle.WaitForIdleBusAsync"/>); never a blind sleep. With a manual clock,
    /// the time it moved since the last wait is applied to Wolverine's scheduled messages first (its scheduler runs on
    /// the machine's clock).
    /// </summary>
    public async Task WaitForBusIdleAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        if (Clock is not null && Clock.GetUtcNow() - Clock.ToldToScheduler is { } moved && moved != TimeSpan.Zero)
        {
            await Database.ScalarAsync<int>(
                "WITH moved AS (UPDATE wolverine.wolverine_incoming_envelopes SET execution_time = execution_time - @p0 WHERE status = 'Scheduled' RETURNING 1) SELECT count(*) FROM moved",
                moved);
            Clock.ToldToScheduler = Clock.GetUtcNow();
        }
        await Services.WaitForIdleBusAsync(limit);
    }

    /// <summary>
    /// When the messages of a type (its stable alias) waiting in Wolverine's store are due, on the machine's clock (the
    /// platform's too unless the test moves a manual clock), for those whose JSON contains <paramref name="jsonFragment"/>
    /// (e.g. <c>"equipmentId":"…"</c>); earliest first.
    /// </summary>
    public async Task<IReadOnlyList<DateTimeOffset>> ScheduledAsync(string messageAlias, string jsonFragment = "")
    {
        await using var connection = new NpgsqlConnection(Database.AssertionConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT execution_time FROM wolverine.wolverine_incoming_envelopes WHERE status = 'Scheduled' AND message_type = @alias AND strpos(encode(body, 'escape'), @fragment) > 0 ORDER BY 1",
            connection);
        command.Parameters.AddWithValue("alias", messageAlias);
        command.Parameters.AddWithValue("fragment", jsonFragment);
        var due = new List<DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            due.Add(reader.GetFieldValue<DateTimeOffset>(0));
        }
        return due;
    }

    /// <summary>Reads a module's Marten store directly, for assertions.</summary>
    public async Task<T> QueryStoreAsync<TStore, T>(Func<IQuerySession, Task<T>> query) where TStore : IDocumentStore
    {
        await using var session = Services.GetRequiredService<TStore>().QuerySession();
        return await query(session);
    }

    private sealed record TokenResponse(string AccessToken);
}

public sealed record Structure(Guid EntityId, Guid LilleOfficeId, Guid ParisOfficeId, Guid OtherEntityId, Guid OtherEntityOfficeId);

/// <summary>A clock the test moves by hand: scheduled deliveries come due without waiting.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>
    /// The time Wolverine's scheduled messages were last moved to (its scheduler runs on the machine's clock): kept with the
    /// clock, so that hosts sharing it move them once, not once per host (which would make them come due early).
    /// </summary>
    internal DateTimeOffset ToldToScheduler { get; set; } = now;

    public void Advance(TimeSpan by) => _now += by;
}
