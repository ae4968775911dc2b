using System.Collections.Concurrent;
using System.Runtime.Serialization;
using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Governance.Contracts;
using Wolverine;
using Wolverine.Marten;

namespace Smart.IntegrationTests.Messaging;

/// <summary>
/// A test-only module subscribing to Governance's MemberRegistered, whose handler fails on demand: it proves
/// retries, dead letters and replay on the real bus and database, without touching a real module. It stores what
/// it handled in its own Marten store (schema <c>probe</c>), enlisted in the outbox like a real module's.
/// </summary>
public sealed class ProbeModule() : Module("Probe")
{
    public ProbeFaults Faults { get; } = new();

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleStore<IProbeStore>("probe", [], m => m.Schema.For<ProbeRecord>().Index(r => r.MemberId));
        services.AddSingleton(Faults);
    }

    public override void ConfigureBus(WolverineOptions opts)
    {
        opts.Policies.UseAncillaryStorageFromAssemblyContaining<IProbeStore>(typeof(IProbeStore));
        opts.FollowInBatches<ProbeTally>();
    }

    public override Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IProbeStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
}

/// <summary>The probe's own Marten store.</summary>
public interface IProbeStore : IDocumentStore;

public sealed class ProbeFaults
{
    /// <summary>Per e-mail: how many deliveries fail before one succeeds (int.MaxValue: always).</summary>
    public ConcurrentDictionary<string, int> FailuresToThrow { get; } = new();

    /// <summary>The e-mails whose failures say that a fact another message brings has not arrived yet.</summary>
    public ConcurrentDictionary<string, byte> Waiting { get; } = new();

    public ConcurrentDictionary<string, int> Attempts { get; } = new();
}

public sealed record ProbeRecord(Guid Id, Guid MemberId, string Email);

/// <summary>A probe event handled in batches, failing on demand per e-mail like MemberRegistered.</summary>
[DataContract(Name = "probe.tally.v1")]
public sealed record ProbeTally(Guid MemberId, string Email);

/// <summary>A command of the probe module, scheduled for later delivery.</summary>
[DataContract(Name = "probe.record-later.v1")]
public sealed record RecordLater(Guid MemberId, string Email);

/// <summary>Probe command whose handler schedules <see cref="RecordLater"/>: scheduling happens inside a handler.</summary>
public sealed record ScheduleRecord(Guid MemberId, string Email, DateTimeOffset At);

public sealed class ProbeHandler(ProbeFaults faults)
{
    public void Handle(MemberRegistered registered, IDocumentSession session)
    {
        var attempt = faults.Attempts.AddOrUpdate(registered.Email, 1, (_, n) => n + 1);
        if (faults.FailuresToThrow.TryGetValue(registered.Email, out var failures) && attempt <= failures)
        {
            var fault = $"Probe fault {attempt} for {registered.Email}";
            throw faults.Waiting.ContainsKey(registered.Email) ? new Smart.BuildingBlocks.Bus.NotArrivedYetException(fault) : new InvalidOperationException(fault);
        }
        session.Store(new ProbeRecord(Guid.NewGuid(), registered.MemberId, registered.Email));
    }

    /// <summary>A tally whose e-mail fails is a straggler: the others are stored, it goes back alone.</summary>
    public async Task Handle(ProbeTally[] tallies, IDocumentSession session, IMessageContext context)
    {
        var stragglers = new BatchStragglers<ProbeTally>(tallies, context);
        foreach (var tally in tallies)
        {
            var attempt = faults.Attempts.AddOrUpdate(tally.Email, 1, (_, n) => n + 1);
            if (faults.FailuresToThrow.TryGetValue(tally.Email, out var failures) && attempt <= failures)
            {
                stragglers.Add(tally, new InvalidOperationException($"Probe fault {attempt} for {tally.Email}"));
                continue;
            }
            session.Store(new ProbeRecord(Guid.NewGuid(), tally.MemberId, tally.Email));
        }
        await stragglers.SendBackAsync();
    }

    public ScheduledMessage<RecordLater> Handle(ScheduleRecord command) => new RecordLater(command.MemberId, command.Email).ScheduledAt(command.At);

    public void Handle(RecordLater command, IDocumentSession session) =>
        session.Store(new ProbeRecord(Guid.NewGuid(), command.MemberId, command.Email));
}
