using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Persistence;

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

internal sealed record IssueCreditNoteRequest(decimal Net, DateOnly? IssueDate, string Reason)
{
    public static IssueCreditNoteRequest Example => new(250.00m, null, "Performance shortened: one of four sets cancelled");
}

public sealed class IssueCreditNoteHandler(ActivitiesDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The credit note's id, and its event for Wolverine to publish with the transaction.</summary>
    public async Task<(Guid, CreditNoteIssued)> HandleAsync(IssueCreditNote command, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == command.InvoiceId, cancellationToken);
        var activity = invoice is null ? null : await db.Activities.VisibleTo(user).SingleOrDefaultAsync(a => a.Id == invoice.ActivityId, cancellationToken);
        if (invoice is null || activity is null)
        {
            throw new NotFoundException("Invoice", command.InvoiceId);
        }
        activity.EnsureOpen();
        var today = clock.Today();
        var issueDate = command.IssueDate ?? today;
        var number = await db.NextAsync(invoice.EntityId, DocumentKind.CreditNote, issueDate, today, cancellationToken);
        var creditNote = invoice.Credit(number, command.Net, issueDate, command.Reason);
        db.CreditNotes.Add(creditNote);
        db.BudgetEntries.AddRange(creditNote.BudgetEntries(clock.GetUtcNow()));
        return (creditNote.Id, new CreditNoteIssued(creditNote.Id, creditNote.Number, invoice.Id, creditNote.EntityId, creditNote.ActivityId,
            creditNote.IssueDate, creditNote.Net, creditNote.Vat, creditNote.Gross, Invoice.Currency));
    }
}

internal sealed class IssueCreditNoteEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module) => module
        .MapPost("/invoices/{invoiceId:guid}/credit-notes", async (Guid invoiceId, IssueCreditNoteRequest request, IMessageBus bus, CancellationToken ct) =>
        {
            var id = await bus.InvokeAsync<Guid>(new IssueCreditNote(invoiceId, request.Net, request.IssueDate, request.Reason), ct);
            return TypedResults.Created($"/api/activities/credit-notes/{id}", new ResourceCreated(id));
        })
        .WithName("IssueCreditNote")
        .WithSummary("Credits an invoice in full or in part; revenue and contribution are reversed in proportion.")
        .ProducesCommandProblems();
}
