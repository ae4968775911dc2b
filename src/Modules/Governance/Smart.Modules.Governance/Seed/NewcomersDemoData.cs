using Marten;
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
    public static void Seed(IDocumentSession session, IReadOnlyList<CooperativeEntity> entities, IReadOnlyList<Member> members, DateOnly today)
    {
        foreach (var entity in entities)
        {
            var since = entity.Settings.Min(s => s.EffectiveFrom);
            session.Insert(MemberLifeRules.From(entity.Id, since, MemberLifeThresholds.SmartFr, since));
        }
        var newcomerSince = today.AddMonths(-MemberLifeThresholds.SmartFr.NewcomerMonths);
        session.Insert<WelcomePath>(members.Where(m => m.RegisteredOn > newcomerSince)
            .Select(m => WelcomePath.Open(m.Id, m.EntityId, m.OfficeId, m.RegisteredOn)).ToList());
    }
}
