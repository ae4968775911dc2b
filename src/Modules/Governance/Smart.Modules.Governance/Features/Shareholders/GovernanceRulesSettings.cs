using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Shareholding;
using Wolverine;
using Wolverine.Http;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Features.Shareholders;

public sealed record CategoryRuleInput(ShareholderCategory Category, VotingCollege College, int MinimumShares);

public sealed record CollegeWeightInput(VotingCollege College, decimal Weight);

/// <summary>A version of an entity's governance rules from a date: weights are fractions (0.25 = 25 %).</summary>
public sealed record GovernanceRulesInput(
    DateOnly EffectiveFrom, decimal NominalValue, int MaxInstalments, IReadOnlyList<CategoryRuleInput> Categories, IReadOnlyList<CollegeWeightInput> Colleges,
    int ConvocationNoticeDays, int MaxProxiesPerHolder, int MandateYears)
{
    internal GovernanceRulesVersion ToVersion() => new(EffectiveFrom, NominalValue, MaxInstalments,
        Categories.Select(c => new CategoryRule(c.Category, c.College, c.MinimumShares)).ToList(),
        Colleges.Select(c => new CollegeWeight(c.College, c.Weight)).ToList(), ConvocationNoticeDays, MaxProxiesPerHolder, MandateYears);

    internal static GovernanceRulesInput From(GovernanceRulesVersion v) => new(v.EffectiveFrom, v.NominalValue, v.MaxInstalments,
        v.Categories.Select(c => new CategoryRuleInput(c.Category, c.College, c.MinimumShares)).ToList(),
        v.Colleges.Select(c => new CollegeWeightInput(c.College, c.Weight)).ToList(), v.ConvocationNoticeDays, v.MaxProxiesPerHolder, v.MandateYears);

    public static GovernanceRulesInput Example => From(GovernanceRulesVersion.SmartFr(new DateOnly(2027, 1, 1)));

    internal sealed class Validator : AbstractValidator<GovernanceRulesInput>
    {
        public Validator()
        {
            RuleFor(r => r.EffectiveFrom).IsBusinessDate();
            RuleFor(r => r.NominalValue).GreaterThan(0).LessThanOrEqualTo(100_000m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(r => r.MaxInstalments).InclusiveBetween(1, 24);
            RuleFor(r => r.ConvocationNoticeDays).InclusiveBetween(0, 90);
            RuleFor(r => r.MaxProxiesPerHolder).InclusiveBetween(0, 100);
            RuleFor(r => r.MandateYears).InclusiveBetween(1, 6).WithMessage("A board mandate lasts 1 to 6 years (the legal maximum).");
            RuleFor(r => r.Categories).HasItems(Enum.GetValues<ShareholderCategory>().Length);
            RuleForEach(r => r.Categories).EachValid(new CategoryValidator());
            RuleFor(r => r.Categories).Must(c => c.Select(x => x.Category).Distinct().Count() == c.Count)
                .When(r => Lists.HasNoNullItem(r.Categories)).WithMessage("Each category once.");
            RuleFor(r => r.Colleges).HasItems(Enum.GetValues<VotingCollege>().Length);
            RuleForEach(r => r.Colleges).EachValid(new CollegeValidator());
            RuleFor(r => r.Colleges).Must(c => c.Select(x => x.College).Distinct().Count() == c.Count)
                .When(r => Lists.HasNoNullItem(r.Colleges)).WithMessage("Each college once.");
            RuleFor(r => r.Colleges).Must(c => c.Sum(x => x.Weight) == 1m)
                .When(r => Lists.HasNoNullItem(r.Colleges)).WithMessage("The weights add up to 1 (100 %).");
            RuleFor(r => r.Categories).Must((r, c) => c.All(x => r.Colleges.Any(w => w.College == x.College)))
                .When(r => Lists.HasNoNullItem(r.Categories) && Lists.HasNoNullItem(r.Colleges)).WithMessage("Every category's college has a weight.");
        }
    }

    private sealed class CategoryValidator : AbstractValidator<CategoryRuleInput>
    {
        public CategoryValidator()
        {
            RuleFor(c => c.Category).IsInEnum();
            RuleFor(c => c.College).IsInEnum();
            RuleFor(c => c.MinimumShares).InclusiveBetween(1, 10_000);
        }
    }

    private sealed class CollegeValidator : AbstractValidator<CollegeWeightInput>
    {
        public CollegeValidator()
        {
            RuleFor(c => c.College).IsInEnum();
            RuleFor(c => c.Weight).GreaterThan(0).LessThanOrEqualTo(1).PrecisionScale(7, 6, ignoreTrailingZeros: true);
        }
    }
}

public sealed record ChangeGovernanceRules(Guid EntityId, GovernanceRulesInput Rules)
{
    internal sealed class Validator : AbstractValidator<ChangeGovernanceRules>
    {
        public Validator()
        {
            RuleFor(c => c.EntityId).NotEmpty();
            RuleFor(c => c.Rules).NotNull().SetValidator(new GovernanceRulesInput.Validator());
        }
    }
}

public sealed record GovernanceRulesView(Guid EntityId, GovernanceRulesInput? InForce, IReadOnlyList<GovernanceRulesInput> History);

public sealed record GetGovernanceRules(Guid EntityId);

public sealed class GovernanceRulesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task HandleAsync(ChangeGovernanceRules command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var entity = await session.Query<CooperativeEntity>().VisibleTo(user).SingleOrDefaultAsync(e => e.Id == command.EntityId, cancellationToken)
            ?? throw new NotFoundException("Entity", command.EntityId);
        var rules = await session.LoadAsync<GovernanceRules>(entity.Id, cancellationToken);
        if (rules is null)
        {
            rules = GovernanceRules.Of(entity.Id);
            rules.Add(command.Rules.ToVersion(), clock.Today());
            session.Insert(rules);
            return;
        }
        rules.Add(command.Rules.ToVersion(), clock.Today());
        session.UpdateRevision(rules, rules.Version + 1);
    }

    public async Task<GovernanceRulesView> HandleAsync(GetGovernanceRules query, IQuerySession session, CancellationToken cancellationToken)
    {
        if (!await session.Query<CooperativeEntity>().VisibleTo(user).AnyAsync(e => e.Id == query.EntityId, cancellationToken))
        {
            throw new NotFoundException("Entity", query.EntityId);
        }
        var rules = await session.LoadAsync<GovernanceRules>(query.EntityId, cancellationToken);
        var history = rules?.Versions ?? [];
        return new GovernanceRulesView(query.EntityId, history.InForceOn(clock.Today()) is { } current ? GovernanceRulesInput.From(current) : null,
            history.Select(GovernanceRulesInput.From).ToList());
    }
}

public static class GovernanceRulesEndpoints
{
    [WolverinePut("/api/governance/entities/{entityId:guid}/governance-rules", OperationId = "ChangeGovernanceRules"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Adds a version of the entity's governance rules from a date, never in the past: share value, instalments, categories and colleges with their weights, notice, proxies, mandates (admins).")]
    public static async Task<NoContent> Put(Guid entityId, GovernanceRulesInput rules, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new ChangeGovernanceRules(entityId, rules), ct);
        return TypedResults.NoContent();
    }

    [WolverineGet("/api/governance/entities/{entityId:guid}/governance-rules", OperationId = "GetGovernanceRules"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The entity's governance rules in force today and their history.")]
    public static async Task<Ok<GovernanceRulesView>> Get(Guid entityId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<GovernanceRulesView>(new GetGovernanceRules(entityId), ct));
}
