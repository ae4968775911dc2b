using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Collections.Domain.Receivables;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Collections.Features.Receivables;

public sealed record ReceivableView(
    Guid Id, string Number, ReceivableSource Source, Guid EntityId, Guid OfficeId, Guid? ActivityId, Guid OwnerId, Guid ClientId, string ClientName,
    string ClientTypology, DateOnly IssueDate, DateOnly DueDate, decimal Amount, decimal Credited, decimal Received, decimal Outstanding,
    decimal ClientCredit, decimal CreditUsed, decimal Provisioned, string Currency, ReceivableStatus Status, DateOnly? DisputedSince, IReadOnlyList<PlannedStep> Steps,
    CollectorTask? Collector, LegalStatus? Legal)
{
    internal static ReceivableView From(Receivable r) => new(r.Id, r.Number, r.Source, r.EntityId, r.OfficeId, r.ActivityId, r.OwnerId, r.ClientId,
        r.ClientName, r.ClientTypology, r.IssueDate, r.DueDate, r.Amount, r.Credited, r.Received, r.Outstanding, r.ClientCredit, r.CreditUsed, r.Provisioned,
        r.Currency, r.Status, r.DisputedSince, r.Steps, r.Collector, r.Legal);
}

/// <summary>One event of a receivable's collection history: its kind (e.g. <c>PaymentRecorded</c>), business date, amount if any, and what happened.</summary>
public sealed record ReceivableHistoryEntry(long Version, DateTimeOffset RecordedAt, string Kind, DateOnly Date, decimal? Amount, string Description);

public sealed record ReceivableDetail(ReceivableView Receivable, IReadOnlyList<ReceivableHistoryEntry> History);

public sealed record GetReceivable(Guid ReceivableId);

/// <summary>Receivables the caller may see, by entity, office and status, the earliest due first, a page at a time.</summary>
public sealed record ListReceivables(Guid? EntityId, Guid? OfficeId, ReceivableStatus? Status, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListReceivables>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
            RuleFor(q => q.Status).IsInEnum();
        }
    }
}

public sealed class ReceivableQueriesHandler(ICurrentUser user)
{
    public async Task<ReceivableDetail> HandleAsync(GetReceivable query, IQuerySession session, CancellationToken cancellationToken)
    {
        var receivable = await session.Query<Receivable>().VisibleTo(user).SingleOrDefaultAsync(r => r.Id == query.ReceivableId, cancellationToken)
            ?? throw new NotFoundException("Receivable", query.ReceivableId);
        var events = await session.Events.FetchStreamAsync(receivable.Id, token: cancellationToken);
        return new ReceivableDetail(ReceivableView.From(receivable), events.Select(ReceivableHistory.Entry).ToList());
    }

