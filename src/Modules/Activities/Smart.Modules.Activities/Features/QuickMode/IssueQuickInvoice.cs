using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Features.Invoicing;
using Smart.Modules.Activities.Features.Salaries;
using Smart.Modules.Activities.Persistence;

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

public sealed class IssueQuickInvoiceHandler(ActivitiesDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The invoice and the request for the caller, and both events for Wolverine to publish with the transaction.</summary>
    public async Task<(QuickInvoiceIssued, InvoiceIssued, SalaryRequested)> HandleAsync(IssueQuickInvoice command, CancellationToken cancellationToken)
    {
        var (invoice, issued) = await db.IssueInvoiceAsync(new IssueInvoice(command.ActivityId, command.ClientId, command.IssueDate, command.Lines), user, clock,
            cancellationToken);
        // Written inside the pipeline's transaction so that the salary request sees the invoice's revenue; a refused request
        // throws and the transaction rolls both back.
        await db.SaveChangesAsync(cancellationToken);
        var activity = await db.Activities.SingleAsync(a => a.Id == invoice.ActivityId, cancellationToken);
        var (request, requested) = await db.RequestSalaryAsync(activity, command.Salary, clock, cancellationToken);
        return (new QuickInvoiceIssued(invoice.Id, request.Id), issued, requested);
    }
}

internal sealed class IssueQuickInvoiceEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module) => module
        .MapPost("/quick-invoices", async (IssueQuickInvoice command, IMessageBus bus, CancellationToken ct) =>
        {
            var issued = await bus.InvokeAsync<QuickInvoiceIssued>(command, ct);
            return TypedResults.Created($"/api/activities/invoices/{issued.InvoiceId}", issued);
        })
        .WithName("IssueQuickInvoice")
        .WithSummary("Quick mode: issues an invoice and requests the matching salary in one go; both or neither.")
        .ProducesCommandProblems();
}
