using System.Runtime.ExceptionServices;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Activities.Domain.Activities;
using Microsoft.AspNetCore.Http;
using Marten;
using Marten.Services.BatchQuerying;
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

/// <summary>An invoice to issue and who asks for it (as they were when they asked); from a quote when <see cref="QuoteId"/> is set.</summary>
public sealed record InvoiceToIssue(IssueInvoice Command, ICurrentUser Caller, Guid? QuoteId = null);

/// <summary>Invoices of one entity issued in one transaction, each with its own outcome (a group commit, ADR 0132).</summary>
public sealed record IssueInvoices(IReadOnlyList<InvoiceToIssue> Invoices);

/// <summary>Each invoice's id, or its refusal, in the order of <see cref="IssueInvoices.Invoices"/>.</summary>
public sealed record InvoicesIssued(IReadOnlyList<CallOutcome<Guid>> Outcomes);

public sealed class IssueInvoicesHandler(TimeProvider clock)
{
    /// <summary>The outcomes, and the issued invoices' events for Wolverine to publish with the transaction.</summary>
    public async Task<(InvoicesIssued, OutgoingMessages)> HandleAsync(IssueInvoices group, IDocumentSession session, CancellationToken cancellationToken)
    {
        var issuings = await session.IssueInvoicesAsync(group.Invoices, clock, cancellationToken);
        var published = new OutgoingMessages();
        published.AddRange(issuings.Where(i => i.Refusal is null).Select(i => i.Issued!));
        return (new InvoicesIssued(issuings.Select(i => i.Refusal is { } refusal ? CallOutcome<Guid>.Refused(refusal) : CallOutcome<Guid>.Done(i.Invoice!.Id)).ToList()),
            published);
    }
}

/// <summary>
/// The invoices members issue: those of one entity asked for while the entity's previous group is being written go
/// together in one transaction — one lock of the entity's series, one commit — instead of queueing one by one on the
/// series' row (ADR 0132). One invoice alone is written at once.
/// </summary>
public sealed class InvoiceIssues(IServiceScopeFactory scopes)
{
    private readonly GroupCommit<InvoiceToIssue, Guid> _groups = new(async invoices =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<InvoicesIssued>(new IssueInvoices(invoices));
        return issued.Outcomes;
    });

    /// <summary>The invoice's id once it is committed, or its refusal thrown (404, 400, 409) as if issued alone.</summary>
    public Task<Guid> IssueAsync(IssueInvoice command, ICurrentUser caller) =>
        _groups.CallAsync(caller.EntityId ?? Guid.Empty, new InvoiceToIssue(command, caller.Snapshot()));
}

/// <summary>One invoice's issuing: the invoice, its event and the ledger it was booked on; or why it was refused.</summary>
internal sealed record InvoiceIssuing(Invoice? Invoice, InvoiceIssued? Issued, ActivityLedger? Ledger, Exception? Refusal);

internal static class InvoiceIssuings
{
    /// <summary>
    /// One invoice issued in the caller's transaction (quick mode, which also requests a salary on the ledger returned;
    /// the acceptance of a quote; a trainee's invoice); its refusal is thrown. The caller returns the event for Wolverine
    /// to publish.
    /// </summary>
    public static async Task<(Invoice Invoice, InvoiceIssued Issued, ActivityLedger Ledger)> IssueInvoiceAsync(this IDocumentSession session, IssueInvoice command,
        ICurrentUser user, TimeProvider clock, CancellationToken cancellationToken, Guid? quoteId = null)
    {
        var issuing = (await session.IssueInvoicesAsync([new InvoiceToIssue(command, user, quoteId)], clock, cancellationToken))[0];
        if (issuing.Refusal is { } refusal) ExceptionDispatchInfo.Throw(refusal);
        return (issuing.Invoice!, issuing.Issued!, issuing.Ledger!);
    }

