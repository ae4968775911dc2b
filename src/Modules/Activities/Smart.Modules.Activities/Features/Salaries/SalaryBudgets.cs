using Marten;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.EntityRulesCopy;

namespace Smart.Modules.Activities.Features.Salaries;

internal static class SalaryBudgets
{
    /// <summary>
    /// What the activity can spend on a salary or a purchase on <paramref name="date"/>: its budget as the ledger left
    /// it (read under the ledger's lock by the caller), its unpaid revenue, and the entity's guarantee-fund rule in force then.
    /// </summary>
    /// <param name="issuedNow">Invoices issued in this transaction, not saved yet (quick mode): they count too.</param>
    public static async Task<SalaryBudget> SalaryBudgetAsync(this IQuerySession session, Activity activity, ActivityBudget budget, DateOnly date,
        CancellationToken cancellationToken, IReadOnlyList<Invoice>? issuedNow = null)
    {
        var rules = await session.Query<EntityRules>().InForceAsync(activity.EntityId, date, cancellationToken);
        // Unpaid revenue only counts where the guarantee fund may advance on it: otherwise the invoices are not read.
        var unpaidRevenue = rules.GuaranteeFundAdvanceAllowed
            ? (await session.Query<Invoice>().Where(i => i.ActivityId == activity.Id && !i.WrittenOff).ToListAsync(cancellationToken))
                .Concat(issuedNow ?? []).DistinctBy(i => i.Id).Where(i => i.IsUnpaid).Sum(i => i.NetRevenueAfterContribution)
            : 0m;
        return new SalaryBudget(budget.Balance, budget.Committed, budget.OutstandingInstalments, unpaidRevenue, rules.GuaranteeFundAdvanceAllowed);
    }
}
