using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;
using Smart.BuildingBlocks.Security;

namespace Smart.BuildingBlocks.Messaging;

public sealed record DeadLetterView(
    Guid Id, string Module, Guid MessageId, string MessageType, string Handler, Guid CorrelationId,
    int Attempts, DateTimeOffset CreatedAt, DateTimeOffset FailedAt, string Error, string Payload);

/// <summary>Operators look at what could not be delivered, fix the cause, and replay it.</summary>
internal sealed class DeadLetterStore(ModuleCatalog catalog, IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock)
{
    public async Task<IReadOnlyList<DeadLetterView>> ListAsync(string? module, int take, CancellationToken cancellationToken)
    {
        var views = new List<DeadLetterView>();
        foreach (var m in catalog.Modules.Where(m => module is null || string.Equals(m.Name, module, StringComparison.OrdinalIgnoreCase)))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(m.DbContextType);
            var letters = await db.DeadLetters.AsNoTracking().OrderByDescending(d => d.FailedAt).Take(take).ToListAsync(cancellationToken);
            views.AddRange(letters.Select(d => new DeadLetterView(d.Id, m.Name, d.MessageId, d.MessageType, d.Handler, d.CorrelationId,
                d.Attempts, d.CreatedAt, d.FailedAt, d.Error, d.Payload)));
        }
        return views.OrderByDescending(v => v.FailedAt).Take(take).ToList();
    }

    /// <summary>Moves the dead letter back to its module's outbox with a fresh attempt count. False when unknown.</summary>
    public async Task<bool> ReplayAsync(Guid id, CancellationToken cancellationToken)
    {
        foreach (var module in catalog.Modules)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The schema is the module's constant, never input; the id is a parameter.
            var sql = "SELECT * FROM " + module.Schema + ".dead_letters WHERE id = {0} FOR UPDATE";
            var letter = await db.DeadLetters.FromSqlRaw(sql, id)
                .SingleOrDefaultAsync(cancellationToken);
            if (letter is null) continue;
            db.DeadLetters.Remove(letter);
            db.OutboxMessages.Add(new OutboxMessage
            {
                MessageId = letter.MessageId,
                MessageType = letter.MessageType,
                Payload = letter.Payload,
                Handler = letter.Handler,
                CorrelationId = letter.CorrelationId,
                CreatedAt = letter.CreatedAt,
                DeliverAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({MessagePipeline.NotificationChannel}, {module.Schema})", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            signal.Wake();
            return true;
        }
        return false;
    }
}

public static class DeadLetterEndpoints
{
    public static IEndpointRouteBuilder MapDeadLetterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/operations/dead-letters")
            .WithTags("Operations")
            .RequireAuthorization(SmartPolicies.Operator);

        group.MapGet("/", async (string? module, int? take, DeadLetterStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.ListAsync(module, Math.Clamp(take ?? 100, 1, 500), ct)))
            .WithName("ListDeadLetters")
            .WithSummary("Messages that failed every retry, newest first (operators).");

        group.MapPost("/{id:guid}/replay", async (Guid id, DeadLetterStore store, CancellationToken ct) =>
                await store.ReplayAsync(id, ct) ? TypedResults.Accepted((string?)null) : throw new NotFoundException("Dead letter", id))
            .WithName("ReplayDeadLetter")
            .WithSummary("Puts a dead letter back in its outbox for a new delivery (operators).");
        return endpoints;
    }
}