    /// <summary>
    /// The whole issuing of several invoices in the caller's transaction, each refused alone if it must be (an activity
    /// or client the caller may not see, nothing in force, a closed activity, a date before the series' last). Two round
    /// trips before the save whatever their number: one batch taking the activities' ledgers (exclusively, in the order
    /// of their ids) then reading under them the activities, the clients, and — as most invoices are a member's on their
    /// own activity — the callers' entities' rules and identities in force and the callers' member records (the
    /// coordinator); a second batch only for what that guess missed (a platform admin's invoice, staff invoicing for a
    /// member); then the numbers, per entity. The ledgers are always taken before the number (two issuers never wait on
    /// each other), and the numbers last, so an entity's series stays locked only for the numbers and the save, never
    /// while waiting on a busy activity; an invoice is checked against every rule before its number is taken, so a
    /// refusal leaves no hole in the series.
    /// </summary>
    public static async Task<IReadOnlyList<InvoiceIssuing>> IssueInvoicesAsync(this IDocumentSession session, IReadOnlyList<InvoiceToIssue> invoices,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var issuings = new InvoiceIssuing?[invoices.Count];
        var issueDates = invoices.Select(i => i.Command.IssueDate ?? today).ToArray();

        await session.BeginTransactionAsync(cancellationToken);
        var batch = session.CreateBatchQuery();
        var ledgersRead = batch.LedgersAsync(invoices.Select(i => i.Command.ActivityId));
        var activitiesRead = batch.LoadMany<Activity>().ById(invoices.Select(i => i.Command.ActivityId).Distinct().ToArray());
        var clientsRead = batch.LoadMany<Client>().ById(invoices.Select(i => i.Command.ClientId).Distinct().ToArray());
        var membersRead = batch.LoadMany<Member>().ById(invoices.Select(i => i.Caller.MemberId).OfType<Guid>().Distinct().ToArray());
        var inForce = new Dictionary<(Guid EntityId, DateOnly Date), (Task<EntityRules?> Rules, Task<SellerIdentityVersion?> Seller)>();
        foreach (var key in Enumerable.Range(0, invoices.Count).Where(i => invoices[i].Caller.EntityId is not null)
                     .Select(i => (invoices[i].Caller.EntityId!.Value, issueDates[i])).Distinct())
        {
            inForce[key] = InForceRead(batch, key);
        }
        await batch.Execute(cancellationToken);
        var ledgers = await ledgersRead;
        var loaded = (await activitiesRead).ToDictionary(a => a.Id);
        var clients = (await clientsRead).ToDictionary(c => c.Id);
        var members = (await membersRead).ToDictionary(m => m.MemberId);

        var activities = new Activity?[invoices.Count];
        for (var i = 0; i < invoices.Count; i++)
        {
            activities[i] = loaded.GetValueOrDefault(invoices[i].Command.ActivityId) is { } activity && activity.IsVisibleTo(invoices[i].Caller) ? activity : null;
            if (activities[i] is null) issuings[i] = Refused(new NotFoundException("Activity", invoices[i].Command.ActivityId));
        }
        var open = Enumerable.Range(0, invoices.Count).Where(i => issuings[i] is null).ToList();
        var rulesMissing = open.Select(i => (activities[i]!.EntityId, issueDates[i])).Distinct().Where(key => !inForce.ContainsKey(key)).ToList();
        var coordinatorsMissing = open.Select(i => activities[i]!.CoordinatorId).Distinct().Where(id => !members.ContainsKey(id)).ToArray();
        if (rulesMissing.Count > 0 || coordinatorsMissing.Length > 0)
        {
            var missing = session.CreateBatchQuery();
            foreach (var key in rulesMissing) inForce[key] = InForceRead(missing, key);
            var coordinatorsRead = missing.LoadMany<Member>().ById(coordinatorsMissing);
            await missing.Execute(cancellationToken);
            foreach (var coordinator in await coordinatorsRead) members[coordinator.MemberId] = coordinator;
        }

        var drafts = new Dictionary<int, Draft>();
        foreach (var i in open)
        {
            try
            {
                drafts[i] = await DraftAsync(invoices[i], activities[i]!, issueDates[i]);
            }
            catch (Exception refusal) when (CallOutcome<Guid>.IsRefusal(refusal))
            {
                issuings[i] = Refused(refusal);
            }
        }

        var now = clock.GetUtcNow();
        foreach (var entity in drafts.Keys.GroupBy(i => activities[i]!.EntityId).OrderBy(e => e.Key))
        {
            var numbered = entity.ToList();
            var numbers = await session.NextForDatesAsync(entity.Key, DocumentKind.Invoice, numbered.ConvertAll(i => issueDates[i]), today, cancellationToken);
            for (var n = 0; n < numbered.Count; n++)
            {
                var (i, draft) = (numbered[n], drafts[numbered[n]]);
                if (numbers[n].Refusal is { } refusal)
                {
                    issuings[i] = Refused(refusal);
                    continue;
                }
                var activity = activities[i]!;
                var invoice = Invoice.Issue(numbers[n].Number!, activity, draft.Client, draft.Lines, issueDates[i], draft.ContributionRate, draft.VatMention,
                    invoices[i].QuoteId, draft.Heading, draft.Service);
                session.Insert(invoice);
                draft.Ledger.Append(invoice.BudgetEntries(now));
                issuings[i] = new InvoiceIssuing(invoice, invoice.ToInvoiceIssued(draft.Client, activity), draft.Ledger, null);
            }
        }
        return issuings!;

        async Task<Draft> DraftAsync(InvoiceToIssue asked, Activity activity, DateOnly issueDate)
        {
            var command = asked.Command;
            var client = clients.GetValueOrDefault(command.ClientId) is { } found && found.EntityId == activity.EntityId && found.IsVisibleTo(asked.Caller) ? found
                : throw new NotFoundException("Client", command.ClientId);
            var (rulesRead, sellerRead) = inForce[(activity.EntityId, issueDate)];
            var rules = await rulesRead ?? throw InForce.Missing(EntityRulesQueries.What, issueDate);
            var seller = await sellerRead ?? throw InForce.Missing(SellerIdentityQueries.What, issueDate);
            var ledger = ledgers.GetValueOrDefault(activity.Id) ?? throw new NotFoundException("Activity", activity.Id);
            var vat = rules.VatFor(activity.Kind);
            var lines = command.Lines.Select(l => new InvoiceLine(l.Description, l.Quantity, l.UnitPrice, vat.RateFor(l.VatRate))).ToList();
            var service = command is { ServiceFrom: { } from, ServiceTo: { } to } ? (from, to) : ((DateOnly, DateOnly)?)null;
            Invoice.EnsureIssuable(activity, client, lines.Count, issueDate, service);
            return new Draft(client, lines, rules.ContributionRate, vat.Mention, SalesDocumentHeadings.Heading(seller, activity, client,
                members.GetValueOrDefault(activity.CoordinatorId)), service, ledger);
        }
    }

