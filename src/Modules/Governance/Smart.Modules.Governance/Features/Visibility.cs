using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Offices;

namespace Smart.Modules.Governance.Features;

/// <summary>Governance's records under the platform's visibility rule (<see cref="Smart.BuildingBlocks.Security.Visibility"/>).</summary>
internal static class GovernanceVisibility
{
    public static IQueryable<CooperativeEntity> VisibleTo(this IQueryable<CooperativeEntity> entities, ICurrentUser user) =>
        entities.VisibleInEntityOf(user, e => e.Id);

    public static IQueryable<Office> VisibleTo(this IQueryable<Office> offices, ICurrentUser user) =>
        offices.VisibleInEntityOf(user, o => o.EntityId);

    public static IQueryable<Member> VisibleTo(this IQueryable<Member> members, ICurrentUser user) =>
        members.VisibleTo(user, m => m.EntityId, m => m.OfficeId, m => m.Id);

    /// <summary>The caller's own member record: what a member acts as (404 for a login tied to no member).</summary>
    public static async Task<Member> LoadCallerAsync(this IQuerySession session, ICurrentUser user, CancellationToken cancellationToken) =>
        user.MemberId is { } memberId && await session.LoadAsync<Member>(memberId, cancellationToken) is { } member
            ? member
            : throw new NotFoundException("Member", "me");
}
