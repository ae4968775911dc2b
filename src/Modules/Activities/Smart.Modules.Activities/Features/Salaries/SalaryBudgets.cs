using Microsoft.EntityFrameworkCore;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.EntityRulesCopy;
using Smart.Modules.Activities.Features.Financing;
using Smart.Modules.Activities.Persistence;

namespace Smart.Modules.Activities.Features.Salaries;

internal static class SalaryBudgets
{
    /// <summary>The activity's balance: the sum of its ledger, never stored.</summary>
    public static Task<decimal> BalanceAsync(this ActivitiesDbContext db, Guid activityId, CancellationToken cancellationToken) =>
        db.BudgetEntries.Where(e => e.ActivityId == activityId).SumAsync(e => e.Amount, cancellationToken);

    /// <summary>The employment budget of the activity's pending salary requests: sent to Payroll, not yet booked.</summary>
    public static Task<decimal> CommittedAsync(this ActivitiesDbContext db, Guid activityId, CancellationToken cancellationToken) =>
        db.SalaryRequests.Where(r => r.ActivityId == activityId && r.Status == SalaryRequestStatus.Pending).SumAsync(r => r.EmploymentBudget, cancellationToken);

    /// <summary>What the activity can spend on a salary or a purchase on <paramref name="date"/>, with the entity's guarantee-fund rule in force then.</summary>
    public static async Task<SalaryBudget> SalaryBudgetAsync(this ActivitiesDbContext db, Activity activity, DateOnly date, CancellationToken cancellationToken)
    {
        var rules = await db.EntityRules.InForceAsync(activity.EntityId, date, cancellationToken);
        var balance = await db.BalanceAsync(activity.Id, cancellationToken);
        var committed = await db.CommittedAsync(activity.Id, cancellationToken);
        var outstandingInstalments = await db.OutstandingInstalmentsAsync(activity.Id, cancellationToken);
        var unpaidRevenue = await db.Invoices.Where(i => i.ActivityId == activity.Id).Where(Invoice.Unpaid).SumAsync(Invoice.RevenueAfterContribution, cancellationToken);
        return new SalaryBudget(balance, committed, outstandingInstalments, unpaidRevenue, rules.GuaranteeFundAdvanceAllowed);
    }
}
