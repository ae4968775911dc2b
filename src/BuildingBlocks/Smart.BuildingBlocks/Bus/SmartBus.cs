using System.Text.Json.Serialization;
using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Mail;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Postgresql;
using Wolverine.Util;

namespace Smart.BuildingBlocks.Bus;

/// <summary>
/// The host's one bus, Wolverine: a durable message store in PostgreSQL (schema <see cref="Schema"/>) shared by every
/// module, durable local queues, each module handling an event on its own, handlers and their transactions found in
/// the module assemblies, validation, and retries by kind of failure.
/// </summary>
public static class SmartBus
{
    public const string Schema = "wolverine";

    private static readonly Lazy<bool> StableMessageNames = new(() =>
    {
        WolverineMessageNaming.InsertFirst<DataContractMessageNaming>();
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Wolverine names messages through a static list, read by every bus it builds: the stable names are added to it once
    /// per process, before the first host builds its bus. Added by each host as it configured its bus, the list changed
    /// under another host being built at the same moment (the tests' fixtures start in parallel), which failed with a
    /// NullReferenceException in Wolverine's naming and took the classes sharing that start down with it.
    /// </summary>
    public static void UseStableMessageNames() => _ = StableMessageNames.Value;

    /// <summary>
    /// A module's event that other modules follow in batches (ADR 0129, 0130): one stored envelope per event, then one
    /// transaction per following module for the events of the moment (at most <see cref="EventBatchSize"/>; an event waits
    /// at most <see cref="EventBatchTrigger"/> for its batch to go). Each follower handles <c>T[]</c>; declared by the
    /// module that publishes the event.
    /// </summary>
    public static void FollowInBatches<T>(this WolverineOptions opts) => opts.BatchMessagesOf<T>(batching =>
    {
        batching.BatchSize = EventBatchSize;
        batching.TriggerTime = EventBatchTrigger;
    });

    public const int EventBatchSize = 100;

    private static readonly TimeSpan EventBatchTrigger = TimeSpan.FromMilliseconds(50);

    public static WolverineOptions UseSmartBus(this WolverineOptions opts, IConfiguration configuration, IEnumerable<IModule> modules)
    {
        var settings = configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();

        UseStableMessageNames();
        // Contracts speak enums; on the wire and in the message store they are names, so reordering one breaks nothing stored.
        opts.UseSystemTextJsonForSerialization(json => json.Converters.Add(new JsonStringEnumConverter()));
        // On the host's one connection pool (AddSmartPlatform), shared with the modules' stores.
        opts.PersistMessagesWithPostgresqlUsingDataSourceFromContainer(services => services.GetRequiredService<NpgsqlDataSource>(), Schema);
        opts.Durability.MessageStorageSchemaName = Schema;
        opts.Durability.Mode = settings.DurabilityMode;
        opts.Durability.ScheduledJobPollingTime = settings.ScheduledPollingInterval;
        opts.Durability.ScheduledJobFirstExecution = settings.ScheduledPollingInterval;
        opts.Durability.RecoveryBatchSize = settings.ScheduledBatchSize;
        opts.Durability.DurabilityMetricsEnabled = settings.DurabilityMetrics;
        // One delivery per (message, handling module): the inbox key is the id and the module's queue.
        opts.Durability.MessageIdentity = MessageIdentity.IdAndDestination;
        opts.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
        opts.Policies.AutoApplyTransactions();
        opts.Policies.UseDurableLocalQueues();
        // Handlers take scoped services built by factories (the current user).
        opts.ServiceLocationPolicy = ServiceLocationPolicy.AlwaysAllowed;

        foreach (var module in modules)
        {
            opts.Discovery.IncludeAssembly(module.GetType().Assembly);
            module.ConfigureBus(opts);
        }

        opts.UseSmartMail(configuration);

        opts.Services.AddSingleton<MessageValidators>();
        opts.Services.AddHostedService<HandlerWarmUp>();
        opts.Policies.Add<MessageValidationPolicy>();

        // A document saved over a newer revision (Marten): run the handler again at once on fresh state, where the domain
        // decides (often a rule's 409); after two tries the conflict is the caller's 409.
        opts.OnException<ConcurrencyException>().RetryTimes(2);
        // A message that is wrong, or that breaks a rule, fails the same way every time: straight to dead letters.
        opts.OnException<ValidationException>().Or<BusinessRuleViolationException>().MoveToErrorQueue();
        // A fact another message brings, not handled yet: it usually is milliseconds later, so retried soon and often.
        opts.OnException<NotArrivedYetException>().ScheduleRetry(settings.ParsedWaitRetryDelays()).Then.MoveToErrorQueue();
        // Anything else may pass (a member not known yet, a database hiccup): retried later, durably. Scheduled
        // retries never run inline, so a command invoked by an HTTP request still fails at once (404, 409…).
        opts.OnAnyException().ScheduleRetry(settings.ParsedRetryDelays()).Then.MoveToErrorQueue();
        return opts;
    }
}
