using Smart.Modules.Activities.Contracts;
using Smart.Modules.Payroll.Members;

namespace Smart.Modules.Payroll.Inbound;

// Activities' events: Payroll keeps its copy of each activity and its coordinator (CDI smoothing).

public sealed class ActivityOpenedHandler(Persistence.PayrollDbContext db)
{
    public async Task HandleAsync(ActivityOpened opened, CancellationToken cancellationToken)
    {
        if (await db.MemberActivities.FindAsync([opened.ActivityId], cancellationToken) is null)
        {
            db.MemberActivities.Add(MemberActivity.From(opened));
        }
    }
}
