using FluentValidation;
using Microsoft.AspNetCore.Http;
using JasperFx;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.Activities;

/// <summary>Renames an activity. <see cref="ExpectedVersion"/> is the version the caller read: a concurrent edit makes it 409.</summary>
public sealed record RenameActivity(Guid ActivityId, string Name, int ExpectedVersion)
{
    internal sealed class Validator : AbstractValidator<RenameActivity>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0);
        }
    }
}

/// <summary>Closes an activity whose budget balance is zero (spent or transferred).</summary>
public sealed record CloseActivity(Guid ActivityId, int ExpectedVersion);

public sealed record RenameActivityRequest(string Name, int ExpectedVersion);

public sealed record CloseActivityRequest(int ExpectedVersion);

public sealed class ChangeActivityHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task HandleAsync(RenameActivity command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var activity = await LoadAsync(session, command.ActivityId, command.ExpectedVersion, cancellationToken);
        activity.Rename(command.Name);
        session.UpdateRevision(activity, activity.Version + 1);
    }

    public async Task HandleAsync(CloseActivity command, IDocumentSession session, CancellationToken cancellationToken)
    {
        // Salary requests and equipment take the same ledger: none can slip in between reading the commitments and closing.
        var ledger = await session.LedgerAsync(command.ActivityId, cancellationToken);
        var activity = await LoadAsync(session, command.ActivityId, command.ExpectedVersion, cancellationToken);
        activity.Close(ledger.Budget.Balance, ledger.Budget.Committed, ledger.Budget.OutstandingInstalments, clock.Today());
        session.UpdateRevision(activity, activity.Version + 1);
    }

    /// <summary>An edit made since the caller read the activity wins: this one gets 409 (and the save checks the revision again).</summary>
    private async Task<Activity> LoadAsync(IDocumentSession session, Guid activityId, int expectedVersion, CancellationToken cancellationToken)
    {
        var activity = await session.VisibleActivityAsync(user, activityId, cancellationToken);
        return activity.Version == expectedVersion ? activity : throw new ConcurrencyException(typeof(Activity), activityId);
    }
}

public static class ChangeActivityEndpoints
{
    [WolverinePut("/api/activities/activities/{activityId:guid}/name", OperationId = "RenameActivity"), ProducesCommandProblems]
    [EndpointSummary("Renames an activity; send the version you read (409 if someone changed it since).")]
    public static async Task<NoContent> Rename(Guid activityId, RenameActivityRequest request, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new RenameActivity(activityId, request.Name, request.ExpectedVersion), ct);
        return TypedResults.NoContent();
    }

    [WolverinePost("/api/activities/activities/{activityId:guid}/close", OperationId = "CloseActivity"), ProducesProblem(StatusCodes.Status404NotFound), ProducesProblem(StatusCodes.Status409Conflict)]
    [EndpointSummary("Closes an activity whose balance is zero.")]
    public static async Task<NoContent> Close(Guid activityId, CloseActivityRequest request, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new CloseActivity(activityId, request.ExpectedVersion), ct);
        return TypedResults.NoContent();
    }
}
