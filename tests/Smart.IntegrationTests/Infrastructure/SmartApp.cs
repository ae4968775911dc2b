using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Messaging;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;
using Smart.BuildingBlocks.Security;
using Smart.Host.Identity;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Seed;

namespace Smart.IntegrationTests.Infrastructure;

/// <summary>
/// The real host (all modules, the bus and its dispatcher) on its own real PostgreSQL database, with quick
/// retries so that failure tests run in milliseconds.
/// </summary>
public class SmartApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-password-2026!";

    private readonly List<IModule> _extraModules = [];
    private readonly Dictionary<string, string?> _settings = [];

    private readonly bool _ownsDatabase;

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

    public SmartApp WithManualClock(DateTimeOffset now)
    {
        Clock = new ManualClock(now);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Smart"] = Database.ConnectionString,
            ["Smart:SeedDemoData"] = "false",
            ["Smart:Bus:InitialRetryDelay"] = "00:00:00.020",
            ["Smart:Bus:MaxRetryDelay"] = "00:00:00.200",
            ["Smart:Bus:PollingInterval"] = "00:00:00.100",
            ["Smart:Bus:MaxAttempts"] = "3",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Smart.BuildingBlocks.Messaging.OutboxDispatcher"] = "None",
        }.Concat(_settings)));
        builder.ConfigureTestServices(services =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Smart"] = Database.ConnectionString }).Build();
            foreach (var module in _extraModules)
            {
                services.AddSmartModule(module, configuration);
            }
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    public virtual Task InitializeAsync()
    {
        _ = Server; // starts the host: migrations run, the dispatcher starts
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
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

    /// <summary>Waits until every module's outbox holds nothing due or being retried (delivered or dead-lettered); never a blind sleep.</summary>
    public async Task WaitForBusIdleAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await PendingDeliveriesAsync() == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The bus still has {await PendingDeliveriesAsync()} deliveries pending.");
            await Task.Delay(20);
        }
    }

    public async Task<int> PendingDeliveriesAsync()
    {
        var total = 0;
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var module in Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            // Due now, or waiting for a retry: both are still on their way.
            total += await db.OutboxMessages.CountAsync(m => m.DeliverAt <= now || m.Attempts > 0);
        }
        return total;
    }

    /// <summary>Runs a query on a module's DbContext, for assertions on what a module stored.</summary>
    public async Task<T> QueryAsync<TContext, T>(Func<TContext, Task<T>> query) where TContext : ModuleDbContext
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    private sealed record TokenResponse(string AccessToken);
}

public sealed record Structure(Guid EntityId, Guid LilleOfficeId, Guid ParisOfficeId, Guid OtherEntityId, Guid OtherEntityOfficeId);

/// <summary>A clock the test moves by hand: scheduled deliveries come due without waiting.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
