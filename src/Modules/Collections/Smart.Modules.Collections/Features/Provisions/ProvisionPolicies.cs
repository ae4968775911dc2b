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
using Smart.Modules.Collections.Domain.Provisions;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Collections.Features.Provisions;

public sealed record ProvisionTierInput(int DaysAfterDue, decimal Rate)
{
    internal sealed class Validator : AbstractValidator<ProvisionTierInput>
    {
        public Validator()
        {
            RuleFor(t => t.DaysAfterDue).InclusiveBetween(1, 3650);
            RuleFor(t => t.Rate).GreaterThan(0m).LessThanOrEqualTo(1m).PrecisionScale(5, 4, ignoreTrailingZeros: true);
        }
    }
}

/// <summary>
/// An entity's provision policy from a date (today or later; the same date replaces it): tiers of days after the due date
/// and rates rising with them. Receivables take the policy in force on their invoice's issue date.
/// </summary>
public sealed record SetProvisionPolicy(Guid EntityId, DateOnly EffectiveFrom, IReadOnlyList<ProvisionTierInput> Tiers)
{
    public const int MaxTiers = 5;

    internal sealed class Validator : AbstractValidator<SetProvisionPolicy>
    {
        public Validator()
        {
            RuleFor(c => c.EntityId).NotEmpty();
            RuleFor(c => c.EffectiveFrom).IsBusinessDate();
            RuleFor(c => c.Tiers).HasItems(MaxTiers)
                .Must(tiers =>
                {
                    var ordered = tiers.OrderBy(t => t.DaysAfterDue).ToList();
                    return ordered.Zip(ordered.Skip(1)).All(p => p.First.DaysAfterDue < p.Second.DaysAfterDue && p.First.Rate < p.Second.Rate);
                }).When(c => Lists.HasNoNullItem(c.Tiers))
                .WithMessage("Each tier falls on its own day, and a later tier provisions more.");
            RuleForEach(c => c.Tiers).EachValid(new ProvisionTierInput.Validator());
        }
    }
}

/// <summary>The policy in force on a date (default today) for an entity (default the caller's): the default one when it set none.</summary>
public sealed record GetProvisionPolicy(Guid? EntityId, DateOnly? On)
{
    internal sealed class Validator : AbstractValidator<GetProvisionPolicy>
    {
        public Validator() => RuleFor(q => q.On!.Value).IsBusinessDate().When(q => q.On is not null).OverridePropertyName("on");
    }
}

public sealed record ProvisionPolicyView(IReadOnlyList<ProvisionTier> Tiers, bool IsDefault)
{
    internal static ProvisionPolicyView From(ProvisionPolicy policy) => new(policy.Tiers, ReferenceEquals(policy, ProvisionPolicy.Default));
}

public sealed class ProvisionPoliciesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<ProvisionPolicyView> HandleAsync(SetProvisionPolicy command, IDocumentSession session, CancellationToken cancellationToken)
    {
        user.EnsureEntityOf(command.EntityId);
        BusinessRules.Check(new PolicyNotRetroactive(command.EffectiveFrom, clock.Today()));
        var existing = await session.Query<ProvisionPolicyVersion>()
            .Where(v => v.EntityId == command.EntityId && v.EffectiveFrom == command.EffectiveFrom).SingleOrDefaultAsync(cancellationToken);
        var policy = new ProvisionPolicy(command.Tiers.Select(t => new ProvisionTier(t.DaysAfterDue, t.Rate)).OrderBy(t => t.DaysAfterDue).ToList());
        session.Store(new ProvisionPolicyVersion(existing?.Id ?? Guid.CreateVersion7(), command.EntityId, command.EffectiveFrom, policy));
        return ProvisionPolicyView.From(policy);
    }

    public async Task<ProvisionPolicyView> HandleAsync(GetProvisionPolicy query, IQuerySession session, CancellationToken cancellationToken)
    {
        var entityId = query.EntityId ?? user.EntityId ?? throw new NotFoundException("Entity", "none");
        user.EnsureEntityOf(entityId);
        return ProvisionPolicyView.From(await ProvisionPolicies.InForceAsync(session, entityId, query.On ?? clock.Today(), cancellationToken));
    }

    private sealed record PolicyNotRetroactive(DateOnly EffectiveFrom, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => EffectiveFrom < Today;

        public string Message => $"A provision policy applies from today ({Today:yyyy-MM-dd}) or later, not from {EffectiveFrom:yyyy-MM-dd}.";
    }
}

internal static class ProvisionPolicies
{
    public static async Task<ProvisionPolicy> InForceAsync(IQuerySession session, Guid entityId, DateOnly date, CancellationToken cancellationToken) =>
        ProvisionPolicy.InForce(await session.Query<ProvisionPolicyVersion>().Where(v => v.EntityId == entityId).ToListAsync(cancellationToken), date);
}

public static class ProvisionPoliciesEndpoints
{
    [WolverinePost("/api/collections/provision-policies", OperationId = "SetProvisionPolicy"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Sets an entity's provision policy for doubtful receivables from a date (admins): rates of what is left to pay by days after the due date.")]
    public static async Task<Ok<ProvisionPolicyView>> Set(SetProvisionPolicy command, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ProvisionPolicyView>(command, ct));

    [WolverineGet("/api/collections/provision-policies", OperationId = "GetProvisionPolicy"), Authorize(SmartPolicies.Staff)]
    [ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The provision policy in force on a date (default today) for an entity (default the caller's), for its staff.")]
    public static async Task<Ok<ProvisionPolicyView>> Get(Guid? entityId, DateOnly? on, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ProvisionPolicyView>(new GetProvisionPolicy(entityId, on), ct));
}
