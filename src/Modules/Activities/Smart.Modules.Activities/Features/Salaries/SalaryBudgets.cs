using Marten;
using Smart.BuildingBlocks.Domain;
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
        // The rules and the invoices in one round trip, though the invoices count only where the rules let the guarantee fund
        // advance on unpaid revenue.
        var batch = session.CreateBatchQuery();
        var rulesRead = batch.Query<EntityRules>().Where(r => r.EntityId == activity.EntityId).InForceOn(date);
        var invoicesRead = batch.Query<Invoice>().Where(i => i.ActivityId == activity.Id && !i.WrittenOff).ToList();
        await batch.Execute(cancellationToken);
        var rules = await rulesRead ?? throw InForce.Missing(EntityRulesQueries.What, date);
        var unpaidRevenue = rules.GuaranteeFundAdvanceAllowed
            ? (await invoicesRead).Concat(issuedNow ?? []).DistinctBy(i => i.Id).Where(i => i.IsUnpaid).Sum(i => i.NetRevenueAfterContribution)
            : 0m;
        return new SalaryBudget(budget.Balance, budget.Committed, budget.OutstandingInstalments, unpaidRevenue, rules.GuaranteeFundAdvanceAllowed);
    }
}
