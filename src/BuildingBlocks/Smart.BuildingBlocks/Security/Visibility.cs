using System.Linq.Expressions;

namespace Smart.BuildingBlocks.Security;

/// <summary>
/// Who sees what, the same in every module: a member sees what is theirs, an advisor what belongs to their
/// office, operators and admins what belongs to their entity; a platform admin (an admin tied to no entity) sees
/// everything. What a caller may not see does not exist for them: handlers answer 404.
/// </summary>
public static class Visibility
{
    public static bool IsPlatformAdmin(this ICurrentUser user) => user.IsInRole(SmartRoles.Admin) && user.EntityId is null;

    /// <summary>Rows owned by a member, filed under an office of an entity (members, activities, payslips...).</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> rows, ICurrentUser user,
        Expression<Func<T, Guid>> entity, Expression<Func<T, Guid>> office, Expression<Func<T, Guid>> owner)
    {
        if (user.IsPlatformAdmin()) return rows;
        if ((user.IsInRole(SmartRoles.Admin) || user.IsInRole(SmartRoles.Operator)) && user.EntityId is { } entityId)
        {
            return rows.Where(Is(entity, entityId));
        }
        if (user.IsInRole(SmartRoles.Advisor) && user.OfficeId is { } officeId)
        {
            return rows.Where(Is(office, officeId));
        }
        return user.MemberId is { } memberId ? rows.Where(Is(owner, memberId)) : rows.Where(_ => false);
    }

    /// <summary>Rows shared by a whole entity (its rules, offices, clients): everyone tied to the entity sees them.</summary>
    public static IQueryable<T> VisibleInEntityOf<T>(this IQueryable<T> rows, ICurrentUser user, Expression<Func<T, Guid>> entity) =>
        user.InEntityOf(entity) is { } filter ? rows.Where(filter) : rows;

    /// <summary>
    /// The same rule as a predicate, for queries that are not an <see cref="IQueryable{T}"/> (Marten's batched queries);
    /// null when the caller sees every entity (a platform admin).
    /// </summary>
    public static Expression<Func<T, bool>>? InEntityOf<T>(this ICurrentUser user, Expression<Func<T, Guid>> entity) =>
        user.EntityId is { } entityId ? Is(entity, entityId)
        : user.IsPlatformAdmin() ? null
        : _ => false;

    private static Expression<Func<T, bool>> Is<T>(Expression<Func<T, Guid>> selector, Guid id) =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(selector.Body, Expression.Constant(id)), selector.Parameters);
}
