using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using JasperFx;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Offices;
using Weasel.Core;
using Wolverine.Marten;

namespace Smart.Modules.Governance;

/// <summary>Governance's own Marten store (schema <c>governance</c>): entities, offices and members as JSON documents.</summary>
public interface IGovernanceStore : IDocumentStore;

/// <summary>How Governance's aggregates are stored: all the Marten configuration of the module, kept out of the domain.</summary>
internal static class GovernanceStore
{
    public const string Schema = "governance";

    /// <summary>
    /// The store, enlisted in Wolverine's outbox: a handler's documents and the messages it publishes commit in one
    /// transaction. The schema is applied by the module's migration, not on the fly.
    /// </summary>
    public static void AddGovernanceStore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddMartenStore<IGovernanceStore>(m =>
            {
                m.Connection(configuration.GetSmartConnectionString());
                m.DatabaseSchemaName = Schema;
                m.AutoCreateSchemaObjects = AutoCreate.None;
                m.DisableNpgsqlLogging = true;
                m.UseSystemTextJsonForSerialization(EnumStorage.AsString, configure: json =>
                    json.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AggregateState.Include } });

                // Every aggregate carries a revision: a save states the revision it read, and a stale one is a 409.
                m.Schema.For<CooperativeEntity>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(e => e.Version))
                    .UniqueIndex(UniqueIndexType.Computed, "entities_code", e => e.Code);
                m.Schema.For<Office>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(o => o.Version))
                    .UniqueIndex(UniqueIndexType.Computed, "offices_entity_name", o => o.EntityId, o => o.Name);
                m.Schema.For<Member>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(o => o.Version))
                    .UniqueIndex(UniqueIndexType.Computed, "members_entity_email", o => o.EntityId, o => o.Email)
                    .Index(o => o.OfficeId);
            })
            .IntegrateWithWolverine();

    /// <summary>
    /// Aggregates keep their state private (private setters and constructors, a private list of settings versions);
    /// the document is that state. Properties without a setter (<c>Settings</c>, <c>DisplayName</c>) are derived from
    /// it and not stored, nor is <see cref="AggregateRoot.Version"/>: the revision lives in Marten's <c>mt_version</c>.
    /// </summary>
    private static class AggregateState
    {
        private static readonly Type[] Stored = [typeof(CooperativeEntity), typeof(EntitySettingsVersion), typeof(Office), typeof(Member)];

        public static void Include(JsonTypeInfo info)
        {
            if (info.Kind != JsonTypeInfoKind.Object || !Stored.Contains(info.Type)) return;
            var constructor = info.Type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes)
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

            foreach (var field in info.Type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic).Where(f => !f.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))))
            {
                var name = field.Name.TrimStart('_');
                var stored = info.CreateJsonPropertyInfo(field.FieldType, char.ToUpperInvariant(name[0]) + name[1..]);
                stored.Get = field.GetValue;
                stored.Set = field.SetValue;
                info.Properties.Add(stored);
            }
        }
    }
}
