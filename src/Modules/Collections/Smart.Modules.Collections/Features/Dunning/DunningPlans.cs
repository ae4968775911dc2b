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
using Smart.Modules.Collections.Domain.Dunning;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Collections.Features.Dunning;

public sealed record DunningStepInput(int DaysAfterDue, DunningChannel Channel, DunningTemplate Template)
{
    /// <summary>The templates written as e-mails; the others describe a person's task.</summary>
    private static readonly DunningTemplate[] EmailTemplates = [DunningTemplate.FriendlyReminder, DunningTemplate.SecondReminder, DunningTemplate.FormalNotice];

    internal sealed class Validator : AbstractValidator<DunningStepInput>
    {
        public Validator()
        {
            RuleFor(s => s.DaysAfterDue).InclusiveBetween(0, 730);
            RuleFor(s => s.Channel).IsInEnum();
            RuleFor(s => s.Template).IsInEnum()
                .Must((step, template) => step.Channel != DunningChannel.Email || EmailTemplates.Contains(template))
                .WithMessage($"An e-mail step uses one of {string.Join(", ", EmailTemplates)}.");
        }
    }
}

/// <summary>
/// An entity's dunning plan from a date (today or later, never retroactive), for one client typology or, without one, for
/// every typology that has no plan of its own. A plan set again for the same entity, typology and date replaces it.
/// Receivables take the plan in force on their invoice's issue date.
/// </summary>
public sealed record SetDunningPlan(Guid EntityId, ClientTypology? Typology, DateOnly EffectiveFrom, IReadOnlyList<DunningStepInput> Steps,
    decimal LateInterestRate, decimal RecoveryIndemnity, int? ClientLinkDays = null)
{
    public const int MaxSteps = 10;

    internal sealed class Validator : AbstractValidator<SetDunningPlan>
    {
        public Validator()
        {
            RuleFor(c => c.EntityId).NotEmpty();
            RuleFor(c => c.Typology).IsInEnum();
            RuleFor(c => c.EffectiveFrom).IsBusinessDate();
            RuleFor(c => c.Steps).HasItems(MaxSteps)
                .Must(steps => steps.Select(s => s.DaysAfterDue).Distinct().Count() == steps.Count).When(c => Lists.HasNoNullItem(c.Steps))
                .WithMessage("Two steps cannot fall on the same day.");
            RuleForEach(c => c.Steps).EachValid(new DunningStepInput.Validator());
            RuleFor(c => c.LateInterestRate).InclusiveBetween(0m, 1m).PrecisionScale(7, 6, ignoreTrailingZeros: true);
            RuleFor(c => c.RecoveryIndemnity).InclusiveBetween(0m, 10_000m).PrecisionScale(7, 2, ignoreTrailingZeros: true);
            RuleFor(c => c.ClientLinkDays).InclusiveBetween(1, 365);
        }
    }
}

/// <summary>
/// The plan in force on a date (default today) for a client typology of an entity (default the caller's): the default plan
/// when the entity set none.
/// </summary>
public sealed record GetDunningPlan(Guid? EntityId, ClientTypology? Typology, DateOnly? On)
{
    internal sealed class Validator : AbstractValidator<GetDunningPlan>
    {
        public Validator()
        {
            RuleFor(q => q.Typology).NotNull().IsInEnum();
            RuleFor(q => q.On!.Value).IsBusinessDate().When(q => q.On is not null).OverridePropertyName("on");
        }
    }
}

public sealed record DunningPlanView(IReadOnlyList<DunningStep> Steps, decimal LateInterestRate, decimal RecoveryIndemnity, int ClientLinkDays, bool IsDefault)
{
    internal static DunningPlanView From(DunningPlan plan) =>
        new(plan.Steps, plan.LateInterestRate, plan.RecoveryIndemnity, plan.ClientLinkDays, ReferenceEquals(plan, DunningPlan.Default));
}

public sealed class DunningPlansHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<DunningPlanView> HandleAsync(SetDunningPlan command, IDocumentSession session, CancellationToken cancellationToken)
    {
        user.EnsureEntityOf(command.EntityId);
        BusinessRules.Check(new PlanNotRetroactive(command.EffectiveFrom, clock.Today()));
        var existing = await session.Query<DunningPlanVersion>()
            .Where(v => v.EntityId == command.EntityId && v.Typology == command.Typology && v.EffectiveFrom == command.EffectiveFrom)
            .SingleOrDefaultAsync(cancellationToken);
        var plan = new DunningPlan(command.Steps.Select(s => new DunningStep(s.DaysAfterDue, s.Channel, s.Template)).OrderBy(s => s.DaysAfterDue).ToList(),
            command.LateInterestRate, command.RecoveryIndemnity, command.ClientLinkDays ?? DunningPlan.DefaultClientLinkDays);
        session.Store(new DunningPlanVersion(existing?.Id ?? Guid.CreateVersion7(), command.EntityId, command.Typology, command.EffectiveFrom, plan));
        return DunningPlanView.From(plan);
    }

    public async Task<DunningPlanView> HandleAsync(GetDunningPlan query, IQuerySession session, CancellationToken cancellationToken)
    {
        var entityId = query.EntityId ?? user.EntityId ?? throw new NotFoundException("Entity", "none");
        user.EnsureEntityOf(entityId);
        var versions = await session.Query<DunningPlanVersion>().Where(v => v.EntityId == entityId).ToListAsync(cancellationToken);
        return DunningPlanView.From(DunningPlan.InForce(versions, query.Typology!.Value.ToString(), query.On ?? clock.Today()));
    }

    private sealed record PlanNotRetroactive(DateOnly EffectiveFrom, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => EffectiveFrom < Today;

        public string Message => $"A plan applies from today ({Today:yyyy-MM-dd}) or later, not from {EffectiveFrom:yyyy-MM-dd}.";
    }
}

public static class DunningPlansEndpoints
{
    [WolverinePost("/api/collections/dunning-plans", OperationId = "SetDunningPlan"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Sets an entity's dunning plan from a date, for a client typology or for all without their own (admins).")]
    public static async Task<Ok<DunningPlanView>> Set(SetDunningPlan command, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<DunningPlanView>(command, ct));

    [WolverineGet("/api/collections/dunning-plans", OperationId = "GetDunningPlan"), Authorize(SmartPolicies.Staff)]
    [ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The dunning plan in force on a date (default today) for clients of a typology of an entity (default the caller's), for its staff.")]
    public static async Task<Ok<DunningPlanView>> Get(Guid? entityId, ClientTypology? typology, DateOnly? on, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<DunningPlanView>(new GetDunningPlan(entityId, typology, on), ct));
}
