using System.Linq.Expressions;
using Marten;
using Marten.Services.BatchQuerying;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Payroll.Domain.Figures;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.PayRulesCopy;
using Smart.Modules.Payroll.Contracts;

namespace Smart.Modules.Payroll.Features.Rates;

/// <summary>
/// Payroll's effective-dated configuration in force on a date (<see cref="InForce"/>). Nothing in force is a rule
/// conflict: a salary request then gets rejected with that reason.
/// </summary>
internal static class RatesInForce
{
    /// <summary>The entity's own table for the category if it has one in force, else the group-wide table (ADR 0030).</summary>
    public static async Task<ContributionTable> ContributionTableAsync(this IQuerySession session, Guid entityId, ContractCategory category, DateOnly date,
        CancellationToken cancellationToken) =>
        ContributionTableOf(await session.Query<ContributionTable>().Where(TablesOn(entityId, category, date)).ToListAsync(cancellationToken), category, date);

    /// <summary>The tables <see cref="ContributionTableOf"/> chooses from, read in a batch with other reads.</summary>
    public static Task<IReadOnlyList<ContributionTable>> ContributionTables(this IBatchedQuery batch, Guid entityId, ContractCategory category, DateOnly date) =>
        batch.Query<ContributionTable>().Where(TablesOn(entityId, category, date)).ToList();

    public static ContributionTable ContributionTableOf(IReadOnlyList<ContributionTable> tables, ContractCategory category, DateOnly date) =>
        tables.Where(t => t.EntityId != null).InForceOn(date) ?? tables.RequiredOn(date, $"contribution table for {category} contracts");

    private static Expression<Func<ContributionTable, bool>> TablesOn(Guid entityId, ContractCategory category, DateOnly date) =>
        t => (t.EntityId == entityId || t.EntityId == null) && t.Category == category && t.EffectiveFrom <= date;

    /// <summary>The platform-wide configuration (installed with the module).</summary>
    public static async Task<PayrollConfiguration> ConfigurationAsync(this IQuerySession session, CancellationToken cancellationToken) =>
        Installed(await session.LoadAsync<PayrollConfiguration>(PayrollConfiguration.DocumentId, cancellationToken));

    public static PayrollConfiguration Installed(PayrollConfiguration? configuration) =>
        configuration ?? throw new InvalidOperationException("Payroll's configuration is not installed: run the module's migration.");

    public static SocialSecurityCeiling CeilingOn(this PayrollConfiguration configuration, DateOnly date) =>
        configuration.SocialSecurityCeilings.RequiredOn(date, "social-security ceiling");

    public static MinimumWage MinimumWageOn(this PayrollConfiguration configuration, DateOnly date) =>
        configuration.MinimumWages.RequiredOn(date, "minimum wage");

    public static WorkingTimeLimits WorkingTimeLimitsOn(this PayrollConfiguration configuration, DateOnly date) =>
        configuration.WorkingTimeLimits.RequiredOn(date, "working-time limits");

    public static GdcFeeRates GdcFeeRatesOn(this PayrollConfiguration configuration, DateOnly date) =>
        configuration.GdcFeeRates.RequiredOn(date, "contract-management fee rates");

    public static WorkTimeSettings WorkTimeSettingsOn(this PayrollConfiguration configuration, DateOnly date) =>
        configuration.WorkTimeSettings.RequiredOn(date, "work-time settings");

    public static async Task<SocialSecurityCeiling> CeilingAsync(this IQuerySession session, DateOnly date, CancellationToken cancellationToken) =>
        (await session.ConfigurationAsync(cancellationToken)).CeilingOn(date);

    public static async Task<PayRules> PayRulesAsync(this IQuerySession session, Guid entityId, DateOnly date, CancellationToken cancellationToken) =>
        PayRulesOf(await session.Query<PayRules>().Where(r => r.EntityId == entityId && r.EffectiveFrom <= date).ToListAsync(cancellationToken), date);

    /// <summary>The versions <see cref="PayRulesOf"/> chooses from, read in a batch with other reads.</summary>
    public static Task<IReadOnlyList<PayRules>> PayRulesVersions(this IBatchedQuery batch, Guid entityId, DateOnly date) =>
        batch.Query<PayRules>().Where(r => r.EntityId == entityId && r.EffectiveFrom <= date).ToList();

    public static PayRules PayRulesOf(IReadOnlyList<PayRules> versions, DateOnly date) => versions.RequiredOn(date, "pay-out rule of the entity");

    /// <summary>The entity's legal identity in force on <paramref name="date"/> as a payslip names its employer; null before Governance published one.</summary>
    public static async Task<PayslipEmployer?> EmployerIdentityAsync(this IQuerySession session, Guid entityId, DateOnly date, CancellationToken cancellationToken) =>
        (await session.Query<EntityIdentity>().Where(i => i.EntityId == entityId).EffectiveOn(date).FirstOrDefaultAsync(cancellationToken))?.ToEmployer();

    /// <summary><see cref="EmployerIdentityAsync"/> in a batch with other reads.</summary>
    public static async Task<PayslipEmployer?> EmployerIdentity(this IBatchedQuery batch, Guid entityId, DateOnly date) =>
        (await batch.Query<EntityIdentity>().Where(i => i.EntityId == entityId).InForceOn(date))?.ToEmployer();

    /// <summary>The pay date of work ending on <paramref name="endOfWork"/>: the entity's pay-out rule in force that day.</summary>
    public static async Task<DateOnly> PayDateAsync(this IQuerySession session, Guid entityId, DateOnly endOfWork, CancellationToken cancellationToken) =>
        (await session.PayRulesAsync(entityId, endOfWork, cancellationToken)).PayDateFor(endOfWork);
}
