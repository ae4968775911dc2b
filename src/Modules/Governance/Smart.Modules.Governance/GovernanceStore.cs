using Marten;
using Marten.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Offices;

namespace Smart.Modules.Governance;

/// <summary>Governance's own Marten store (schema <c>governance</c>): entities, offices and members as JSON documents.</summary>
public interface IGovernanceStore : IDocumentStore;

/// <summary>How Governance's aggregates are stored: all the Marten configuration of the module, kept out of the domain.</summary>
internal static class GovernanceStore
{
    public const string Schema = "governance";

    public static void AddGovernanceStore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleStore<IGovernanceStore>(configuration, Schema,
            [typeof(CooperativeEntity), typeof(EntitySettingsVersion), typeof(Office), typeof(Member), .. CooperativeLifeStore.Aggregates], m =>
            {
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
                m.AddCooperativeLife();
            });
}
