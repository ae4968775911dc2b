using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Proposals;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Proposals;

/// <summary>An entity's consultation rules from a date (today or later); a version not yet in force may be corrected.</summary>
public sealed record ConsultationRulesInput(DateOnly EffectiveFrom, int SupportsToReachCommittee)
{
    internal sealed class Validator : AbstractValidator<ConsultationRulesInput>
    {
        public Validator()
        {
            RuleFor(c => c.EffectiveFrom).IsBusinessDate();
            RuleFor(c => c.SupportsToReachCommittee).InclusiveBetween(1, 10_000);
        }
    }
}

public sealed record SetConsultationRules(Guid EntityId, ConsultationRulesInput Rules);

public sealed record GetConsultationRules(Guid EntityId);

public sealed record ConsultationRulesView(DateOnly EffectiveFrom, int SupportsToReachCommittee);

public sealed class ConsultationRulesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<ConsultationRulesView>> HandleAsync(SetConsultationRules command, IDocumentSession session, CancellationToken cancellationToken)
    {
        await CheckEntityAsync(session, command.EntityId, cancellationToken);
        var input = command.Rules;
        var history = await VersionsAsync(session, command.EntityId, cancellationToken);
        if (history.SingleOrDefault(r => r.EffectiveFrom == input.EffectiveFrom) is { } existing)
        {
            existing.Correct(input.SupportsToReachCommittee, clock.Today());
            session.UpdateRevision(existing, existing.Version + 1);
        }
        else
        {
            var added = ConsultationRules.From(command.EntityId, input.EffectiveFrom, input.SupportsToReachCommittee, clock.Today());
            session.Insert(added);
            history = [.. history, added];
        }
        return Views(history);
    }

    public async Task<IReadOnlyList<ConsultationRulesView>> HandleAsync(GetConsultationRules query, IQuerySession session, CancellationToken cancellationToken)
    {
        await CheckEntityAsync(session, query.EntityId, cancellationToken);
        return Views(await VersionsAsync(session, query.EntityId, cancellationToken));
    }

    private async Task CheckEntityAsync(IQuerySession session, Guid entityId, CancellationToken cancellationToken)
    {
        if (!await session.Query<CooperativeEntity>().VisibleTo(user).AnyAsync(e => e.Id == entityId, cancellationToken))
        {
            throw new NotFoundException("Entity", entityId);
        }
    }

    private static async Task<IReadOnlyList<ConsultationRules>> VersionsAsync(IQuerySession session, Guid entityId, CancellationToken cancellationToken) =>
        await session.Query<ConsultationRules>().Where(r => r.EntityId == entityId).ToListAsync(cancellationToken);

    private static IReadOnlyList<ConsultationRulesView> Views(IEnumerable<ConsultationRules> versions) =>
        versions.OrderBy(r => r.EffectiveFrom).Select(r => new ConsultationRulesView(r.EffectiveFrom, r.SupportsToReachCommittee)).ToList();
}

public static class ConsultationRulesEndpoints
{
    [WolverinePost("/api/governance/entities/{entityId:guid}/consultation-rules", OperationId = "SetConsultationRules"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Sets how many supports hand a proposal to its local committee, from a date (admins); answers the rules' history.")]
    public static async Task<Ok<IReadOnlyList<ConsultationRulesView>>> Set(Guid entityId, ConsultationRulesInput rules, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<ConsultationRulesView>>(new SetConsultationRules(entityId, rules), ct));

    [WolverineGet("/api/governance/entities/{entityId:guid}/consultation-rules", OperationId = "GetConsultationRules"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("An entity's consultation rules, each from its date.")]
    public static async Task<Ok<IReadOnlyList<ConsultationRulesView>>> Get(Guid entityId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<ConsultationRulesView>>(new GetConsultationRules(entityId), ct));
}
