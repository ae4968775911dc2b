using Marten;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;

namespace Smart.Modules.Activities.Features.Budget;

/// <summary>
/// Answers another module about to charge an activity (ADR 0053): no caller scope, the asking module checks that the
/// activity is its member's. Available is what salaries could still use too (<see cref="ActivityBudget.Available"/>).
/// </summary>
public sealed class ActivityStandingHandler
{
    public async Task<ActivityStanding?> HandleAsync(GetActivityStanding query, IQuerySession session, CancellationToken cancellationToken)
    {
        var activity = await session.LoadAsync<Activity>(query.ActivityId, cancellationToken);
        return activity is null ? null : (await StandingsOfAsync(session, [activity], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<ActivityStanding>> HandleAsync(ListOpenActivities query, IQuerySession session, CancellationToken cancellationToken)
    {
        var activities = await session.Query<Activity>().Where(a => a.OfficeId == query.OfficeId && a.Status == ActivityStatus.Open)
            .OrderBy(a => a.OpenedOn).ThenBy(a => a.Id).Take(Math.Clamp(query.Take, 0, 500)).ToListAsync(cancellationToken);
        return await StandingsOfAsync(session, activities, cancellationToken);
    }

    private static async Task<IReadOnlyList<ActivityStanding>> StandingsOfAsync(IQuerySession session, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var budgets = (await session.LoadManyAsync<ActivityBudget>(cancellationToken, activities.Select(a => a.Id))).ToDictionary(b => b.Id);
        return activities.Select(a => new ActivityStanding(a.Id, a.EntityId, a.OfficeId, a.CoordinatorId, a.Name, a.Status == ActivityStatus.Open,
            budgets.GetValueOrDefault(a.Id)?.Available ?? 0m)).ToList();
    }
}
