using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.Serialization;
using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;

namespace Smart.Benchmarks;

/// <summary>
/// A bench-only module: a command that stores a ping and publishes an event in one transaction (its own Marten store,
/// schema <c>bench</c>, enlisted in the outbox like a real module's), and a subscriber that notes when it ran.
/// </summary>
public sealed class BenchModule() : Module("Bench")
{
    public Arrivals Arrivals { get; } = new();

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleStore<IBenchStore>("bench", [], m => m.Schema.For<Ping>());
        services.AddSingleton(Arrivals);
    }

    public override void ConfigureBus(WolverineOptions opts) =>
        opts.Policies.UseAncillaryStorageFromAssemblyContaining<IBenchStore>(typeof(IBenchStore));

    public override Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IBenchStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
}

/// <summary>The bench module's own Marten store.</summary>
public interface IBenchStore : IDocumentStore;

public sealed class Arrivals
{
    /// <summary>When the sending handler published the event, just before its transaction commits.</summary>
    public ConcurrentDictionary<Guid, long> Sent { get; } = new();

    public ConcurrentDictionary<Guid, long> At { get; } = new();
}

public sealed record SendPing(Guid Id);

public sealed record Ping(Guid Id);

[DataContract(Name = "bench.ping-sent.v1")]
public sealed record PingSent(Guid Id);

public sealed class PingHandler(Arrivals arrivals)
{
    public PingSent Handle(SendPing command, IDocumentSession session)
    {
        session.Store(new Ping(command.Id));
        arrivals.Sent[command.Id] = Stopwatch.GetTimestamp();
        return new PingSent(command.Id);
    }

    public void Handle(PingSent ping) => arrivals.At[ping.Id] = Stopwatch.GetTimestamp();
}
