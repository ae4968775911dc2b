using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Smart.BuildingBlocks.Persistence;

namespace Smart.BuildingBlocks.Modules;

public static class ModuleRegistration
{
    /// <summary>The shared connection pool, the clock, the modules catalog; call once, before the modules.</summary>
    public static IServiceCollection AddSmartPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleCatalog());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(configuration.GetSmartConnectionString());
            // No DISCARD ALL when a connection goes back to the pool: it threw away the backend's cached plans, so every
            // Marten append or upsert (PL/pgSQL functions) was planned again on each use of a pooled connection (ADR 0126).
            // Nothing here leaves session state behind: locks are transaction-scoped, settings SET LOCAL.
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            // A statement sent twice on a connection is prepared there: PostgreSQL then neither parses nor plans it again
            // (the traffic is mostly Marten's upserts and loads and Wolverine's envelope statements, a few hundred texts; ADR 0127).
            builder.ConnectionStringBuilder.MaxAutoPrepare = 200;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            return builder.Build();
        });
        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>
    /// Adds one module: its own services, then its validators found by scanning its assembly only (internal types
    /// included). Its handlers are found by the bus in the same assembly.
    /// </summary>
    public static IServiceCollection AddSmartModule(this IServiceCollection services, IModule module, IConfiguration configuration)
    {
        var catalog = (ModuleCatalog?)services.LastOrDefault(d => d.ServiceType == typeof(ModuleCatalog))?.ImplementationInstance
            ?? throw new InvalidOperationException("Call AddSmartPlatform before adding modules.");
        catalog.Add(module);
        module.AddServices(services, configuration);
        // Validators are stateless: singletons, resolved once per message type by the bus's validation middleware.
        services.Scan(scan => scan.FromAssemblies(module.GetType().Assembly)
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)), publicOnly: false)
            .AsImplementedInterfaces(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .WithSingletonLifetime());
        return services;
    }

    /// <summary>Applies every module's migrations, each into its own schema.</summary>
    public static async Task MigrateModulesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        foreach (var module in services.GetRequiredService<ModuleCatalog>().Modules)
        {
            await module.MigrateAsync(services, cancellationToken);
        }
    }
}
