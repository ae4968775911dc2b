using Smart.Modules.Activities.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Persistence;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Persistence;

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

public sealed class ActivityQueriesHandler(ActivitiesDbContext db, ICurrentUser user)
{
    public async Task<ActivityView> HandleAsync(GetActivity query, CancellationToken cancellationToken) =>
        await Project(db.Activities.AsNoTracking().VisibleTo(user).Where(a => a.Id == query.ActivityId)).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Activity", query.ActivityId);

    public async Task<PagedResult<ActivityView>> HandleAsync(ListActivities query, CancellationToken cancellationToken)
    {
        var activities = db.Activities.AsNoTracking().VisibleTo(user);
        if (query.OfficeId is { } officeId) activities = activities.Where(a => a.OfficeId == officeId);
        if (query.CoordinatorId is { } coordinatorId) activities = activities.Where(a => a.CoordinatorId == coordinatorId);
        if (query.Kind is { } kind) activities = activities.Where(a => a.Kind == kind);
        if (query.Status is { } status) activities = activities.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Search)) activities = activities.Where(a => EF.Functions.ILike(a.Name, SearchPattern.Containing(query.Search), SearchPattern.Escape));
        var total = await activities.CountAsync(cancellationToken);
        var page = await Project(activities.OrderByDescending(a => a.OpenedOn).ThenBy(a => a.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<ActivityView>(page, query.Page, query.PageSize, total);
    }

    private IQueryable<ActivityView> Project(IQueryable<Activity> activities) =>
        from a in activities
        join m in db.Members on a.CoordinatorId equals m.MemberId
        select new ActivityView(a.Id, a.Name, a.Kind, a.ServiceTier, a.Status, a.CoordinatorId, m.DisplayName, a.EntityId, a.OfficeId, a.OpenedOn, a.ClosedOn,
            db.BudgetEntries.Where(e => e.ActivityId == a.Id).Sum(e => (decimal?)e.Amount) ?? 0m, a.Version);
}

internal sealed class ActivityQueriesEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/activities/{activityId:guid}", async (Guid activityId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<ActivityView>(new GetActivity(activityId), ct)))
            .WithName("GetActivity")
            .WithSummary("An activity with its budget balance.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/activities", async ([AsParameters] ListActivitiesRequest r, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<PagedResult<ActivityView>>(
                    new ListActivities(r.OfficeId, r.CoordinatorId, r.Kind, r.Status, r.Search, r.Page ?? 1, r.PageSize ?? 50), ct)))
            .WithName("ListActivities")
            .WithSummary("Activities the caller may see: their own (member), their office's (advisor), their entity's (operator, admin).")
            .ProducesValidationProblem();
    }

    internal sealed record ListActivitiesRequest(Guid? OfficeId, Guid? CoordinatorId, ActivityKind? Kind, ActivityStatus? Status, string? Search, int? Page, int? PageSize);
}
