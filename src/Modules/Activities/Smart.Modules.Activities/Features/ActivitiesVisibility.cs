using Marten;
using Smart.BuildingBlocks.Domain;
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

    /// <summary>
    /// The activity if the caller may see it; otherwise it does not exist for them (404). Loaded by id and checked in
    /// memory: a LINQ query would be parsed again on every call.
    /// </summary>
    public static async Task<Activity> VisibleActivityAsync(this IQuerySession session, ICurrentUser user, Guid activityId, CancellationToken cancellationToken) =>
        await session.LoadAsync<Activity>(activityId, cancellationToken) is { } activity && activity.IsVisibleTo(user) ? activity
        : throw new NotFoundException("Activity", activityId);

    /// <summary>Whether a loaded activity is the caller's to see (the same rule as the query filter).</summary>
    public static bool IsVisibleTo(this Activity activity, ICurrentUser user) =>
        activity.IsVisibleTo(user, a => a.EntityId, a => a.OfficeId, a => a.CoordinatorId);

    /// <summary>Whether a loaded client is the caller's to bill (the same rule as the query filter).</summary>
    public static bool IsVisibleTo(this Client client, ICurrentUser user) => client.IsVisibleInEntityOf(user, c => c.EntityId);

    /// <summary>The ids of the activities the caller may see: documents of an activity are filtered by them.</summary>
    public static async Task<IReadOnlyList<Guid>> VisibleActivityIdsAsync(this IQuerySession session, ICurrentUser user, CancellationToken cancellationToken) =>
        await session.Query<Activity>().VisibleTo(user).Select(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>A document of an activity (an invoice, a quote, an expense...), if the caller may see its activity; otherwise a 404 on <paramref name="what"/>.</summary>
    public static async Task<(T Document, Activity Activity)> OfVisibleActivityAsync<T>(this IQuerySession session, ICurrentUser user, Guid id,
        Func<T, Guid> activityOf, string what, CancellationToken cancellationToken) where T : notnull
    {
        var document = await session.LoadAsync<T>(id, cancellationToken);
        var activity = document is null ? null : await session.LoadAsync<Activity>(activityOf(document), cancellationToken);
        return document is not null && activity is not null && activity.IsVisibleTo(user) ? (document, activity) : throw new NotFoundException(what, id);
    }
}
