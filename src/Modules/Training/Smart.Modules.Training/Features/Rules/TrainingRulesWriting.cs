using Marten;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Training.Domain.Rules;

namespace Smart.Modules.Training.Features.Rules;

internal static class TrainingRulesWriting
{
    /// <summary>The advisory locks' scope of the entities' training rules ("TRRU").</summary>
    private const int RulesLocks = 0x54525255;

    /// <summary>
    /// An entity's training rules (new ones when it has none), read to change them: the writers of one entity's rules wait
    /// for each other, so the save never fails on the revision — Governance publishes an entity's settings versions
    /// together, and the demo seed sets a cancellation rule at the same moment.
    /// </summary>
    public static async Task<TrainingRules> TrainingRulesForWritingAsync(this IDocumentSession session, Guid entityId, CancellationToken cancellationToken) =>
        await session.LoadForWritingAsync<TrainingRules>(RulesLocks, entityId, cancellationToken) ?? TrainingRules.For(entityId);
}
