using System.Text.Json.Serialization.Metadata;
using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Weasel.Core;
using Wolverine.Marten;

namespace Smart.BuildingBlocks.Persistence;

/// <summary>
/// A module's own Marten store (<c>I&lt;Module&gt;Store</c>) in the module's schema, enlisted in Wolverine's outbox: a
/// handler's documents, events and the messages it publishes commit in one transaction. The schema is applied by the
/// module's migration (<c>ApplyAllConfiguredChangesToDatabaseAsync</c>), never on the fly.
/// </summary>
public static class ModuleStores
{
    /// <param name="aggregates">
    /// The types stored with their private state (<see cref="PrivateStateJson"/>): aggregates and the value objects
    /// they hold, whose setters and constructors are private.
    /// </param>
    /// <returns>The store's registration, for what only some modules need (an async projection daemon).</returns>
    public static MartenServiceCollectionExtensions.MartenStoreExpression<TStore> AddModuleStore<TStore>(this IServiceCollection services,
        string schema, Type[] aggregates, Action<StoreOptions> configure) where TStore : class, IDocumentStore =>
        services.AddMartenStore<TStore>(provider =>
            {
                var options = new StoreOptions();
                // The host's one connection pool (AddSmartPlatform), not a pool per store: idle connections serve every module.
                options.Connection(provider.GetRequiredService<NpgsqlDataSource>());
                options.DatabaseSchemaName = schema;
                options.AutoCreateSchemaObjects = AutoCreate.None;
                options.DisableNpgsqlLogging = true;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, configure: json =>
                    json.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { PrivateStateJson.Of(aggregates) } });
                configure(options);
                return options;
            })
            .IntegrateWithWolverine();

}
