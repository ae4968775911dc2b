using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;

namespace Smart.Benchmarks;

/// <summary>A bench-only module: a command that publishes an event, and a subscriber that notes when it ran.</summary>
public sealed class BenchModule() : Module("Bench", BenchDbContext.SchemaName, typeof(BenchDbContext))
{
    public Arrivals Arrivals { get; } = new();

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        base.AddServices(services, configuration);
        services.AddSingleton(Arrivals);
    }

    public override async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BenchDbContext>().GetService<IRelationalDatabaseCreator>().CreateTablesAsync(cancellationToken);
    }
}

public sealed class Arrivals
{
    /// <summary>When the sending handler published the event, just before its transaction commits.</summary>
    public ConcurrentDictionary<Guid, long> Sent { get; } = new();

    public ConcurrentDictionary<Guid, long> At { get; } = new();
}

public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "bench";

    public override string Schema => SchemaName;

    protected override bool ConfigurationBelongsHere(Type configurationType) => false;
}

public sealed record SendPing(Guid Id);

[DataContract(Name = "bench.ping-sent.v1")]
public sealed record PingSent(Guid Id);

public sealed class PingHandler(IMessageBus bus, Arrivals arrivals)
{
    public ValueTask HandleAsync(SendPing command)
    {
        arrivals.Sent[command.Id] = Stopwatch.GetTimestamp();
        return bus.PublishAsync(new PingSent(command.Id));
    }

    public void Handle(PingSent ping) => arrivals.At[ping.Id] = Stopwatch.GetTimestamp();
}
