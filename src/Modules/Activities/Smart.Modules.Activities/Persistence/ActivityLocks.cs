using Microsoft.EntityFrameworkCore;

namespace Smart.Modules.Activities.Persistence;

internal static class ActivityLocks
{
    /// <summary>
    /// Locks the activity's row until the caller's transaction ends. What spends or commits its budget (salary
    /// requests, equipment) and closing it queue on this lock, so two of them never read the same available budget.
    /// </summary>
    public static Task LockActivityAsync(this ActivitiesDbContext db, Guid activityId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM activities.activities WHERE id = {activityId} FOR UPDATE", cancellationToken);
}
