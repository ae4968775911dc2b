using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Features.Financing;
using Smart.Modules.Activities.Features.Salaries;
using Smart.Modules.Activities.Persistence;

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

internal sealed record RenameActivityRequest(string Name, int ExpectedVersion);

internal sealed record CloseActivityRequest(int ExpectedVersion);

public sealed class ChangeActivityHandler(ActivitiesDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task HandleAsync(RenameActivity command, CancellationToken cancellationToken)
    {
        var activity = await LoadAsync(command.ActivityId, command.ExpectedVersion, cancellationToken);
        activity.Rename(command.Name);
    }

    public async Task HandleAsync(CloseActivity command, CancellationToken cancellationToken)
    {
        var activity = await LoadAsync(command.ActivityId, command.ExpectedVersion, cancellationToken);
        // Salary requests and equipment lock the same row: none can slip in between reading the commitments and closing.
        await db.LockActivityAsync(activity.Id, cancellationToken);
        var balance = await db.BalanceAsync(activity.Id, cancellationToken);
        var committed = await db.CommittedAsync(activity.Id, cancellationToken);
        activity.Close(balance, committed, await db.OutstandingInstalmentsAsync(activity.Id, cancellationToken), clock.Today());
    }

    private async Task<Activity> LoadAsync(Guid activityId, int expectedVersion, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.VisibleTo(user).SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken)
            ?? throw new NotFoundException("Activity", activityId);
        // The save checks this version: an edit made since the caller read the activity wins, this one gets 409.
        db.Entry(activity).Property(a => a.Version).OriginalValue = expectedVersion;
        return activity;
    }
}

internal sealed class ChangeActivityEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapPut("/activities/{activityId:guid}/name", async (Guid activityId, RenameActivityRequest request, IMessageBus bus, CancellationToken ct) =>
            {
                await bus.InvokeAsync(new RenameActivity(activityId, request.Name, request.ExpectedVersion), ct);
                return TypedResults.NoContent();
            })
            .WithName("RenameActivity")
            .WithSummary("Renames an activity; send the version you read (409 if someone changed it since).")
            .ProducesCommandProblems();

        module.MapPost("/activities/{activityId:guid}/close", async (Guid activityId, CloseActivityRequest request, IMessageBus bus, CancellationToken ct) =>
            {
                await bus.InvokeAsync(new CloseActivity(activityId, request.ExpectedVersion), ct);
                return TypedResults.NoContent();
            })
            .WithName("CloseActivity")
            .WithSummary("Closes an activity whose balance is zero.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
