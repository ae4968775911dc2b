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
                    json.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { PrivateStateJson.Of(typeof(CooperativeEntity), typeof(EntitySettingsVersion), typeof(Office), typeof(Member)) } });

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
}
