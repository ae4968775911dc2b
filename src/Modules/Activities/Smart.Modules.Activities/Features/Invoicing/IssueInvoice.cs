using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.EntityRulesCopy;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Members;
using Smart.Modules.Activities.Persistence;
using Smart.Modules.Activities.Features.SalesDocuments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.Invoicing;

/// <summary>
/// A line as sent (invoices and quotes): the VAT rate defaults to the entity's rate in force on the document date; a
/// training activity of an exempt entity gets 0 % whatever is sent.
/// </summary>
public sealed record InvoiceLineInput(string Description, decimal Quantity, decimal UnitPrice, decimal? VatRate)
{
    internal sealed class Validator : AbstractValidator<InvoiceLineInput>
    {
        public Validator()
        {
            RuleFor(l => l.Description).NotEmpty().MaximumLength(500);
            RuleFor(l => l.Quantity).GreaterThan(0).PrecisionScale(12, 3, ignoreTrailingZeros: true);
            RuleFor(l => l.UnitPrice).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(l => l.VatRate).InclusiveBetween(0m, 0.5m).PrecisionScale(7, 6, ignoreTrailingZeros: true);
        }
    }
}

/// <summary>
/// Issues an invoice of an activity to a client: a gap-free number of the entity and year, due after the client's
/// terms, revenue and contribution booked on the activity's budget. Publishes <see cref="InvoiceIssued"/>.
/// </summary>
/// <remarks>The service's date or period (a mandatory mention) is the issue date unless <see cref="ServiceFrom"/> and <see cref="ServiceTo"/> say otherwise.</remarks>
public sealed record IssueInvoice(Guid ActivityId, Guid ClientId, DateOnly? IssueDate, IReadOnlyList<InvoiceLineInput> Lines, DateOnly? ServiceFrom = null,
    DateOnly? ServiceTo = null)
{
    public const int MaxLines = 200;

    public static IssueInvoice Example => new(Guid.Parse("0195f1a2-0000-7000-8000-0000000000a1"), Guid.Parse("0195f1a2-0000-7000-8000-0000000000c1"), null,
        [new("Représentation du spectacle « Les Échappées », 14 mars 2026", 1, 1000.00m, null)], new DateOnly(2026, 3, 14), new DateOnly(2026, 3, 14));

    internal sealed class Validator : AbstractValidator<IssueInvoice>
    {
        public Validator()
        {
            RuleFor(c => c.ActivityId).NotEmpty();
            RuleFor(c => c.ClientId).NotEmpty();
            RuleFor(c => c.Lines).HasItems(MaxLines);
            RuleForEach(c => c.Lines).EachValid(new InvoiceLineInput.Validator());
            RuleFor(c => c.ServiceFrom).NotNull().When(c => c.ServiceTo is not null).WithMessage("A service period has a start and an end.");
            RuleFor(c => c.ServiceTo).NotNull().When(c => c.ServiceFrom is not null).WithMessage("A service period has a start and an end.");
            RuleFor(c => c.ServiceFrom!.Value).IsBusinessDate().OverridePropertyName(nameof(ServiceFrom)).When(c => c.ServiceFrom is not null);
            RuleFor(c => c.ServiceTo!.Value).IsBusinessDate().GreaterThanOrEqualTo(c => c.ServiceFrom!.Value).OverridePropertyName(nameof(ServiceTo))
                .When(c => c.ServiceFrom is not null && c.ServiceTo is not null);
        }
    }
}

public sealed class IssueInvoiceHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The invoice's id, and its event for Wolverine to publish with the transaction.</summary>
    public async Task<(Guid, InvoiceIssued)> HandleAsync(IssueInvoice command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (invoice, issued, _) = await session.IssueInvoiceAsync(command, user, clock, cancellationToken);
        return (invoice.Id, issued);
    }
}

internal static class InvoiceIssuing
{
    /// <summary>
    /// The whole issuing, in the caller's transaction: shared with quick mode, which also requests a salary on the
    /// ledger returned, and with the acceptance of a quote (<paramref name="quoteId"/>). Three round trips before the
    /// save: the activity; then, in one batch, the client, the entity's rules and identity in force, the coordinator and
    /// the activity's ledger (taken exclusively); then the number. The ledger is always taken before the number (two
    /// issuers never wait on each other), and the number last, so the entity's series stays locked only for the number
    /// and the save, never while waiting on a busy activity. The caller returns the event for Wolverine to publish.
    /// </summary>
    public static async Task<(Invoice Invoice, InvoiceIssued Issued, ActivityLedger Ledger)> IssueInvoiceAsync(this IDocumentSession session, IssueInvoice command,
        ICurrentUser user, TimeProvider clock, CancellationToken cancellationToken, Guid? quoteId = null)
    {
        var activity = await session.VisibleActivityAsync(user, command.ActivityId, cancellationToken);
        var today = clock.Today();
        var issueDate = command.IssueDate ?? today;

        await session.BeginTransactionAsync(cancellationToken);
        var batch = session.CreateBatchQuery();
        var clientRead = batch.Load<Client>(command.ClientId);
        var rulesRead = batch.Query<EntityRules>().Where(r => r.EntityId == activity.EntityId).InForceOn(issueDate);
        var sellerRead = batch.Query<SellerIdentityVersion>().Where(v => v.EntityId == activity.EntityId).InForceOn(issueDate);
        var coordinatorRead = batch.Load<Member>(activity.CoordinatorId);
        var ledgerRead = batch.LedgerAsync(activity.Id);
        await batch.Execute(cancellationToken);

        var client = await clientRead is { } found && found.EntityId == activity.EntityId && found.IsVisibleTo(user) ? found
            : throw new NotFoundException("Client", command.ClientId);
        var rules = await rulesRead ?? throw InForce.Missing(EntityRulesQueries.What, issueDate);
        var seller = await sellerRead ?? throw InForce.Missing(SellerIdentityQueries.What, issueDate);
        var ledger = await ledgerRead;

        var vat = rules.VatFor(activity.Kind);
        var lines = command.Lines.Select(l => new InvoiceLine(l.Description, l.Quantity, l.UnitPrice, vat.RateFor(l.VatRate))).ToList();
        var heading = SalesDocumentHeadings.Heading(seller, activity, client, await coordinatorRead);
        var service = command is { ServiceFrom: { } from, ServiceTo: { } to } ? (from, to) : ((DateOnly, DateOnly)?)null;
        var number = await session.NextAsync(activity.EntityId, DocumentKind.Invoice, issueDate, today, cancellationToken);
        var invoice = Invoice.Issue(number, activity, client, lines, issueDate, rules.ContributionRate, vat.Mention, quoteId, heading, service);
        session.Insert(invoice);
        ledger.Append(invoice.BudgetEntries(clock.GetUtcNow()));
        return (invoice, invoice.ToInvoiceIssued(client, activity), ledger);
    }
}

public static class IssueInvoiceEndpoint
{
    [WolverinePost("/api/activities/invoices", OperationId = "IssueInvoice"), ProducesCommandProblems]
    [EndpointSummary("Issues an invoice on an activity the caller may act on; it is immutable from then on.")]
    public static Task<Created<ResourceCreated>> Post(IssueInvoice command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/activities/invoices/", ct);
}
