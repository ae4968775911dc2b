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
using Smart.Modules.Governance.Domain.Newcomers;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Newcomers;

/// <summary>
/// An entity's member life rules from a date (today or later; a version not yet in force may be corrected): active from
/// <c>activeRevenue</c> € excl. VAT or <c>activeContracts</c> contracts over 12 months, the offices' share of the
/// contribution (0.20 = 20 %), and sponsorship's limits.
/// </summary>
public sealed record MemberLifeRulesInput(
    DateOnly EffectiveFrom, decimal ActiveRevenue, int ActiveContracts, decimal LocalBudgetShare, int SponsorMinimumMonths, int MaxNewcomersPerSponsor, int NewcomerMonths)
{
    internal MemberLifeThresholds ToThresholds() => new(ActiveRevenue, ActiveContracts, LocalBudgetShare, SponsorMinimumMonths, MaxNewcomersPerSponsor, NewcomerMonths);

    internal sealed class Validator : AbstractValidator<MemberLifeRulesInput>
    {
        public Validator()
        {
            RuleFor(r => r.EffectiveFrom).IsBusinessDate();
            RuleFor(r => r.ActiveRevenue).GreaterThan(0).LessThanOrEqualTo(10_000_000m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(r => r.ActiveContracts).InclusiveBetween(1, 1_000);
            RuleFor(r => r.LocalBudgetShare).InclusiveBetween(0, 1).PrecisionScale(5, 4, ignoreTrailingZeros: true);
            RuleFor(r => r.SponsorMinimumMonths).InclusiveBetween(0, 600);
            RuleFor(r => r.MaxNewcomersPerSponsor).InclusiveBetween(1, 100);
            RuleFor(r => r.NewcomerMonths).InclusiveBetween(1, 60);
        }
    }
}

public sealed record SetMemberLifeRules(Guid EntityId, MemberLifeRulesInput Rules);

public sealed record GetMemberLifeRules(Guid EntityId);

public sealed record MemberLifeRulesView(
    DateOnly EffectiveFrom, decimal ActiveRevenue, int ActiveContracts, decimal LocalBudgetShare, int SponsorMinimumMonths, int MaxNewcomersPerSponsor, int NewcomerMonths)
{
    internal static MemberLifeRulesView From(MemberLifeRules r) => new(r.EffectiveFrom, r.Thresholds.ActiveRevenue, r.Thresholds.ActiveContracts,
        r.Thresholds.LocalBudgetShare, r.Thresholds.SponsorMinimumMonths, r.Thresholds.MaxNewcomersPerSponsor, r.Thresholds.NewcomerMonths);
}

public sealed class MemberLifeRulesHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The version set is published in the same transaction (the outbox), so the report applies the same thresholds.</summary>
    public async Task<IReadOnlyList<MemberLifeRulesView>> HandleAsync(SetMemberLifeRules command, IDocumentSession session, IMessageContext messages,
        CancellationToken cancellationToken)
    {
        await CheckEntityAsync(session, command.EntityId, cancellationToken);
        var input = command.Rules;
        var history = await session.MemberLifeRulesAsync(command.EntityId, cancellationToken);
        if (history.SingleOrDefault(r => r.EffectiveFrom == input.EffectiveFrom) is { } existing)
        {
            existing.Correct(input.ToThresholds(), clock.Today());
            session.UpdateRevision(existing, existing.Version + 1);
            await messages.PublishAsync(existing.ToRulesSet(clock.Today()));
        }
        else
        {
            var added = MemberLifeRules.From(command.EntityId, input.EffectiveFrom, input.ToThresholds(), clock.Today());
            session.Insert(added);
            await messages.PublishAsync(added.ToRulesSet(clock.Today()));
            history = [.. history, added];
        }
        return history.OrderBy(r => r.EffectiveFrom).Select(MemberLifeRulesView.From).ToList();
    }

    public async Task<IReadOnlyList<MemberLifeRulesView>> HandleAsync(GetMemberLifeRules query, IQuerySession session, CancellationToken cancellationToken)
    {
        await CheckEntityAsync(session, query.EntityId, cancellationToken);
        return (await session.MemberLifeRulesAsync(query.EntityId, cancellationToken)).OrderBy(r => r.EffectiveFrom).Select(MemberLifeRulesView.From).ToList();
    }

    private async Task CheckEntityAsync(IQuerySession session, Guid entityId, CancellationToken cancellationToken)
    {
        if (!await session.Query<CooperativeEntity>().VisibleTo(user).AnyAsync(e => e.Id == entityId, cancellationToken))
        {
            throw new NotFoundException("Entity", entityId);
        }
    }
}

/// <summary>The member life rules of an entity, for the features of this module.</summary>
internal static class MemberLifeRulesReading
{
    public static async Task<IReadOnlyList<MemberLifeRules>> MemberLifeRulesAsync(this IQuerySession session, Guid entityId, CancellationToken cancellationToken) =>
        await session.Query<MemberLifeRules>().Where(r => r.EntityId == entityId).ToListAsync(cancellationToken);

    /// <summary>The thresholds in force on a date; none is a 409 saying so.</summary>
    public static async Task<MemberLifeThresholds> MemberLifeThresholdsOnAsync(this IQuerySession session, Guid entityId, DateOnly date, CancellationToken cancellationToken) =>
        (await session.Query<MemberLifeRules>().Where(r => r.EntityId == entityId).EffectiveOn(date).FirstOrDefaultAsync(cancellationToken))?.Thresholds
        ?? throw InForce.Missing("member life rules", date);
}

public static class MemberLifeRulesEndpoints
{
    [WolverinePost("/api/governance/entities/{entityId:guid}/member-life-rules", OperationId = "SetMemberLifeRules"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Sets the typology thresholds, the offices' share of the contribution and sponsorship's limits from a date (admins); answers the rules' history.")]
    public static async Task<Ok<IReadOnlyList<MemberLifeRulesView>>> Set(Guid entityId, MemberLifeRulesInput rules, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<MemberLifeRulesView>>(new SetMemberLifeRules(entityId, rules), ct));

    [WolverineGet("/api/governance/entities/{entityId:guid}/member-life-rules", OperationId = "GetMemberLifeRules"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("An entity's member life rules (typology thresholds, local budget share, sponsorship), each from its date.")]
    public static async Task<Ok<IReadOnlyList<MemberLifeRulesView>>> Get(Guid entityId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<MemberLifeRulesView>>(new GetMemberLifeRules(entityId), ct));
}
