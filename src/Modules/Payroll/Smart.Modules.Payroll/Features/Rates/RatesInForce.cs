using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Entities;
using Smart.Modules.Payroll.Persistence;

namespace Smart.Modules.Payroll.Features.Rates;

/// <summary>
/// Payroll's effective-dated configuration in force on a date. Nothing in force is a rule conflict
/// (<see cref="ConfigurationInForce"/>): a salary request then gets rejected with that reason.
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
        ?? throw Missing($"contribution table for {category} contracts", date);

    public static async Task<SocialSecurityCeiling> CeilingAsync(this PayrollDbContext db, DateOnly date, CancellationToken cancellationToken) =>
        await db.SocialSecurityCeilings.AsNoTracking().Where(c => c.EffectiveFrom <= date).OrderByDescending(c => c.EffectiveFrom).FirstOrDefaultAsync(cancellationToken)
        ?? throw Missing("social-security ceiling", date);

    public static async Task<MinimumWage> MinimumWageAsync(this PayrollDbContext db, DateOnly date, CancellationToken cancellationToken) =>
        await db.MinimumWages.AsNoTracking().Where(w => w.EffectiveFrom <= date).OrderByDescending(w => w.EffectiveFrom).FirstOrDefaultAsync(cancellationToken)
        ?? throw Missing("minimum wage", date);

    public static async Task<WorkingTimeLimits> WorkingTimeLimitsAsync(this PayrollDbContext db, DateOnly date, CancellationToken cancellationToken) =>
        await db.WorkingTimeLimits.AsNoTracking().Where(l => l.EffectiveFrom <= date).OrderByDescending(l => l.EffectiveFrom).FirstOrDefaultAsync(cancellationToken)
        ?? throw Missing("working-time limits", date);

    public static async Task<PayRules> PayRulesAsync(this PayrollDbContext db, Guid entityId, DateOnly date, CancellationToken cancellationToken) =>
        await db.PayRules.AsNoTracking().Where(r => r.EntityId == entityId && r.EffectiveFrom <= date).OrderByDescending(r => r.EffectiveFrom)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw Missing("pay-out rule of the entity", date);

    /// <summary>The pay date of work ending on <paramref name="endOfWork"/>: the entity's pay-out rule in force that day.</summary>
    public static async Task<DateOnly> PayDateAsync(this PayrollDbContext db, Guid entityId, DateOnly endOfWork, CancellationToken cancellationToken) =>
        (await db.PayRulesAsync(entityId, endOfWork, cancellationToken)).PayDateFor(endOfWork);

    private static BusinessRuleViolationException Missing(string what, DateOnly date) => new(new ConfigurationInForce(what, date));

    internal sealed record ConfigurationInForce(string What, DateOnly Date) : IBusinessRule
    {
        public bool IsBroken() => true;

        public string Message => $"No {What} is in force on {Date:yyyy-MM-dd}.";
    }
}
