using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Smart.BuildingBlocks.Modules;

namespace Smart.BuildingBlocks.Messaging;

/// <summary>
/// Delivers due outbox rows of every module to their handlers. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> and stay locked until their delivery is settled, so several hosts can run
/// this on one database; a host that dies mid-batch releases its locks and the rows are delivered again
/// (the consumer's inbox makes that harmless).
/// </summary>
internal sealed class OutboxDispatcher(
    ModuleCatalog catalog,
    HandlerRegistry handlers,
    MessageTypes messageTypes,
    MessagePipeline pipeline,
    OutboxSignal signal,
    NpgsqlDataSource dataSource,
    TimeProvider clock,
    IOptions<BusOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly BusOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.DispatcherEnabled)
        {
            logger.LogWarning("Outbox dispatcher disabled: messages stay in the outbox");
            return;
        }
        var listener = ListenAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = 0;
                foreach (var module in catalog.Modules)
                {
                    delivered += await DispatchDueAsync(module, stoppingToken);
                }
                if (delivered == 0)
                {
                    await signal.WaitAsync(_options.PollingInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch failed; retrying after the polling interval");
                await Task.Delay(_options.PollingInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        await listener;
    }

    /// <summary>
    /// Delivers, in the calling process, everything due until the outboxes hold nothing due (failed deliveries wait
    /// for their retry time). Used between modules' demo seeds at start-up, before the background loop runs.
    /// </summary>
    public async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        int delivered;
        do
        {
            delivered = 0;
            foreach (var module in catalog.Modules)
            {
                delivered += await DispatchDueAsync(module, cancellationToken);
            }
        }
        while (delivered > 0);
    }

    /// <summary>Claims one batch of due rows of a module and settles each: delivered, retried later, or dead-lettered.</summary>
    internal async Task<int> DispatchDueAsync(IModule module, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await ClaimAsync(connection, module.Schema, cancellationToken);
        foreach (var row in rows)
        {
            try
            {
                var (handler, message) = Resolve(row);
                await pipeline.ExecuteAsync(handler, message, new Envelope(row.MessageId, row.CorrelationId, row.MessageType), throughInbox: true, cancellationToken);
                await ExecuteAsync(connection, $"DELETE FROM {module.Schema}.outbox_messages WHERE id = @id", cancellationToken, ("id", row.Id));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await SettleFailureAsync(connection, module, row, ex, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private async Task<List<OutboxRow>> ClaimAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
             SELECT id, message_id, message_type, payload::text, handler, correlation_id, created_at, attempts
             FROM {schema}.outbox_messages
             WHERE deliver_at <= @now
             ORDER BY deliver_at, id
             LIMIT @batch
             FOR UPDATE SKIP LOCKED
             """, connection);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        command.Parameters.AddWithValue("batch", _options.BatchSize);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetGuid(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetInt32(7)));
        }
        return rows;
    }

    private (HandlerDescriptor Handler, object Message) Resolve(OutboxRow row)
    {
        var type = messageTypes.Find(row.MessageType) ?? throw new UndeliverableMessageException($"Unknown message type '{row.MessageType}'.");
        var handler = handlers.Find(row.Handler, type) ?? throw new UndeliverableMessageException($"Unknown handler '{row.Handler}' for '{row.MessageType}'.");
        object message;
        try
        {
            message = JsonSerializer.Deserialize(row.Payload, type, MessageTypes.Json) ?? throw new UndeliverableMessageException("Empty payload.");
        }
        catch (JsonException ex)
        {
            throw new UndeliverableMessageException($"Payload does not match {type.Name}: {ex.Message}");
        }
        return (handler, message);
    }

    private async Task SettleFailureAsync(NpgsqlConnection connection, IModule module, OutboxRow row, Exception error, CancellationToken cancellationToken)
    {
        var attempts = row.Attempts + 1;
        var now = clock.GetUtcNow();
        if (error is UndeliverableMessageException || attempts >= _options.MaxAttempts)
        {
            logger.LogError(error, "Dead-lettered {MessageType} {MessageId} for {Handler} after {Attempts} attempts", row.MessageType, row.MessageId, row.Handler, attempts);
            await ExecuteAsync(connection,
                $"""
                 INSERT INTO {module.Schema}.dead_letters (id, message_id, message_type, payload, handler, correlation_id, created_at, failed_at, attempts, error)
                 VALUES (@id, @messageId, @type, @payload::jsonb, @handler, @correlation, @created, @now, @attempts, @error);
                 DELETE FROM {module.Schema}.outbox_messages WHERE id = @rowId;
                 """, cancellationToken,
                ("id", Guid.CreateVersion7()), ("messageId", row.MessageId), ("type", row.MessageType), ("payload", row.Payload),
                ("handler", row.Handler), ("correlation", row.CorrelationId), ("created", row.CreatedAt), ("now", now),
                ("attempts", attempts), ("error", error.ToString()), ("rowId", row.Id));
            return;
        }
        var retryAt = now + _options.RetryDelay(attempts);
        logger.LogWarning(error, "Delivery of {MessageType} {MessageId} to {Handler} failed (attempt {Attempts}); retrying at {RetryAt}", row.MessageType, row.MessageId, row.Handler, attempts, retryAt);
        await ExecuteAsync(connection,
            $"UPDATE {module.Schema}.outbox_messages SET attempts = @attempts, deliver_at = @retryAt, last_error = @error WHERE id = @id",
            cancellationToken, ("attempts", attempts), ("retryAt", retryAt), ("error", error.Message), ("id", row.Id));
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Wake();
                await using (var listen = new NpgsqlCommand($"LISTEN {MessagePipeline.NotificationChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Polling still delivers while the listener reconnects.
                logger.LogWarning(ex, "Outbox listener lost its connection; reconnecting");
                await Task.Delay(_options.PollingInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record OutboxRow(long Id, Guid MessageId, string MessageType, string Payload, string Handler, Guid CorrelationId, DateTimeOffset CreatedAt, int Attempts);
}

/// <summary>A stored message that no retry can deliver (unknown type or handler, unreadable payload): dead-lettered at once.</summary>
internal sealed class UndeliverableMessageException(string message) : Exception(message);
