using Wolverine;

namespace Smart.BuildingBlocks.Bus;

/// <summary>
/// What happens on a moment of the platform's clock (a pay date, an instalment's due date) is a scheduled message.
/// Wolverine's scheduler runs on the machine's clock; with the system clock both are the same, and a clock moved by
/// tests (or a simulation) keeps its distance to the moment.
/// </summary>
public static class BusinessTimeScheduling
{
    /// <summary>The message, scheduled for <paramref name="at"/>, as a handler returns it (Wolverine sends it with the handler's transaction).</summary>
    public static ScheduledMessage<T> ScheduledOn<T>(this T message, DateTimeOffset at, TimeProvider clock) =>
        message.ScheduledAt(MachineTime(at, clock));

    private static DateTimeOffset MachineTime(DateTimeOffset at, TimeProvider clock) =>
        ReferenceEquals(clock, TimeProvider.System) ? at : DateTimeOffset.UtcNow + (at - clock.GetUtcNow());
}
