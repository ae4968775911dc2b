using System.Collections.Concurrent;
using System.Runtime.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Governance.Contracts;
using Wolverine;

namespace Smart.IntegrationTests.Messaging;

/// <summary>
/// A test-only module subscribing to Governance's MemberRegistered, whose handler fails on demand: it proves
/// retries, dead letters and replay on the real bus and database, without touching a real module.
/// </summary>
public sealed class ProbeModule() : Module("Probe", ProbeDbContext.SchemaName, typeof(ProbeDbContext))
{
    public ProbeFaults Faults { get; } = new();

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        base.AddServices(services, configuration);
        services.AddSingleton(Faults);
    }

    /// <summary>No migrations for a test module: its tables come straight from the model.</summary>
    public override async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().GetService<IRelationalDatabaseCreator>().CreateTablesAsync(cancellationToken);
    }
}

public sealed class ProbeFaults
{
    /// <summary>Per e-mail: how many deliveries fail before one succeeds (int.MaxValue: always).</summary>
    public ConcurrentDictionary<string, int> FailuresToThrow { get; } = new();

    public ConcurrentDictionary<string, int> Attempts { get; } = new();
}

public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "probe";

    public override string Schema => SchemaName;

    public DbSet<ProbeRecord> Records => Set<ProbeRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProbeRecord>().ToTable("records").HasKey(r => r.Id);
        base.OnModelCreating(modelBuilder);
    }

    protected override bool ConfigurationBelongsHere(Type configurationType) => false;
}

public sealed class ProbeRecord
{
    public Guid Id { get; set; }
    public Guid MemberId { get; set; }
    public required string Email { get; set; }
}

/// <summary>A command of the probe module, scheduled for later delivery.</summary>
[DataContract(Name = "probe.record-later.v1")]
public sealed record RecordLater(Guid MemberId, string Email);

/// <summary>Probe command whose handler schedules <see cref="RecordLater"/>: scheduling happens inside a handler.</summary>
public sealed record ScheduleRecord(Guid MemberId, string Email, DateTimeOffset At);

public sealed class ProbeHandler(ProbeDbContext db, ProbeFaults faults, IMessageBus bus)
{
    public Task HandleAsync(MemberRegistered registered)
    {
        var attempt = faults.Attempts.AddOrUpdate(registered.Email, 1, (_, n) => n + 1);
        if (faults.FailuresToThrow.TryGetValue(registered.Email, out var failures) && attempt <= failures)
        {
            throw new InvalidOperationException($"Probe fault {attempt} for {registered.Email}");
        }
        db.Records.Add(new ProbeRecord { Id = Guid.NewGuid(), MemberId = registered.MemberId, Email = registered.Email });
        return Task.CompletedTask;
    }

    public ValueTask HandleAsync(ScheduleRecord command) => bus.ScheduleAsync(new RecordLater(command.MemberId, command.Email), command.At);

    public void Handle(RecordLater command) =>
        db.Records.Add(new ProbeRecord { Id = Guid.NewGuid(), MemberId = command.MemberId, Email = command.Email });
}
