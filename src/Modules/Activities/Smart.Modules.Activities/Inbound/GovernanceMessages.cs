using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.EntityRulesCopy;
using Smart.Modules.Activities.Members;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Activities.Inbound;

// Governance's events: Activities keeps its copies of the entities' rules and of the members.

public sealed class EntitySettingsChangedHandler(Persistence.ActivitiesDbContext db)
{
    public async Task HandleAsync(EntitySettingsChanged changed, CancellationToken cancellationToken)
    {
        if (await db.EntityRules.FindAsync([changed.EntityId, changed.EffectiveFrom], cancellationToken) is null)
        {
            db.EntityRules.Add(EntityRules.From(changed));
        }
    }
}

public sealed class MemberRegisteredHandler(Persistence.ActivitiesDbContext db)
{
    public async Task HandleAsync(MemberRegistered registered, CancellationToken cancellationToken)
    {
        // The inbox already filters redeliveries; the check keeps a replayed copy of an old event harmless too.
        if (await db.Members.FindAsync([registered.MemberId], cancellationToken) is null)
        {
            db.Members.Add(Member.From(registered));
        }
    }
}
