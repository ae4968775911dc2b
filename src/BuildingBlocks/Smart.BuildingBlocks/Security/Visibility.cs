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
        Expression<Func<T, Guid>> entity, Expression<Func<T, Guid>> office, Expression<Func<T, Guid>> owner) =>
        OwnedScope(user) switch
        {
            (Seen.Everything, _) => rows,
            (Seen.Entity, var id) => rows.Where(Is(entity, id)),
            (Seen.Office, var id) => rows.Where(Is(office, id)),
            (Seen.Owner, var id) => rows.Where(Is(owner, id)),
            _ => rows.Where(_ => false),
        };

    /// <summary>
    /// The rule of <see cref="VisibleTo{T}"/> on a row already loaded, through plain delegates: evaluating the query's
    /// expression in memory would compile it on every call.
    /// </summary>
    public static bool IsVisibleTo<T>(this T row, ICurrentUser user, Func<T, Guid> entity, Func<T, Guid> office, Func<T, Guid> owner) =>
        OwnedScope(user) switch
        {
            (Seen.Everything, _) => true,
            (Seen.Entity, var id) => entity(row) == id,
            (Seen.Office, var id) => office(row) == id,
            (Seen.Owner, var id) => owner(row) == id,
            _ => false,
        };

    /// <summary>Rows shared by a whole entity (its rules, offices, clients): everyone tied to the entity sees them.</summary>
    public static IQueryable<T> VisibleInEntityOf<T>(this IQueryable<T> rows, ICurrentUser user, Expression<Func<T, Guid>> entity) =>
        user.InEntityOf(entity) is { } filter ? rows.Where(filter) : rows;

    /// <summary>The rule of <see cref="VisibleInEntityOf{T}"/> on a row already loaded.</summary>
    public static bool IsVisibleInEntityOf<T>(this T row, ICurrentUser user, Func<T, Guid> entity) =>
        EntityScope(user) switch
        {
            (Seen.Everything, _) => true,
            (Seen.Entity, var id) => entity(row) == id,
            _ => false,
        };

    /// <summary>
    /// The same rule as a predicate, for queries that are not an <see cref="IQueryable{T}"/> (Marten's batched queries);
    /// null when the caller sees every entity (a platform admin).
    /// </summary>
    public static Expression<Func<T, bool>>? InEntityOf<T>(this ICurrentUser user, Expression<Func<T, Guid>> entity) =>
        EntityScope(user) switch
        {
            (Seen.Everything, _) => null,
            (Seen.Entity, var id) => Is(entity, id),
            _ => _ => false,
        };

    private enum Seen
    {
        Nothing,
        Everything,
        Entity,
        Office,
        Owner,
    }

    /// <summary>Who sees which owned rows: a platform admin all; operators and admins their entity's; advisors their office's; members their own.</summary>
    private static (Seen, Guid) OwnedScope(ICurrentUser user)
    {
        if (user.IsPlatformAdmin()) return (Seen.Everything, Guid.Empty);
        if ((user.IsInRole(SmartRoles.Admin) || user.IsInRole(SmartRoles.Operator)) && user.EntityId is { } entityId) return (Seen.Entity, entityId);
        if (user.IsInRole(SmartRoles.Advisor) && user.OfficeId is { } officeId) return (Seen.Office, officeId);
        return user.MemberId is { } memberId ? (Seen.Owner, memberId) : (Seen.Nothing, Guid.Empty);
    }

    /// <summary>Who sees an entity's shared rows: anyone tied to it; a platform admin every entity's.</summary>
    private static (Seen, Guid) EntityScope(ICurrentUser user) =>
        user.EntityId is { } entityId ? (Seen.Entity, entityId)
        : user.IsPlatformAdmin() ? (Seen.Everything, Guid.Empty)
        : (Seen.Nothing, Guid.Empty);

    private static Expression<Func<T, bool>> Is<T>(Expression<Func<T, Guid>> selector, Guid id) =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(selector.Body, Expression.Constant(id)), selector.Parameters);
}
