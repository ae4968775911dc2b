using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Smart.BuildingBlocks.Messaging;

internal sealed class MessageBus(
    HandlerRegistry handlers,
    MessageTypes messageTypes,
    MessagePipeline pipeline,
    MessageContext context,
    TimeProvider clock,
    IHttpContextAccessor httpContext) : IMessageBus
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public Task InvokeAsync(object message, CancellationToken cancellationToken = default) =>
        InvokeCoreAsync(message, cancellationToken);

    public async Task<T> InvokeAsync<T>(object message, CancellationToken cancellationToken = default) =>
        (T)(await InvokeCoreAsync(message, cancellationToken))!;

    public ValueTask PublishAsync<T>(T message) where T : notnull => EnqueueAsync(message, clock.GetUtcNow());

    public ValueTask ScheduleAsync<T>(T message, DateTimeOffset deliverAt) where T : notnull => EnqueueAsync(message, deliverAt);

    private Task<object?> InvokeCoreAsync(object message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var handler = handlers.Single(message.GetType());
        var envelope = new Envelope(Guid.CreateVersion7(), CorrelationId(), message.GetType().Name);
        return pipeline.ExecuteAsync(handler, message, envelope, throughInbox: false, cancellationToken);
    }

    private ValueTask EnqueueAsync(object message, DateTimeOffset deliverAt)
    {
        var db = context.Db ?? throw new InvalidOperationException(
            "Messages are published from inside a handler, so that they commit with the handler's changes (transactional outbox).");
        var name = messageTypes.NameOf(message.GetType());
        var payload = JsonSerializer.Serialize(message, message.GetType(), MessageTypes.Json);
        var messageId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        foreach (var handler in handlers.For(message.GetType()))
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                MessageId = messageId,
                MessageType = name,
                Payload = payload,
                Handler = handler.Id,
                CorrelationId = context.Envelope!.CorrelationId,
                CreatedAt = now,
                DeliverAt = deliverAt,
            });
            context.Outgoing++;
        }
        return ValueTask.CompletedTask;
    }

    private Guid CorrelationId()
    {
        if (context.Envelope is { } current) return current.CorrelationId;
        var header = httpContext.HttpContext?.Request.Headers[CorrelationHeader].ToString();
        return Guid.TryParse(header, out var fromCaller) ? fromCaller : Guid.CreateVersion7();
    }
}
