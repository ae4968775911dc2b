using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Training.Domain.Rules;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Training.Features.Rules;

/// <summary>
/// The caller's entity's cancellation rule for registrations from a date: free (a charge given back) until
/// <see cref="FreeCancellationDays"/> days before a session starts, later the price is kept. Registrations keep the rule in
/// force when they were made; a version of the same date is replaced.
/// </summary>
public sealed record SetCancellationRule(DateOnly EffectiveFrom, int FreeCancellationDays)
{
    public const int MaxDays = 90;

    internal sealed class Validator : AbstractValidator<SetCancellationRule>
    {
        public Validator()
        {
            RuleFor(c => c.EffectiveFrom).IsBusinessDate();
            RuleFor(c => c.FreeCancellationDays).InclusiveBetween(0, MaxDays);
        }
    }
}

public sealed record GetCancellationRules;

public sealed record CancellationRuleView(DateOnly EffectiveFrom, int FreeCancellationDays);

public sealed class CancellationRulesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task HandleAsync(SetCancellationRule command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var entityId = user.EntityId ?? throw new NotFoundException("Entity", "of the caller");
        // Never retroactive: registrations already made keep their rule, and a past date would rewrite what was in force.
        if (command.EffectiveFrom < clock.Today())
        {
            throw TrainingAccess.Field("effectiveFrom", "A rule applies from today or a later date.");
        }
        var rules = await session.TrainingRulesForWritingAsync(entityId, cancellationToken);
        rules.SetCancellation(new CancellationRule(command.EffectiveFrom, command.FreeCancellationDays));
        session.UpdateRevision(rules, rules.Version + 1);
    }

    public async Task<IReadOnlyList<CancellationRuleView>> HandleAsync(GetCancellationRules query, IQuerySession session, CancellationToken cancellationToken)
    {
        var rules = user.EntityId is { } entityId ? await session.LoadAsync<TrainingRules>(entityId, cancellationToken) : null;
        return rules?.Cancellation.Select(r => new CancellationRuleView(r.EffectiveFrom, r.FreeCancellationDays)).ToList() ?? [];
    }
}

public static class CancellationRulesEndpoints
{
    [WolverinePut("/api/training/cancellation-rules", OperationId = "SetTrainingCancellationRule"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Sets the entity's cancellation rule for registrations from a date (admins): free until so many days before a session, later the price is kept.")]
    public static async Task<NoContent> Put(SetCancellationRule command, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(command, ct);
        return TypedResults.NoContent();
    }

    [WolverineGet("/api/training/cancellation-rules", OperationId = "GetTrainingCancellationRules"), Authorize(SmartPolicies.Staff)]
    [EndpointSummary("The versions of the entity's cancellation rule for registrations, oldest first (staff).")]
    public static async Task<Ok<IReadOnlyList<CancellationRuleView>>> Get(IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<CancellationRuleView>>(new GetCancellationRules(), ct));
}
