using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smart.BuildingBlocks.Persistence;

namespace Smart.BuildingBlocks.Messaging;

/// <summary>
/// What runs around every handler, invoked or delivered: validation, one transaction on the handler's
/// module, the inbox check for deliveries, the handler, the save (outbox rows included), the commit.
/// </summary>
internal sealed class MessagePipeline(IServiceScopeFactory scopes, OutboxSignal signal, ILogger<MessagePipeline> logger)
{
    public const string NotificationChannel = "smart_outbox";

    public async Task<object?> ExecuteAsync(HandlerDescriptor handler, object message, Envelope envelope, bool throughInbox, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        using var logScope = logger.BeginScope(new Dictionary<string, object>
        {
            ["MessageId"] = envelope.MessageId,
            ["CorrelationId"] = envelope.CorrelationId,
            ["MessageType"] = envelope.MessageType,
            ["Handler"] = handler.Id,
        });

        await ValidateAsync(services, message, cancellationToken);

        var db = (ModuleDbContext)services.GetRequiredService(handler.Module.DbContextType);
        var context = services.GetRequiredService<MessageContext>();
        context.Begin(envelope, handler.Module, db);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (throughInbox && !await RecordInInboxAsync(db, envelope.MessageId, handler.Id, services, cancellationToken))
        {
            logger.LogInformation("Skipped {MessageType} for {Handler}: already handled", envelope.MessageType, handler.Id);
            return null;
        }

        var result = await handler.InvokeAsync(services, message, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (context.Outgoing > 0)
        {
            // pg_notify is transactional: other hosts hear it exactly when the outbox rows become visible.
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({NotificationChannel}, {handler.Module.Schema})", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (context.Outgoing > 0)
        {
            signal.Wake();
        }
        logger.LogDebug("Handled {MessageType} with {Handler}", envelope.MessageType, handler.Id);
        return result;
    }

    private static async Task ValidateAsync(IServiceProvider services, object message, CancellationToken cancellationToken)
    {
        var validatorType = typeof(IValidator<>).MakeGenericType(message.GetType());
        List<ValidationFailure>? failures = null;
        foreach (var validator in services.GetServices(validatorType).Cast<IValidator>())
        {
            var result = await validator.ValidateAsync(new ValidationContext<object>(message), cancellationToken);
            if (!result.IsValid)
            {
                (failures ??= []).AddRange(result.Errors);
            }
        }
        if (failures is not null)
        {
            throw new ValidationException(failures);
        }
    }

    private static async Task<bool> RecordInInboxAsync(ModuleDbContext db, Guid messageId, string handlerId, IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // ON CONFLICT makes a concurrent duplicate wait for the first one's commit, then skip.
        var sql = "INSERT INTO " + db.Schema + ".inbox_messages (message_id, handler, handled_at) VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING";
        var inserted = await db.Database.ExecuteSqlRawAsync(sql,
            [messageId, handlerId, now],
            cancellationToken);
        return inserted == 1;
    }
}

/// <summary>Wakes the local dispatcher when this process committed outbox rows (other processes hear pg_notify).</summary>
internal sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0);

    public void Wake()
    {
        if (_semaphore.CurrentCount == 0)
        {
            _semaphore.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}
