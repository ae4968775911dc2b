using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Collections.Features.Dunning;
using Smart.Modules.Collections.Features.Receivables;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Collections.Features.Disputes;

public sealed record DisputeInput(string Reason)
{
    internal sealed class Validator : AbstractValidator<DisputeInput>
    {
        public Validator() => RuleFor(d => d.Reason).NotEmpty().MaximumLength(2000);
    }
}

public sealed record DisputeResolutionInput(string Outcome)
{
    internal sealed class Validator : AbstractValidator<DisputeResolutionInput>
    {
        public Validator() => RuleFor(d => d.Outcome).NotEmpty().MaximumLength(2000);
    }
}

/// <summary>Staff, or the member who owns the invoice, dispute a receivable: its dunning plan waits until the dispute is resolved.</summary>
public sealed record DisputeReceivable(Guid ReceivableId, DisputeInput Dispute)
{
    internal sealed class Validator : AbstractValidator<DisputeReceivable>
    {
        public Validator()
        {
            RuleFor(c => c.ReceivableId).NotEmpty();
            RuleFor(c => c.Dispute).NotNull().SetValidator(new DisputeInput.Validator());
        }
    }
}

/// <summary>Staff resolve a dispute: the plan resumes, its remaining steps moved by the days the dispute lasted.</summary>
public sealed record ResolveDispute(Guid ReceivableId, DisputeResolutionInput Resolution)
{
    internal sealed class Validator : AbstractValidator<ResolveDispute>
    {
        public Validator()
        {
            RuleFor(c => c.ReceivableId).NotEmpty();
            RuleFor(c => c.Resolution).NotNull().SetValidator(new DisputeResolutionInput.Validator());
        }
    }
}

public sealed class DisputesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<ReceivableView> HandleAsync(DisputeReceivable command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (stream, receivable) = await session.FetchVisibleForWritingAsync(command.ReceivableId, user, cancellationToken);
        var openedBy = user.IsInRole(SmartRoles.Member) && user.MemberId == receivable.OwnerId ? "member" : "staff";
        var opened = receivable.OpenDispute(command.Dispute.Reason.Trim(), openedBy, clock.Today());
        stream.AppendOne(opened);
        return ReceivableView.From(receivable.After([opened]));
    }

    /// <summary>The receivable, and its next step scheduled again on its moved date.</summary>
    public async Task<(ReceivableView, OutgoingMessages)> HandleAsync(ResolveDispute command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (stream, receivable) = await session.FetchVisibleForWritingAsync(command.ReceivableId, user, cancellationToken);
        var resolved = receivable.ResolveDispute(command.Resolution.Outcome.Trim(), clock.Today());
        stream.AppendOne(resolved);
        var after = receivable.After([resolved]);
        return (ReceivableView.From(after), DunningSchedule.NextStepOf(after, clock));
    }
}

public static class DisputesEndpoints
{
    [WolverinePost("/api/collections/receivables/{receivableId:guid}/dispute", OperationId = "DisputeReceivable"), ProducesCommandProblems]
    [EndpointSummary("Disputes a receivable (staff, or the member who owns the invoice): its dunning plan waits until the dispute is resolved.")]
    public static async Task<Ok<ReceivableView>> Dispute(Guid receivableId, DisputeInput dispute, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReceivableView>(new DisputeReceivable(receivableId, dispute), ct));

    [WolverinePost("/api/collections/receivables/{receivableId:guid}/dispute/resolution", OperationId = "ResolveDispute"), Authorize(SmartPolicies.Staff), ProducesCommandProblems]
    [EndpointSummary("Resolves a receivable's dispute (staff): the plan resumes, its remaining steps moved by the days the dispute lasted.")]
    public static async Task<Ok<ReceivableView>> Resolve(Guid receivableId, DisputeResolutionInput resolution, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReceivableView>(new ResolveDispute(receivableId, resolution), ct));
}
