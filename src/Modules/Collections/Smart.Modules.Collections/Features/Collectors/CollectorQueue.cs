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
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Features.Dunning;
using Smart.Modules.Collections.Features.Receivables;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Collections.Features.Collectors;

/// <summary>
/// The collectors' work queue: unpaid receivables whose plan reached its collector's step, of an office (advisors see
/// their own), optionally one collector's, the earliest due first.
/// </summary>
public sealed record ListCollectorQueue(Guid? OfficeId, Guid? CollectorId, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListCollectorQueue>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }
}

public sealed record CollectorAssignmentInput(Guid CollectorId)
{
    internal sealed class Validator : AbstractValidator<CollectorAssignmentInput>
    {
        public Validator() => RuleFor(a => a.CollectorId).NotEmpty();
    }
}

public sealed record AssignCollector(Guid ReceivableId, CollectorAssignmentInput Assignment)
{
    internal sealed class Validator : AbstractValidator<AssignCollector>
    {
        public Validator()
        {
            RuleFor(c => c.ReceivableId).NotEmpty();
            RuleFor(c => c.Assignment).NotNull().SetValidator(new CollectorAssignmentInput.Validator());
        }
    }
}

public sealed record CollectorCallInput(string Outcome, DateOnly? PromisedOn, decimal? PromisedAmount)
{
    internal sealed class Validator : AbstractValidator<CollectorCallInput>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.PromisedOn!.Value).IsBusinessDate().When(c => c.PromisedOn is not null).OverridePropertyName("promisedOn");
            RuleFor(c => c.PromisedAmount).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(c => c.PromisedOn).NotNull().When(c => c.PromisedAmount is not null).WithMessage("A promised amount needs its date.");
        }
    }
}

/// <summary>A collector's call and its outcome; a promise to pay with a date reschedules the plan after it.</summary>
public sealed record RecordCollectorCall(Guid ReceivableId, CollectorCallInput Call)
{
    internal sealed class Validator : AbstractValidator<RecordCollectorCall>
    {
        public Validator()
        {
            RuleFor(c => c.ReceivableId).NotEmpty();
            RuleFor(c => c.Call).NotNull().SetValidator(new CollectorCallInput.Validator());
        }
    }
}

public sealed record LegalDecisionInput(LegalDecision Decision, string Note)
{
    internal sealed class Validator : AbstractValidator<LegalDecisionInput>
    {
        public Validator()
        {
            RuleFor(d => d.Decision).IsInEnum();
            RuleFor(d => d.Note).NotEmpty().MaximumLength(2000);
        }
    }
}

/// <summary>Operators decide on the legal action the plan proposed: hand the case to legal, or decline.</summary>
public sealed record DecideLegalAction(Guid ReceivableId, LegalDecisionInput Decision)
{
    internal sealed class Validator : AbstractValidator<DecideLegalAction>
    {
        public Validator()
        {
            RuleFor(c => c.ReceivableId).NotEmpty();
            RuleFor(c => c.Decision).NotNull().SetValidator(new LegalDecisionInput.Validator());
        }
    }
}

public sealed class CollectorQueueHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<PagedResult<ReceivableView>> HandleAsync(ListCollectorQueue query, IQuerySession session, CancellationToken cancellationToken)
    {
        var queue = session.Query<Receivable>().VisibleTo(user)
            .Where(r => r.Collector != null && (r.Status == ReceivableStatus.Open || r.Status == ReceivableStatus.Disputed));
        if (query.OfficeId is { } officeId) queue = queue.Where(r => r.OfficeId == officeId);
        if (query.CollectorId is { } collectorId) queue = queue.Where(r => r.Collector!.CollectorId == collectorId);
        var total = await queue.CountAsync(cancellationToken);
        var page = await queue.OrderBy(r => r.DueDate).ThenBy(r => r.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<ReceivableView>(page.Select(ReceivableView.From).ToList(), query.Page, query.PageSize, total);
    }

    public async Task<ReceivableView> HandleAsync(AssignCollector command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (stream, receivable) = await session.FetchVisibleForWritingAsync(command.ReceivableId, user, cancellationToken);
        var assigned = receivable.AssignCollector(command.Assignment.CollectorId, clock.Today());
        stream.AppendOne(assigned);
        return ReceivableView.From(receivable.After([assigned]));
    }

    /// <summary>The receivable; after a promise, its next step scheduled again on its moved date.</summary>
    public async Task<(ReceivableView, OutgoingMessages)> HandleAsync(RecordCollectorCall command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (stream, receivable) = await session.FetchVisibleForWritingAsync(command.ReceivableId, user, cancellationToken);
        var call = receivable.RecordCall(command.Call.Outcome.Trim(), command.Call.PromisedOn, command.Call.PromisedAmount, clock.Today());
        stream.AppendOne(call);
        var after = receivable.After([call]);
        return (ReceivableView.From(after), call.PlanDelayDays > 0 ? DunningSchedule.NextStepOf(after, clock) : []);
    }

    public async Task<ReceivableView> HandleAsync(DecideLegalAction command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (stream, receivable) = await session.FetchVisibleForWritingAsync(command.ReceivableId, user, cancellationToken);
        var decided = receivable.DecideLegalAction(command.Decision.Decision, command.Decision.Note.Trim(), clock.Today());
        stream.AppendOne(decided);
        return ReceivableView.From(receivable.After([decided]));
    }
}

public static class CollectorQueueEndpoints
{
    [WolverineGet("/api/collections/collector-queue", OperationId = "ListCollectorQueue"), Authorize(SmartPolicies.Staff), ProducesValidationProblem]
    [EndpointSummary("The collectors' work queue (staff): unpaid receivables whose plan reached its collector's step, by office and collector, the earliest due first.")]
    public static async Task<Ok<PagedResult<ReceivableView>>> List(Guid? officeId, Guid? collectorId, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<ReceivableView>>(new ListCollectorQueue(officeId, collectorId, page ?? 1, pageSize ?? 50), ct));

    [WolverinePost("/api/collections/receivables/{receivableId:guid}/collector/assignment", OperationId = "AssignCollector"), Authorize(SmartPolicies.Staff), ProducesCommandProblems]
    [EndpointSummary("Gives a receivable's collector task to a collector (staff).")]
    public static async Task<Ok<ReceivableView>> Assign(Guid receivableId, CollectorAssignmentInput assignment, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReceivableView>(new AssignCollector(receivableId, assignment), ct));

    [WolverinePost("/api/collections/receivables/{receivableId:guid}/collector/calls", OperationId = "RecordCollectorCall"), Authorize(SmartPolicies.Staff), ProducesCommandProblems]
    [EndpointSummary("Records a collector's call and its outcome (staff); a promise to pay with a date moves the plan's next steps after it.")]
    public static async Task<Ok<ReceivableView>> Call(Guid receivableId, CollectorCallInput call, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReceivableView>(new RecordCollectorCall(receivableId, call), ct));

    [WolverinePost("/api/collections/receivables/{receivableId:guid}/legal-action", OperationId = "DecideLegalAction"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Decides on the legal action the plan proposed (operators): hand the case to legal, or decline.")]
    public static async Task<Ok<ReceivableView>> Legal(Guid receivableId, LegalDecisionInput decision, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReceivableView>(new DecideLegalAction(receivableId, decision), ct));
}
