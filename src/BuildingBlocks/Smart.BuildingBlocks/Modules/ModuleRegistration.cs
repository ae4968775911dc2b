using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Smart.BuildingBlocks.Messaging;
using Smart.BuildingBlocks.Persistence;

namespace Smart.BuildingBlocks.Modules;

public static class ModuleRegistration
{
    /// <summary>The bus, its outbox dispatcher, the shared connection pool; call once, before the modules.</summary>
    public static IServiceCollection AddSmartPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleCatalog());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(configuration.GetSmartConnectionString()).Build());
        services.Configure<BusOptions>(configuration.GetSection(BusOptions.Section));
        services.AddSingleton<HandlerRegistry>();
        services.AddSingleton<MessageTypes>();
        services.AddSingleton<MessagePipeline>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<DeadLetterStore>();
        services.AddScoped<MessageContext>();
        services.AddScoped<IMessageBus, MessageBus>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>
    /// Adds one module: its own services, then its handlers and validators found by scanning its assembly only
    /// (internal types included), so no subscription list is kept by hand.
    /// </summary>
    public static IServiceCollection AddSmartModule(this IServiceCollection services, IModule module, IConfiguration configuration)
    {
        var catalog = (ModuleCatalog?)services.LastOrDefault(d => d.ServiceType == typeof(ModuleCatalog))?.ImplementationInstance
            ?? throw new InvalidOperationException("Call AddSmartPlatform before adding modules.");
        catalog.Add(module);
        module.AddServices(services, configuration);
        var assembly = module.GetType().Assembly;
        foreach (var handler in HandlerRegistry.HandlerTypes(assembly).Where(t => !t.IsAbstract))
        {
            services.TryAddScoped(handler);
        }
        services.Scan(scan => scan.FromAssemblies(assembly)
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)), publicOnly: false)
            .AsImplementedInterfaces(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .WithScopedLifetime());
        return services;
    }

    /// <summary>Delivers every outbox message due now, in this process (start-up seeding; see <see cref="OutboxDispatcher.DeliverDueAsync"/>).</summary>
    public static Task DeliverDueMessagesAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(cancellationToken);

    /// <summary>Applies every module's migrations, each into its own schema with its own history table.</summary>
    public static async Task MigrateModulesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var catalog = services.GetRequiredService<ModuleCatalog>();
        foreach (var module in catalog.Modules)
        {
            await using var scope = services.CreateAsyncScope();
            await module.MigrateAsync(scope.ServiceProvider, cancellationToken);
        }
    }
}
