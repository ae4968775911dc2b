using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Marten.Schema;
using Smart.Modules.Governance.Domain.Assemblies;
using Smart.Modules.Governance.Domain.Board;
using Smart.Modules.Governance.Domain.Shareholding;

namespace Smart.Modules.Governance;

/// <summary>
/// The Marten configuration of the cooperative's life (shareholders, assemblies, ballots, board), kept apart from
/// <see cref="GovernanceStore"/> so that each part of Governance registers its own types.
/// </summary>
internal static class CooperativeLifeStore
{
    /// <summary>Stored with their private state.</summary>
    public static readonly Type[] Aggregates = [typeof(GovernanceRules), typeof(Assembly), typeof(ProxyHolding), typeof(BoardMandate)];

    public static void AddCooperativeLife(this StoreOptions m)
    {
        // A shareholder's stream id is the shareholder's; a ballot's is its keyed hash (Ballots.cs).
        m.Events.StreamIdentity = StreamIdentity.AsGuid;
        m.Events.AddEventTypes([typeof(ShareholderAdmitted), typeof(SharesSubscribed), typeof(SharesPaid), typeof(ShareholderExited), typeof(SharesRefunded),
            typeof(BallotCast)]);
        m.Projections.Add(new ShareholderProjection(), ProjectionLifecycle.Inline);
        m.Projections.Add(new BallotProjection(), ProjectionLifecycle.Inline);

        m.Schema.For<GovernanceRules>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(r => r.Version));
        m.Schema.For<Shareholder>().Index(s => s.EntityId).Index(s => s.MemberId).Index(s => s.OfficeId);
        m.Schema.For<Assembly>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(a => a.Version)).Index(a => a.EntityId);
        m.Schema.For<ProxyHolding>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(p => p.Version)).Index(p => p.AssemblyId);
        m.Schema.For<Participation>().Index(p => p.AssemblyId);
        m.Schema.For<Ballot>().Index(b => b.AssemblyId).Index(b => b.ReceiptHash);
        m.Schema.For<BallotBoxKey>();
        m.Schema.For<BoardMandate>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(b => b.Version)).Index(b => b.EntityId)
            .Index(b => b.ShareholderId);
    }

    private sealed class ShareholderProjection : SingleStreamProjection<Shareholder, Guid>
    {
        public ShareholderProjection()
        {
            IncludeType<ShareholderAdmitted>();
            IncludeType<SharesSubscribed>();
            IncludeType<SharesPaid>();
            IncludeType<ShareholderExited>();
            IncludeType<SharesRefunded>();
        }

        public override Shareholder? Evolve(Shareholder? snapshot, Guid id, IEvent e) => e.Data switch
        {
            ShareholderAdmitted admitted => Shareholder.Admitted(admitted),
            IRegisterEvent movement => snapshot!.After(movement),
            _ => snapshot,
        };
    }

    private sealed class BallotProjection : SingleStreamProjection<Ballot, Guid>
    {
        public BallotProjection() => IncludeType<BallotCast>();

        public override Ballot? Evolve(Ballot? snapshot, Guid id, IEvent e) => e.Data is BallotCast cast
            ? snapshot is null ? Ballot.Cast(id, cast) : snapshot.Recast(cast)
            : snapshot;
    }
}
