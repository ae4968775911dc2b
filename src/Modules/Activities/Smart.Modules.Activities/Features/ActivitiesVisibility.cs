using Smart.BuildingBlocks.Security;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Members;

namespace Smart.Modules.Activities.Features;

/// <summary>Activities' records under the platform's visibility rule: an activity is its coordinator's.</summary>
internal static class ActivitiesVisibility
{
    public static IQueryable<Activity> VisibleTo(this IQueryable<Activity> activities, ICurrentUser user) =>
        activities.VisibleTo(user, a => a.EntityId, a => a.OfficeId, a => a.CoordinatorId);

    public static IQueryable<Member> VisibleTo(this IQueryable<Member> members, ICurrentUser user) =>
        members.VisibleTo(user, m => m.EntityId, m => m.OfficeId, m => m.MemberId);

    /// <summary>Clients are shared by the activities of an entity: anyone tied to the entity may bill them.</summary>
    public static IQueryable<Client> VisibleTo(this IQueryable<Client> clients, ICurrentUser user) =>
        clients.VisibleInEntityOf(user, c => c.EntityId);
}
