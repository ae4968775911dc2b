using Microsoft.EntityFrameworkCore;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.Features.Financing;
using Smart.Modules.Activities.Features.Salaries;
using Smart.Modules.Activities.Persistence;

namespace Smart.Modules.Activities.Features.Budget;

/// <summary>
/// Answers another module about to charge an activity (ADR 0053): no caller scope, the asking module checks that the
/// activity is its member's. Available is what salaries could still use too (<see cref="SalaryBudget.AvailableOf"/>).
/// </summary>
public sealed class ActivityStandingHandler(ActivitiesDbContext db)
{
    public async Task<ActivityStanding?> HandleAsync(GetActivityStanding query, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.ActivityId, cancellationToken);
        return activity is null ? null : await StandingOfAsync(activity, cancellationToken);
    }

    public async Task<IReadOnlyList<ActivityStanding>> HandleAsync(ListOpenActivities query, CancellationToken cancellationToken)
    {
        var activities = await db.Activities.AsNoTracking().Where(a => a.OfficeId == query.OfficeId && a.Status == ActivityStatus.Open)
            .OrderBy(a => a.OpenedOn).ThenBy(a => a.Id).Take(Math.Clamp(query.Take, 0, 500)).ToListAsync(cancellationToken);
        var standings = new List<ActivityStanding>();
        foreach (var activity in activities)
        {
            standings.Add(await StandingOfAsync(activity, cancellationToken));
        }
        return standings;
    }

    private async Task<ActivityStanding> StandingOfAsync(Activity activity, CancellationToken cancellationToken)
    {
        var balance = await db.BalanceAsync(activity.Id, cancellationToken);
        var available = SalaryBudget.AvailableOf(balance, await db.CommittedAsync(activity.Id, cancellationToken),
            await db.OutstandingInstalmentsAsync(activity.Id, cancellationToken));
        return new ActivityStanding(activity.Id, activity.EntityId, activity.OfficeId, activity.CoordinatorId, activity.Name,
            activity.Status == ActivityStatus.Open, available);
    }
}
