namespace Smart.BuildingBlocks.Messaging;

/// <summary>
/// The in-process bus, shaped after Wolverine's <c>IMessageBus</c> so that adopting Wolverine is mechanical.
/// </summary>
public interface IMessageBus
{
    /// <summary>Runs the single handler of a command or query now: validation, one transaction, outbox.</summary>
    Task InvokeAsync(object message, CancellationToken cancellationToken = default);

    /// <summary>Runs the single handler of a command or query now and returns its result.</summary>
    Task<T> InvokeAsync<T>(object message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an integration event in the current handler's outbox, one delivery per subscriber; delivered
    /// after the handler's transaction commits. Only valid inside a handler.
    /// </summary>
    ValueTask PublishAsync<T>(T message) where T : notnull;

    /// <summary>Like <see cref="PublishAsync{T}"/>, delivered not before <paramref name="deliverAt"/>.</summary>
    ValueTask ScheduleAsync<T>(T message, DateTimeOffset deliverAt) where T : notnull;
}
