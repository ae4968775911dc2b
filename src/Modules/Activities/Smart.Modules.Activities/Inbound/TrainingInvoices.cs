using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Marten;
using JasperFx;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Features.Invoicing;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Activities.Inbound;

// Training's non-member trainees, invoiced by the entity's training activity through the usual issuing (ADR 0087).

/// <summary>The shape of a trainee's invoice sent by Training; a malformed one retries then dead-letters.</summary>
internal sealed class InvoiceTraineeValidator : AbstractValidator<InvoiceTrainee>
{
    public InvoiceTraineeValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.EntityId).NotEmpty();
        RuleFor(c => c.ActivityId).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(c => c.Address).NotNull();
        RuleFor(c => c.Description).NotEmpty().MaximumLength(500);
        RuleFor(c => c.UnitPrice).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        RuleFor(c => c.Origin).NotEmpty().MaximumLength(50);
    }
}

/// <summary>Which invoice a trainee request became (id = the request's): a redelivered request issues nothing more, a credit finds its invoice.</summary>
internal sealed class TraineeInvoice
{
    public Guid Id { get; set; }

    public Guid InvoiceId { get; set; }

    public Guid? CreditNoteId { get; set; }
}

/// <summary>
/// The client a trainee became in an entity, under an id derived from the entity and the e-mail: of two requests for the
/// same new trainee racing, the second fails on the id and finds the first's client on its retry.
/// </summary>
internal sealed class TraineeClient
{
    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public static Guid IdOf(Guid entityId, string email) => new(MD5.HashData(Encoding.UTF8.GetBytes($"{entityId:N}/{email}")));
}

/// <summary>The invoice of a trainee, with the client Activities knows them as (found by e-mail, or registered just before).</summary>
public sealed record IssueTraineeInvoice(InvoiceTrainee Request, Guid ClientId);

/// <summary>
/// Finds the client the trainee became in the entity (by e-mail) or registers them as an individual (payment terms of
/// individuals in force today), then asks for the invoice in a transaction of its own: the client is then stored, and
/// the issuing finds it as any client.
/// </summary>
public sealed class InvoiceTraineeHandler(TimeProvider clock)
{
    public static void Configure(HandlerChain chain) => chain.OnException<DocumentAlreadyExistsException>().RetryTimes(3);

    public async Task<IssueTraineeInvoice?> HandleAsync(InvoiceTrainee request, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<TraineeInvoice>(request.RequestId, cancellationToken) is not null) return null;
        var email = request.Email.Trim().ToLowerInvariant();
        var known = await session.LoadAsync<TraineeClient>(TraineeClient.IdOf(request.EntityId, email), cancellationToken);
        var clientId = known?.ClientId;
        if (clientId is null)
        {
            var today = clock.Today();
            var terms = (await session.Query<PaymentTermsDefault>().Where(d => d.Typology == ClientTypology.Individual).EffectiveOn(today)
                .FirstOrDefaultAsync(cancellationToken))?.Days ?? throw InForce.Missing("default payment terms for Individual clients", today);
            var address = request.Address;
            var client = Client.Register(request.EntityId, request.Name, address.Country, ClientLegalForm.Individual, null,
                new BillingAddress(address.Line1, address.Line2, address.PostalCode, address.City, address.Country), email, ClientTypology.Individual, terms);
            session.Insert(client);
            session.Insert(new TraineeClient { Id = TraineeClient.IdOf(request.EntityId, email), ClientId = client.Id });
            clientId = client.Id;
        }
        return new IssueTraineeInvoice(request, clientId.Value);
    }
}

/// <summary>
/// Issues the trainee's invoice through the issuing every invoice goes through (gap-free number, revenue and contribution
/// on the activity's budget, <see cref="InvoiceIssued"/> for Collections), as the entity's back office would; the activity
/// must be a training activity of the entity (else the message dead-letters for an operator). Once per request.
/// </summary>
public sealed class IssueTraineeInvoiceHandler(TimeProvider clock)
{
    public static void Configure(HandlerChain chain) => chain.OnException<DocumentAlreadyExistsException>().RetryTimes(3);

    public async Task<OutgoingMessages> HandleAsync(IssueTraineeInvoice command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var request = command.Request;
        if (await session.LoadAsync<TraineeInvoice>(request.RequestId, cancellationToken) is not null) return [];
        var activity = await session.LoadAsync<Activity>(request.ActivityId, cancellationToken);
        if (activity is null || activity.EntityId != request.EntityId || activity.Kind != ActivityKind.Training)
        {
            throw new NotFoundException("Training activity", request.ActivityId);
        }
        var (invoice, issued, _) = await session.IssueInvoiceAsync(
            new IssueInvoice(activity.Id, command.ClientId, null, [new InvoiceLineInput(request.Description, 1, request.UnitPrice, null)]),
            new BackOffice(request.EntityId), clock, cancellationToken);
        // Inserted, not stored: of two deliveries racing, the second fails on the id and finds the first's on its retry.
        session.Insert(new TraineeInvoice { Id = request.RequestId, InvoiceId = invoice.Id });
        return [issued, new TraineeInvoiced(request.RequestId, invoice.Id, invoice.Number, invoice.TotalGross)];
    }
}

/// <summary>Credits what remains of a trainee's invoice, once; a request never invoiced credits nothing.</summary>
public sealed class CreditTraineeInvoiceHandler(TimeProvider clock)
{
    public async Task<CreditNoteIssued?> HandleAsync(CreditTraineeInvoice command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var issued = await session.LoadAsync<TraineeInvoice>(command.RequestId, cancellationToken);
        if (issued is null || issued.CreditNoteId is not null) return null;
        var invoice = (await session.LoadAsync<Invoice>(issued.InvoiceId, cancellationToken))!;
        if (invoice.RemainingToCredit == 0) return null; // credited by staff already
        var activity = (await session.LoadAsync<Activity>(invoice.ActivityId, cancellationToken))!;
        var (creditNote, credited) = await session.IssueCreditNoteAsync(invoice, activity, invoice.RemainingToCredit, null, command.Reason, clock, cancellationToken);
        issued.CreditNoteId = creditNote.Id;
        session.Update(issued);
        return credited;
    }
}

/// <summary>The entity's back office, on whose behalf a message from another module issues a document: sees the entity's activities and clients.</summary>
internal sealed class BackOffice(Guid entityId) : ICurrentUser
{
    public bool IsAuthenticated => true;

    public Guid? UserId => null;

    public Guid? MemberId => null;

    public Guid? EntityId => entityId;

    public Guid? OfficeId => null;

    public bool IsInRole(string role) => role == SmartRoles.Operator;
}
