using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Smart.BuildingBlocks.Bus;

/// <summary>A message that failed every attempt, as operators see it.</summary>
/// <param name="Queue">The durable queue that received it, which names the handling module.</param>
public sealed record DeadLetterView(
    Guid Id, string MessageType, string Queue, DateTimeOffset SentAt, string ExceptionType, string ExceptionMessage, bool Replayable);

/// <summary>Operators look at what could not be handled (Wolverine's dead letters), fix the cause, and replay it.</summary>
public static class DeadLetterEndpoints
{
    public static IEndpointRouteBuilder MapDeadLetterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/operations/dead-letters")
            .WithTags("Operations")
            .RequireAuthorization(SmartPolicies.Operator);

        group.MapGet("/", async (string? module, int? take, IWolverineRuntime runtime, CancellationToken ct) =>
            {
                var results = await runtime.Storage.DeadLetters.QueryAsync(
                    new DeadLetterEnvelopeQuery { PageSize = Math.Clamp(take ?? 100, 1, 500) }, ct);
                return TypedResults.Ok(results.Envelopes
                    .Where(letter => module is null || letter.ReceivedAt.Contains($".modules.{module}.", StringComparison.OrdinalIgnoreCase))
                    .OrderByDescending(letter => letter.SentAt)
                    .Select(letter => new DeadLetterView(letter.Id, letter.MessageType, letter.ReceivedAt, letter.SentAt,
                        letter.ExceptionType, letter.ExceptionMessage, letter.Replayable))
                    .ToList());
            })
            .WithName("ListDeadLetters")
            .WithSummary("Messages that failed every retry, newest first (operators); `module` keeps one module's.");

        group.MapPost("/{id:guid}/replay", async (Guid id, IWolverineRuntime runtime, CancellationToken ct) =>
            {
                _ = await runtime.Storage.DeadLetters.DeadLetterEnvelopeByIdAsync(id) ?? throw new NotFoundException("Dead letter", id);
                await runtime.Storage.DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery([id]), ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithName("ReplayDeadLetter")
            .WithSummary("Puts a dead letter back in its queue for a new delivery (operators).");
        return endpoints;
    }
}
