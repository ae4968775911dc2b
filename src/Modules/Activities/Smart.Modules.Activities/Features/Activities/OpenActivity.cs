using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Members;
using Smart.Modules.Activities.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using Wolverine;

namespace Smart.Modules.Activities.Features.Activities;

/// <summary>
/// Opens an activity coordinated by a member, in the member's entity and office. A member opens their own
/// (no coordinator to give); staff open one for a member they can see.
/// </summary>
public sealed record OpenActivity(Guid? CoordinatorId, string Name, ActivityKind Kind, int ServiceTier)
{
    public static OpenActivity Example => new(null, "Compagnie Les Échappées — tournée 2026", ActivityKind.LivePerformance, 1);

    internal sealed class Validator : AbstractValidator<OpenActivity>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.ServiceTier).InclusiveBetween(Activity.LowestTier, Activity.HighestTier);
            RuleFor(c => c.CoordinatorId).NotEqual(Guid.Empty);
        }
    }
}

public sealed class OpenActivityHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The activity's id, and its event for Wolverine to publish with the transaction.</summary>
    public async Task<(Guid, ActivityOpened)> HandleAsync(OpenActivity command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var coordinatorId = command.CoordinatorId ?? user.MemberId ?? throw new NotFoundException("Member", "coordinator");
        var coordinator = await session.Query<Member>().VisibleTo(user).SingleOrDefaultAsync(m => m.MemberId == coordinatorId, cancellationToken)
            ?? throw new NotFoundException("Member", coordinatorId);
        var activity = Activity.Open(coordinator.MemberId, coordinator.EntityId, coordinator.OfficeId, command.Name, command.Kind, command.ServiceTier, clock.Today());
        session.Insert(activity);
        session.StartLedger(activity.Id, activity.OpenedOn);
        return (activity.Id, activity.ToActivityOpened());
    }
}

public static class OpenActivityEndpoint
{
    [WolverinePost("/api/activities/activities", OperationId = "OpenActivity"), ProducesCommandProblems]
    [EndpointSummary("Opens an activity: a member for themself, staff for a member of their scope.")]
    public static Task<Created<ResourceCreated>> Post(OpenActivity command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/activities/activities/", ct);
}