    public async Task<PagedResult<ReceivableView>> HandleAsync(ListReceivables query, IQuerySession session, CancellationToken cancellationToken)
    {
        var receivables = session.Query<Receivable>().VisibleTo(user);
        if (query.EntityId is { } entityId) receivables = receivables.Where(r => r.EntityId == entityId);
        if (query.OfficeId is { } officeId) receivables = receivables.Where(r => r.OfficeId == officeId);
        if (query.Status is { } status) receivables = receivables.Where(r => r.Status == status);
        var total = await receivables.CountAsync(cancellationToken);
        var page = await receivables.OrderBy(r => r.DueDate).ThenBy(r => r.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<ReceivableView>(page.Select(ReceivableView.From).ToList(), query.Page, query.PageSize, total);
    }
}

internal static class ReceivableVisibility
{
    /// <summary>Staff see their office's or entity's receivables, the member who owns the invoice theirs (<see cref="Visibility"/>).</summary>
    public static IQueryable<Receivable> VisibleTo(this IQueryable<Receivable> receivables, ICurrentUser user) =>
        receivables.VisibleTo(user, r => r.EntityId, r => r.OfficeId, r => r.OwnerId);
}

internal static class ReceivableHistory
{
    public static ReceivableHistoryEntry Entry(IEvent e)
    {
        var data = (IReceivableEvent)e.Data;
        var (amount, description) = data switch
        {
            ReceivableOpened o => ((decimal?)o.Amount, $"Invoice {o.Number} to {o.ClientName}, due on {o.DueDate:yyyy-MM-dd}."),
            CreditNoteApplied c => (c.Amount, $"Credit note {c.Number}."),
            PaymentRecorded p => (p.Amount, p.Reference is null ? "Payment." : $"Payment, reference {p.Reference}."),
            ReceivableSettled s => (s.AmountPaid, s.ClientCredit > 0 ? $"Settled; {s.ClientCredit:0.00} paid beyond it is the client's credit." : "Settled."),
            ReceivableCancelled => (null, "Cancelled by credit notes."),
            DunningStepTaken t => (null, $"Step {t.Step}: {t.Template} ({t.Channel})" + (t.Recipient is null ? "." : $" to {t.Recipient}.")
                + (t.SkippedSteps.Count > 0 ? $" Steps {string.Join(", ", t.SkippedSteps)} skipped, their date had passed." : "")),
            DisputeOpened d => (null, $"Disputed ({d.OpenedBy}): {d.Reason}"),
            DisputeResolved r => (null, $"Dispute resolved: {r.Outcome} The plan's next steps move {r.PlanDelayDays} days later."),
            ReceivableWrittenOff w => (w.Amount, $"Written off: {w.Reason}"),
            ClientCreditRefunded r => (r.Amount, r.Reference is null ? "Client's credit refunded." : $"Client's credit refunded, reference {r.Reference}."),
            PaymentDeclared p => (p.Amount, $"The client declares a payment on {p.PaidOn:yyyy-MM-dd}" + (p.Reference is null ? "." : $", reference {p.Reference}.")),
            CollectorAssigned c => (null, $"Collector's task assigned to {c.CollectorId}."),
            CollectorCallRecorded c => (c.PromisedAmount, $"Call: {c.Outcome}" + (c.PromisedOn is { } on ? $" Promise to pay by {on:yyyy-MM-dd}; the plan's next steps move {c.PlanDelayDays} days later." : "")),
            LegalActionDecided l => (null, $"Legal action: {l.Decision}. {l.Note}"),
            ClientCreditApplied a => (a.Amount, $"Client's credit applied to invoice {a.ToNumber}."),
            ProvisionBooked p => (p.Amount, $"Provision at {p.Rate:P0} of what is left to pay, {p.DaysAfterDue} days after the due date."),
            ProvisionReversed r => (r.Amount, r.Why == ProvisionRelease.WrittenOff ? "Provision released by the write-off." : "Provision reversed: the client paid."),
            _ => (null, ""),
        };
        return new ReceivableHistoryEntry(e.Version, e.Timestamp, e.Data.GetType().Name, data.Date, amount, description);
    }
}

public static class ReceivableQueriesEndpoints
{
    [WolverineGet("/api/collections/receivables/{receivableId:guid}", OperationId = "GetReceivable"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A receivable the caller may see (staff of its office or entity, the member who owns the invoice) with its collection history.")]
    public static async Task<Ok<ReceivableDetail>> Get(Guid receivableId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReceivableDetail>(new GetReceivable(receivableId), ct));

    [WolverineGet("/api/collections/receivables", OperationId = "ListReceivables"), ProducesValidationProblem]
    [EndpointSummary("Receivables the caller may see, by entity, office and status, the earliest due first, a page at a time.")]
    public static async Task<Ok<PagedResult<ReceivableView>>> List(Guid? entityId, Guid? officeId, ReceivableStatus? status, int? page, int? pageSize,
        IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<ReceivableView>>(new ListReceivables(entityId, officeId, status, page ?? 1, pageSize ?? 50), ct));
}
