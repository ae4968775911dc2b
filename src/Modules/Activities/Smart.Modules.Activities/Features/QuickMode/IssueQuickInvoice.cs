using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Features.Invoicing;
using Smart.Modules.Activities.Features.Salaries;
using Smart.Modules.Activities.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.QuickMode;

public sealed record QuickInvoiceIssued(Guid InvoiceId, Guid SalaryRequestId);

/// <summary>
/// Quick mode (the "contract tool"): invoices a client and requests the matching salary in one transaction. If either
/// part is refused, nothing is kept: no invoice, no number taken, no request.
/// </summary>
public sealed record IssueQuickInvoice(Guid ActivityId, Guid ClientId, DateOnly? IssueDate, IReadOnlyList<InvoiceLineInput> Lines, SalaryInput Salary)
{
    public static IssueQuickInvoice Example => new(IssueInvoice.Example.ActivityId, IssueInvoice.Example.ClientId, null, IssueInvoice.Example.Lines, SalaryInput.Example);

    internal sealed class Validator : AbstractValidator<IssueQuickInvoice>
    {
        public Validator()
        {
            RuleFor(c => c.ActivityId).NotEmpty();
            RuleFor(c => c.ClientId).NotEmpty();
            RuleFor(c => c.Lines).HasItems(IssueInvoice.MaxLines);
            RuleForEach(c => c.Lines).EachValid(new InvoiceLineInput.Validator());
            RuleFor(c => c.Salary).NotNull().SetValidator(new SalaryInput.Validator());
        }
    }
}

public sealed class IssueQuickInvoiceHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The invoice and the request for the caller, and both events for Wolverine to publish with the transaction.</summary>
    public async Task<(QuickInvoiceIssued, InvoiceIssued, SalaryRequested)> HandleAsync(IssueQuickInvoice command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (invoice, issued, ledger) = await session.IssueInvoiceAsync(new IssueInvoice(command.ActivityId, command.ClientId, command.IssueDate, command.Lines,
            command.Salary.WorkStart, command.Salary.WorkEnd), user, clock,
            cancellationToken);
        // On the ledger the invoice was booked on, with the invoice as unpaid revenue: the salary request sees both; a
        // refused request throws and the transaction rolls both back.
        var activity = await session.VisibleActivityAsync(user, invoice.ActivityId, cancellationToken);
        var (request, requested) = await session.RequestSalaryAsync(ledger, activity, command.Salary, clock, cancellationToken, [invoice]);
        return (new QuickInvoiceIssued(invoice.Id, request.Id), issued, requested);
    }
}

public static class IssueQuickInvoiceEndpoint
{
    [WolverinePost("/api/activities/quick-invoices", OperationId = "IssueQuickInvoice"), ProducesCommandProblems]
    [EndpointSummary("Quick mode: issues an invoice and requests the matching salary in one go; both or neither.")]
    public static async Task<Created<QuickInvoiceIssued>> Post(IssueQuickInvoice command, IMessageBus bus, CancellationToken ct)
    {
        var issued = await bus.InvokeAsync<QuickInvoiceIssued>(command, ct);
        return TypedResults.Created($"/api/activities/invoices/{issued.InvoiceId}", issued);
    }
}
