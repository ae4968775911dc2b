using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Domain;
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
    /// The types stored with their private state (<see cref="AggregateState"/>): aggregates and the value objects they
    /// hold, whose setters and constructors are private.
    /// </param>
    public static void AddModuleStore<TStore>(this IServiceCollection services, IConfiguration configuration, string schema, Type[] aggregates,
        Action<StoreOptions> configure) where TStore : class, IDocumentStore =>
        services.AddMartenStore<TStore>(options =>
            {
                options.Connection(configuration.GetSmartConnectionString());
                options.DatabaseSchemaName = schema;
                options.AutoCreateSchemaObjects = AutoCreate.None;
                options.DisableNpgsqlLogging = true;
                var state = new AggregateState(aggregates);
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, configure: json =>
                    json.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { state.Include } });
                configure(options);
            })
            .IntegrateWithWolverine();

    /// <summary>
    /// Aggregates keep their state private (private setters and constructors, private lists); the document is that
    /// state. Properties without a setter are derived from it and not stored, nor is <see cref="AggregateRoot.Version"/>:
    /// the revision lives in Marten's <c>mt_version</c>.
    /// </summary>
    private sealed class AggregateState(Type[] stored)
    {
        public void Include(JsonTypeInfo info)
        {
            if (info.Kind != JsonTypeInfoKind.Object || !stored.Contains(info.Type)) return;
            var constructor = info.Type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, Type.EmptyTypes)
                ?? throw new InvalidOperationException($"{info.Type} needs a parameterless constructor to be loaded.");
            info.CreateObject = () => constructor.Invoke(null);

            foreach (var property in info.Properties.ToList())
            {
                var setter = (property.AttributeProvider as PropertyInfo)?.GetSetMethod(nonPublic: true);
                if (setter is null || property.Name == nameof(AggregateRoot.Version))
                {
                    info.Properties.Remove(property);
                }
                else
                {
                    property.Set ??= (target, value) => setter.Invoke(target, [value]);
                }
            }

            foreach (var field in info.Type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic).Where(f => !f.IsDefined(typeof(CompilerGeneratedAttribute))))
            {
                var name = field.Name.TrimStart('_');
                var state = info.CreateJsonPropertyInfo(field.FieldType, char.ToUpperInvariant(name[0]) + name[1..]);
                state.Get = field.GetValue;
                state.Set = field.SetValue;
                info.Properties.Add(state);
            }
        }
    }
}
