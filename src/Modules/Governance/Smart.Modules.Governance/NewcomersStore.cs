using Marten;
using Marten.Schema;
using Smart.Modules.Governance.Domain.Newcomers;

namespace Smart.Modules.Governance;

/// <summary>The Marten configuration of newcomers and members' figures (welcome paths, sponsorship, typology, local budgets).</summary>
internal static class NewcomersStore
{
    /// <summary>Stored with their private state.</summary>
    public static readonly Type[] Aggregates = [typeof(MemberLifeRules), typeof(MemberFigures), typeof(WelcomePath)];

    public static void AddNewcomers(this StoreOptions m)
    {
        m.Schema.For<MemberLifeRules>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(r => r.Version))
            .UniqueIndex(UniqueIndexType.Computed, "member_life_rules_entity_date", r => r.EntityId, r => r.EffectiveFrom);
        // Several events of one member may be handled at once: a stale revision is retried on fresh state.
        m.Schema.For<MemberFigures>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(f => f.Version)).Index(f => f.EntityId);
        m.Schema.For<InvoiceCopy>();
        m.Schema.For<WelcomePath>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(p => p.Version))
            .Index(p => p.OfficeId).Index(p => p.SponsorId);
    }
}
