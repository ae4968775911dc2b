using Smart.Modules.Activities.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Marten.Linq.MatchesSql;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Persistence;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Members;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.Activities;

public sealed record ActivityView(
    Guid Id, string Name, ActivityKind Kind, int ServiceTier, ActivityStatus Status, Guid CoordinatorId, string CoordinatorName,
    Guid EntityId, Guid OfficeId, DateOnly OpenedOn, DateOnly? ClosedOn, decimal Balance, int Version);

public sealed record GetActivity(Guid ActivityId);

/// <summary>The activities the caller may see, filtered, a page at a time.</summary>
public sealed record ListActivities(Guid? OfficeId, Guid? CoordinatorId, ActivityKind? Kind, ActivityStatus? Status, string? Search, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListActivities>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
            RuleFor(q => q.Kind).IsInEnum();
            RuleFor(q => q.Status).IsInEnum();
            RuleFor(q => q.Search).MaximumLength(100).HasNoNul();
        }
    }
}

public sealed class ActivityQueriesHandler(ICurrentUser user)
{
    /// <summary>An activity's name, in searches: the user's % and _ taken literally (<see cref="SearchPattern"/>).</summary>
    private const string SearchSql = $"d.data ->> '{nameof(Activity.Name)}' ilike ? escape '{SearchPattern.Escape}'";

    public async Task<ActivityView> HandleAsync(GetActivity query, IQuerySession session, CancellationToken cancellationToken) =>
        (await ViewsAsync(session, [await session.VisibleActivityAsync(user, query.ActivityId, cancellationToken)], cancellationToken))[0];

    public async Task<PagedResult<ActivityView>> HandleAsync(ListActivities query, IQuerySession session, CancellationToken cancellationToken)
    {
        var activities = session.Query<Activity>().VisibleTo(user);
        if (query.OfficeId is { } officeId) activities = activities.Where(a => a.OfficeId == officeId);
        if (query.CoordinatorId is { } coordinatorId) activities = activities.Where(a => a.CoordinatorId == coordinatorId);
        if (query.Kind is { } kind) activities = activities.Where(a => a.Kind == kind);
        if (query.Status is { } status) activities = activities.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Search)) activities = activities.Where(a => a.MatchesSql(SearchSql, SearchPattern.Containing(query.Search)));
        var total = await activities.CountAsync(cancellationToken);
        var page = await activities.OrderByDescending(a => a.OpenedOn).ThenBy(a => a.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<ActivityView>(await ViewsAsync(session, page, cancellationToken), query.Page, query.PageSize, total);
    }

    /// <summary>Each activity with its coordinator's name and its balance (the ledger's snapshot): two reads for the whole page.</summary>
    private static async Task<IReadOnlyList<ActivityView>> ViewsAsync(IQuerySession session, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var coordinators = (await session.LoadManyAsync<Member>(cancellationToken, activities.Select(a => a.CoordinatorId).Distinct()))
            .ToDictionary(m => m.MemberId, m => m.DisplayName);
        var budgets = (await session.LoadManyAsync<ActivityBudget>(cancellationToken, activities.Select(a => a.Id))).ToDictionary(b => b.Id, b => b.Balance);
        return activities.Select(a => new ActivityView(a.Id, a.Name, a.Kind, a.ServiceTier, a.Status, a.CoordinatorId, coordinators.GetValueOrDefault(a.CoordinatorId, ""),
            a.EntityId, a.OfficeId, a.OpenedOn, a.ClosedOn, budgets.GetValueOrDefault(a.Id), a.Version)).ToList();
    }
}

public static class ActivityQueriesEndpoints
{
    [WolverineGet("/api/activities/activities/{activityId:guid}", OperationId = "GetActivity"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("An activity with its budget balance.")]
    public static async Task<Ok<ActivityView>> Get(Guid activityId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ActivityView>(new GetActivity(activityId), ct));

    [WolverineGet("/api/activities/activities", OperationId = "ListActivities"), ProducesValidationProblem]
    [EndpointSummary("Activities the caller may see: their own (member), their office's (advisor), their entity's (operator, admin).")]
    /// <remarks>The query names are the filters' own (<c>OfficeId</c>, <c>Page</c>…), as this list has always documented them.</remarks>
    public static async Task<Ok<PagedResult<ActivityView>>> List(Guid? OfficeId, Guid? CoordinatorId, ActivityKind? Kind, ActivityStatus? Status, string? Search,
        int? Page, int? PageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<ActivityView>>(
            new ListActivities(OfficeId, CoordinatorId, Kind, Status, Search, Page ?? 1, PageSize ?? 50), ct));
}
