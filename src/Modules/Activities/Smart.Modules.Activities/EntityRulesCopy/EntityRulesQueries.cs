using Marten;
using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Activities.EntityRulesCopy;

internal static class EntityRulesQueries
{
    /// <summary>What is missing when no rules are in force (<see cref="InForce.Missing"/>).</summary>
    public const string What = "rules of the entity (contribution rate, VAT)";

    /// <summary>The entity's rules in force on a date; a date before the entity's first rules is a conflict (409).</summary>
    public static async Task<EntityRules> InForceAsync(this IQueryable<EntityRules> rules, Guid entityId, DateOnly date, CancellationToken cancellationToken) =>
        await rules.Where(r => r.EntityId == entityId).EffectiveOn(date).FirstOrDefaultAsync(cancellationToken)
        ?? throw InForce.Missing(What, date);
}
