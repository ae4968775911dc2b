using Smart.BuildingBlocks.Security;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Offices;

namespace Smart.Modules.Governance.Features;

/// <summary>
/// Who sees what: a member sees only themself, an advisor the members of their office, operators and admins
/// those of their entity; a platform admin (no entity) sees everything. What is not visible does not exist (404).
/// </summary>
internal static class Visibility
{
    public static IQueryable<CooperativeEntity> VisibleTo(this IQueryable<CooperativeEntity> entities, ICurrentUser user) =>
        user.EntityId is { } entityId ? entities.Where(e => e.Id == entityId)
        : IsPlatformAdmin(user) ? entities
        : entities.Where(_ => false);

    public static IQueryable<Office> VisibleTo(this IQueryable<Office> offices, ICurrentUser user) =>
        user.EntityId is { } entityId ? offices.Where(o => o.EntityId == entityId)
        : IsPlatformAdmin(user) ? offices
        : offices.Where(_ => false);

    public static IQueryable<Member> VisibleTo(this IQueryable<Member> members, ICurrentUser user)
    {
        if (IsPlatformAdmin(user)) return members;
        if ((user.IsInRole(SmartRoles.Admin) || user.IsInRole(SmartRoles.Operator)) && user.EntityId is { } entityId)
        {
            return members.Where(m => m.EntityId == entityId);
        }
        if (user.IsInRole(SmartRoles.Advisor) && user.OfficeId is { } officeId)
        {
            return members.Where(m => m.OfficeId == officeId);
        }
        return user.MemberId is { } memberId ? members.Where(m => m.Id == memberId) : members.Where(_ => false);
    }

    private static bool IsPlatformAdmin(ICurrentUser user) => user.IsInRole(SmartRoles.Admin) && user.EntityId is null;
}
