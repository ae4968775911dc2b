using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.PayRulesCopy;
using Smart.Modules.Payroll.Persistence;

namespace Smart.Modules.Payroll.Features.Rates;

/// <summary>
/// Payroll's effective-dated configuration in force on a date (<see cref="InForce"/>). Nothing in force is a rule
/// conflict: a salary request then gets rejected with that reason.
/// </summary>
internal static class RatesInForce
{
    /// <summary>The entity's own table for the category if it has one in force, else the group-wide table (ADR 0030).</summary>
    public static async Task<ContributionTable> ContributionTableAsync(this PayrollDbContext db, Guid entityId, ContractCategory category, DateOnly date,
        CancellationToken cancellationToken) =>
        await db.ContributionTables.AsNoTracking()
            .Where(t => (t.EntityId == entityId || t.EntityId == null) && t.Category == category && t.EffectiveFrom <= date)
            .OrderByDescending(t => t.EntityId != null).ThenByDescending(t => t.EffectiveFrom)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw InForce.Missing($"contribution table for {category} contracts", date);

    public static async Task<SocialSecurityCeiling> CeilingAsync(this PayrollDbContext db, DateOnly date, CancellationToken cancellationToken) =>
        await db.SocialSecurityCeilings.AsNoTracking().EffectiveOn(date).FirstOrDefaultAsync(cancellationToken) ?? throw InForce.Missing("social-security ceiling", date);

    public static async Task<MinimumWage> MinimumWageAsync(this PayrollDbContext db, DateOnly date, CancellationToken cancellationToken) =>
        await db.MinimumWages.AsNoTracking().EffectiveOn(date).FirstOrDefaultAsync(cancellationToken) ?? throw InForce.Missing("minimum wage", date);

    public static async Task<WorkingTimeLimits> WorkingTimeLimitsAsync(this PayrollDbContext db, DateOnly date, CancellationToken cancellationToken) =>
        await db.WorkingTimeLimits.AsNoTracking().EffectiveOn(date).FirstOrDefaultAsync(cancellationToken) ?? throw InForce.Missing("working-time limits", date);

    public static async Task<PayRules> PayRulesAsync(this PayrollDbContext db, Guid entityId, DateOnly date, CancellationToken cancellationToken) =>
        await db.PayRules.AsNoTracking().Where(r => r.EntityId == entityId).EffectiveOn(date).FirstOrDefaultAsync(cancellationToken)
        ?? throw InForce.Missing("pay-out rule of the entity", date);

    /// <summary>The pay date of work ending on <paramref name="endOfWork"/>: the entity's pay-out rule in force that day.</summary>
    public static async Task<DateOnly> PayDateAsync(this PayrollDbContext db, Guid entityId, DateOnly endOfWork, CancellationToken cancellationToken) =>
        (await db.PayRulesAsync(entityId, endOfWork, cancellationToken)).PayDateFor(endOfWork);
}
