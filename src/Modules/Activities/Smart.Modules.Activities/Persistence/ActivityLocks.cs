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

    /// <summary>
    /// Locks an equipment's row until the caller's transaction ends: booking an instalment on its date and repaying the
    /// advance early queue on it, so an instalment is never both booked and repaid. Taken after the activity's lock.
    /// </summary>
    public static Task LockEquipmentAsync(this ActivitiesDbContext db, Guid equipmentId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM activities.equipment WHERE id = {equipmentId} FOR UPDATE", cancellationToken);
}
