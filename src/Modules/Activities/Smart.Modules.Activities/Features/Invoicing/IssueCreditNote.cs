using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.Invoicing;

/// <summary>Credits part or all of an invoice (amount excl. VAT), never more than what remains to be credited.</summary>
public sealed record IssueCreditNote(Guid InvoiceId, decimal Net, DateOnly? IssueDate, string Reason)
{
    internal sealed class Validator : AbstractValidator<IssueCreditNote>
    {
        public Validator()
        {
            RuleFor(c => c.InvoiceId).NotEmpty();
            RuleFor(c => c.Net).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        }
    }
}

public sealed record IssueCreditNoteRequest(decimal Net, DateOnly? IssueDate, string Reason)
{
    public static IssueCreditNoteRequest Example => new(250.00m, null, "Performance shortened: one of four sets cancelled");
}

public sealed class IssueCreditNoteHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The credit note's id, and its event for Wolverine to publish with the transaction.</summary>
    public async Task<(Guid, CreditNoteIssued)> HandleAsync(IssueCreditNote command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var invoice = await session.LoadAsync<Invoice>(command.InvoiceId, cancellationToken);
        var activity = invoice is null ? null : await session.LoadAsync<Activity>(invoice.ActivityId, cancellationToken);
        if (invoice is null || activity is null || !activity.IsVisibleTo(user))
        {
            throw new NotFoundException("Invoice", command.InvoiceId);
        }
        var (creditNote, issued) = await session.IssueCreditNoteAsync(invoice, activity, command.Net, command.IssueDate, command.Reason, clock, cancellationToken);
        return (creditNote.Id, issued);
    }
}

internal static class CreditNoteIssuing
{
    /// <summary>
    /// The whole crediting, in the caller's transaction (shared with Training's trainee invoices, ADR 0087); the caller
    /// has checked who may credit the invoice and returns the event for Wolverine to publish.
    /// </summary>
    public static async Task<(CreditNote CreditNote, CreditNoteIssued Issued)> IssueCreditNoteAsync(this IDocumentSession session, Invoice invoice, Activity activity,
        decimal net, DateOnly? date, string reason, TimeProvider clock, CancellationToken cancellationToken)
    {
        activity.EnsureOpen();
        var today = clock.Today();
        var issueDate = date ?? today;
        // The ledger first, then the number, as when issuing an invoice; the invoice is read again once the ledger is
        // taken, so two credit notes on one invoice never both credit what remained.
        var ledger = await session.LedgerAsync(activity.Id, cancellationToken);
        invoice = await session.LoadAsync<Invoice>(invoice.Id, cancellationToken) ?? throw new NotFoundException("Invoice", invoice.Id);
        var number = await session.NextAsync(invoice.EntityId, DocumentKind.CreditNote, issueDate, today, cancellationToken);
        var creditNote = invoice.Credit(number, net, issueDate, reason);
        session.Insert(creditNote);
        session.UpdateRevision(invoice, invoice.Version + 1);
        ledger.Append(creditNote.BudgetEntries(clock.GetUtcNow()));
        return (creditNote, new CreditNoteIssued(creditNote.Id, creditNote.Number, invoice.Id, creditNote.EntityId, creditNote.ActivityId,
            creditNote.IssueDate, creditNote.Net, creditNote.Vat, creditNote.Gross, Invoice.Currency));
    }
}

public static class IssueCreditNoteEndpoint
{
    [WolverinePost("/api/activities/invoices/{invoiceId:guid}/credit-notes", OperationId = "IssueCreditNote"), ProducesCommandProblems]
    [EndpointSummary("Credits an invoice in full or in part; revenue and contribution are reversed in proportion.")]
    public static async Task<Created<ResourceCreated>> Post(Guid invoiceId, IssueCreditNoteRequest request, IMessageBus bus, CancellationToken ct)
    {
        var id = await bus.InvokeAsync<Guid>(new IssueCreditNote(invoiceId, request.Net, request.IssueDate, request.Reason), ct);
        return TypedResults.Created($"/api/activities/credit-notes/{id}", new ResourceCreated(id));
    }
}
