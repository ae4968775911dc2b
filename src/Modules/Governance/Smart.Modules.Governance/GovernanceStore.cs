using Marten;
using Marten.Schema;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Persistence;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Aggregation;
using Smart.Modules.Governance.Domain.Committees;
using Smart.Modules.Governance.Domain.Directory;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Offices;
using Smart.Modules.Governance.Domain.Proposals;
using Smart.Modules.Governance.Features.Directory;

namespace Smart.Modules.Governance;

/// <summary>Governance's own Marten store (schema <c>governance</c>): entities, offices and members as JSON documents.</summary>
public interface IGovernanceStore : IDocumentStore;

/// <summary>How Governance's aggregates are stored: all the Marten configuration of the module, kept out of the domain.</summary>
internal static class GovernanceStore
{
    public const string Schema = "governance";

    public static void AddGovernanceStore(this IServiceCollection services) =>
        services.AddModuleStore<IGovernanceStore>(Schema,
            [typeof(CooperativeEntity), typeof(EntitySettingsVersion), typeof(EntityLegalIdentityVersion), typeof(Office), typeof(AdvisorAssignment), typeof(Member),
             typeof(Committee), typeof(Referral), typeof(DirectoryProfile), typeof(ConsultationRules),
             .. CooperativeLifeStore.Aggregates, .. NewcomersStore.Aggregates], m =>
            {
                // Every aggregate carries a revision: a save states the revision it read, and a stale one is a 409.
                m.Schema.For<CooperativeEntity>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(e => e.Version))
                    .UniqueIndex(UniqueIndexType.Computed, "entities_code", e => e.Code);
                m.Schema.For<Office>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(o => o.Version))
                    .UniqueIndex(UniqueIndexType.Computed, "offices_entity_name", o => o.EntityId, o => o.Name);
                m.Schema.For<AdvisorAssignment>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(a => a.Version))
                    .Index(a => a.OfficeId).Index(a => a.EntityId).Index(a => a.Email);
                m.Schema.For<Member>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(o => o.Version))
                    .UniqueIndex(UniqueIndexType.Computed, "members_entity_email", o => o.EntityId, o => o.Email)
                    .Index(o => o.OfficeId);

                m.Schema.For<Committee>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(c => c.Version))
                    .UniqueIndex(UniqueIndexType.Computed, "committees_entity_key", c => c.EntityId, c => c.Key);
                m.Schema.For<Referral>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(r => r.Version))
                    .Index(r => r.CommitteeId).Index(r => r.ReferrerId);
                // Searched by French full text over the shown fields only (folded without accents, see DirectoryProfile.Fold).
                m.Schema.For<DirectoryProfile>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(p => p.Version))
                    .Index(p => p.EntityId).Index(p => p.ShownOfficeId)
                    .FullTextIndex(DirectorySearch.Language, p => p.SearchText);
                m.Schema.For<ConsultationRules>()
                    .UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(r => r.Version))
                    .UniqueIndex(UniqueIndexType.Computed, "consultation_rules_entity_date", r => r.EntityId, r => r.EffectiveFrom);

                // A proposal is an event stream (its consultation's record) with its snapshot saved inline.
                m.Events.StreamIdentity = StreamIdentity.AsGuid;
                m.Events.AddEventTypes(ProposalProjection.Events);
                m.Projections.Add(new ProposalProjection(), ProjectionLifecycle.Inline);
                m.Schema.For<Proposal>().Index(p => p.EntityId).Index(p => p.OfficeId);

                m.AddCooperativeLife();
                m.AddNewcomers();
            });

    /// <summary>Proposals' events only: the store holds other streams (shareholders, ballots) with their own projections.</summary>
    private sealed class ProposalProjection : SingleStreamProjection<Proposal, Guid>
    {
        public static readonly Type[] Events = [typeof(ProposalOpened), typeof(ProposalCommented), typeof(ProposalSupported), typeof(ProposalSupportWithdrawn),
            typeof(ProposalReachedItsSupports), typeof(ProposalHandedToCommittee), typeof(ProposalAnswered), typeof(ProposalWithdrawn)];

        public ProposalProjection()
        {
            foreach (var type in Events) IncludeType(type);
        }

        public override Proposal? Evolve(Proposal? snapshot, Guid id, IEvent e) => e.Data switch
        {
            ProposalOpened opened => Proposal.Opened(opened),
            IProposalEvent change => snapshot!.After([change]),
            _ => snapshot,
        };
    }
}
