using Wolverine;

namespace Smart.BuildingBlocks.Bus;

public static class BusinessTimeScheduling
{
    /// <summary>
    /// Schedules <paramref name="message"/> for a moment of the platform's clock (a pay date, an instalment's due date).
    /// Wolverine's scheduler runs on the machine's clock; with the system clock both are the same, and a clock moved by
    /// tests (or a simulation) keeps its distance to the moment.
    /// </summary>
    public static ValueTask ScheduleAsync<T>(this IMessageBus bus, T message, DateTimeOffset at, TimeProvider clock) =>
        bus.ScheduleAsync(message, ReferenceEquals(clock, TimeProvider.System) ? at : DateTimeOffset.UtcNow + (at - clock.GetUtcNow()));
}
