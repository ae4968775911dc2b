using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Domain.Shareholding;

namespace Smart.Modules.Governance.Features;

/// <summary>The governance rules of an entity in force on a date, for the features of this module.</summary>
internal static class GovernanceRulesReading
{
    public static async Task<GovernanceRulesVersion> GovernanceRulesOnAsync(this IQuerySession session, Guid entityId, DateOnly date, CancellationToken cancellationToken) =>
        (await session.LoadAsync<GovernanceRules>(entityId, cancellationToken))?.On(date) ?? throw InForce.Missing("governance rules", date);
}
