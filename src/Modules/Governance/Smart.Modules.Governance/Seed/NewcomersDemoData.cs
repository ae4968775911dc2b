using Marten;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Newcomers;

namespace Smart.Modules.Governance.Seed;

/// <summary>
/// Member life in the demo: every entity's rules (SmartFr's thresholds) since its first settings, and a welcome path
/// for each member of less than six months, ticked by the other modules' demo events as they arrive.
/// </summary>
internal static class NewcomersDemoData
{
    /// <summary>Answers the rules' events, published with the rest of the seed (the report reads the typology's thresholds from them).</summary>
    public static IReadOnlyList<MemberLifeRulesSet> Seed(IDocumentSession session, IReadOnlyList<CooperativeEntity> entities, IReadOnlyList<Member> members,
        DateOnly today)
    {
        var rules = entities.Select(entity =>
        {
            var since = entity.Settings.Min(s => s.EffectiveFrom);
            return MemberLifeRules.From(entity.Id, since, MemberLifeThresholds.SmartFr, since);
        }).ToList();
        session.Insert<MemberLifeRules>(rules);
        var newcomerSince = today.AddMonths(-MemberLifeThresholds.SmartFr.NewcomerMonths);
        session.Insert<WelcomePath>(members.Where(m => m.RegisteredOn > newcomerSince)
            .Select(m => WelcomePath.Open(m.Id, m.EntityId, m.OfficeId, m.RegisteredOn)).ToList());
        return rules.Select(r => r.ToRulesSet(today)).ToList();
    }
}
