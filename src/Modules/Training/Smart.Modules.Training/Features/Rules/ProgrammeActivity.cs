using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Training.Domain.Rules;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Training.Features.Rules;

/// <summary>
/// The activity of the caller's entity that sells its training programme from a date (ADR 0087): it invoices the
/// priced non-member trainees registered from then on. A version of the same date is replaced.
/// </summary>
public sealed record SetProgrammeActivity(DateOnly EffectiveFrom, Guid ActivityId)
{
    internal sealed class Validator : AbstractValidator<SetProgrammeActivity>
    {
        public Validator()
        {
            RuleFor(c => c.EffectiveFrom).IsBusinessDate();
            RuleFor(c => c.ActivityId).NotEmpty();
        }
    }
}

/// <summary>The version to set, with the activity as Activities answered for it (null when unknown).</summary>
public sealed record SetProgrammeActivityOf(SetProgrammeActivity Version, ActivityStanding? Activity);

public sealed record GetProgrammeActivities;

public sealed record ProgrammeActivityView(DateOnly EffectiveFrom, Guid ActivityId);

public sealed class ProgrammeActivityHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task HandleAsync(SetProgrammeActivityOf command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var entityId = user.EntityId ?? throw new NotFoundException("Entity", "of the caller");
        var version = command.Version;
        // Another entity's activity does not exist for the caller.
        var activity = command.Activity is { } a && a.EntityId == entityId ? a : throw new NotFoundException("Activity", version.ActivityId);
        BusinessRules.Check(new ActivityIsOpen(activity));
        // Never retroactive: registrations already made keep the activity they were to be invoiced by.
        if (version.EffectiveFrom < clock.Today())
        {
            throw TrainingAccess.Field("effectiveFrom", "The activity sells the programme from today or a later date.");
        }
        var rules = await session.TrainingRulesForWritingAsync(entityId, cancellationToken);
        rules.SetProgrammeActivity(new ProgrammeActivity(version.EffectiveFrom, activity.ActivityId));
        session.UpdateRevision(rules, rules.Version + 1);
    }

    public async Task<IReadOnlyList<ProgrammeActivityView>> HandleAsync(GetProgrammeActivities query, IQuerySession session, CancellationToken cancellationToken)
    {
        var rules = user.EntityId is { } entityId ? await session.LoadAsync<TrainingRules>(entityId, cancellationToken) : null;
        return rules?.Programme.Select(p => new ProgrammeActivityView(p.EffectiveFrom, p.ActivityId)).ToList() ?? [];
    }

    private sealed record ActivityIsOpen(ActivityStanding Activity) : IBusinessRule
    {
        public bool IsBroken() => !Activity.IsOpen;

        public string Message => $"The activity {Activity.Name} is closed: it invoices no more.";
    }
}

public static class ProgrammeActivityEndpoints
{
    [WolverinePut("/api/training/programme-activity", OperationId = "SetTrainingProgrammeActivity"), Authorize(SmartPolicies.Admin), ProducesCommandProblems,
     ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Sets the entity's activity selling its training programme from a date (admins): it invoices the priced non-member trainees registered from then on (a training activity, for the VAT exemption).")]
    public static async Task<NoContent> Put(SetProgrammeActivity command, IMessageBus bus, CancellationToken ct)
    {
        // Activities owns activities: it answers for this one before Training records it.
        var activity = await bus.InvokeAsync<ActivityStanding?>(new GetActivityStanding(command.ActivityId), ct);
        await bus.InvokeAsync(new SetProgrammeActivityOf(command, activity), ct);
        return TypedResults.NoContent();
    }

    [WolverineGet("/api/training/programme-activity", OperationId = "GetTrainingProgrammeActivities"), Authorize(SmartPolicies.Staff)]
    [EndpointSummary("The versions of the entity's activity selling its training programme, oldest first (staff).")]
    public static async Task<Ok<IReadOnlyList<ProgrammeActivityView>>> Get(IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<ProgrammeActivityView>>(new GetProgrammeActivities(), ct));
}
