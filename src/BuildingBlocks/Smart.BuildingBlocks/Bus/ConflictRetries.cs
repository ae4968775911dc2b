using JasperFx;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Smart.BuildingBlocks.Bus;

/// <summary>
/// For a handler whose document or stream other handlers write at the same moment (a burst on one member, one session,
/// one receivable): a conflict is tried again after a growing pause, then scheduled later, instead of the bus's two
/// immediate retries, which writers in step lose together. A burst then ends in writes, not in dead letters.
/// </summary>
public static class ConflictRetries
{
    public static void SpreadOut(HandlerChain chain) => chain.OnException<ConcurrencyException>()
        .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250),
            TimeSpan.FromMilliseconds(500))
        .Then.ScheduleRetry(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
}