    private static (Task<EntityRules?> Rules, Task<SellerIdentityVersion?> Seller) InForceRead(IBatchedQuery batch, (Guid EntityId, DateOnly Date) key) => (
        batch.Query<EntityRules>().Where(r => r.EntityId == key.EntityId).InForceOn(key.Date),
        batch.Query<SellerIdentityVersion>().Where(v => v.EntityId == key.EntityId).InForceOn(key.Date));

    private static InvoiceIssuing Refused(Exception refusal) => new(null, null, null, refusal);

    /// <summary>An invoice checked against every rule, waiting for its number.</summary>
    private sealed record Draft(Client Client, IReadOnlyList<InvoiceLine> Lines, decimal ContributionRate, string? VatMention, DocumentHeading Heading,
        (DateOnly, DateOnly)? Service, ActivityLedger Ledger);
}

public static class IssueInvoiceEndpoint
{
    [WolverinePost("/api/activities/invoices", OperationId = "IssueInvoice"), ProducesCommandProblems]
    [EndpointSummary("Issues an invoice on an activity the caller may act on; it is immutable from then on.")]
    public static async Task<Created<ResourceCreated>> Post(IssueInvoice command, InvoiceIssues invoices, ICurrentUser user) =>
        CommandEndpoints.Created("/api/activities/invoices/", await invoices.IssueAsync(command, user));
}
