using FluentValidation;
using Microsoft.AspNetCore.Http;
using JasperFx;
using Marten;
using Marten.Linq.MatchesSql;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Persistence;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Clients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.Clients;

public sealed record BillingAddressInput(string Line1, string? Line2, string PostalCode, string City, string Country)
{
    public BillingAddress ToAddress() => new(Line1.Trim(), string.IsNullOrWhiteSpace(Line2) ? null : Line2.Trim(), PostalCode.Trim(), City.Trim(), Country);

    internal sealed class Validator : AbstractValidator<BillingAddressInput>
    {
        public Validator()
        {
            RuleFor(a => a.Line1).NotEmpty().MaximumLength(200);
            RuleFor(a => a.Line2).MaximumLength(200);
            RuleFor(a => a.PostalCode).NotEmpty().MaximumLength(20);
            RuleFor(a => a.City).NotEmpty().MaximumLength(100);
            RuleFor(a => a.Country).NotEmpty().Matches("^[A-Za-z]{2}$").WithMessage("An ISO 3166 alpha-2 country code, e.g. FR.");
        }
    }
}

/// <summary>Registers a client of the caller's entity. Payment terms default to the typology's terms in force today.</summary>
public sealed record RegisterClient(
    string Name, string Country, ClientLegalForm LegalForm, ClientTypology Typology, string? VatNumber,
    BillingAddressInput BillingAddress, string BillingEmail, int? PaymentTermsDays, Guid? EntityId, string? Siren = null)
{
    public static RegisterClient Example => new("Théâtre du Nord", "FR", ClientLegalForm.PublicBody, ClientTypology.PublicBody, "FR 45 123456789",
        new("4 place du Général de Gaulle", null, "59000", "Lille", "FR"), "compta@theatre-du-nord.example", null, null, "404833048");

    internal sealed class Validator : AbstractValidator<RegisterClient>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Country).NotEmpty().Matches("^[A-Za-z]{2}$").WithMessage("An ISO 3166 alpha-2 country code, e.g. FR.");
            RuleFor(c => c.LegalForm).IsInEnum();
            RuleFor(c => c.Typology).IsInEnum();
            RuleFor(c => c.VatNumber).MaximumLength(20).Matches("^[A-Za-z]{2}[A-Za-z0-9 .-]{2,16}$").When(c => !string.IsNullOrWhiteSpace(c.VatNumber))
                .WithMessage("A VAT number starts with the country code, e.g. FR45123456789.");
            RuleFor(c => c.BillingAddress).NotNull().SetValidator(new BillingAddressInput.Validator());
            RuleFor(c => c.BillingEmail).NotEmpty().MaximumLength(254).EmailAddress();
            RuleFor(c => c.PaymentTermsDays).InclusiveBetween(0, Client.MaxPaymentTermsDays);
            RuleFor(c => c.EntityId).NotEqual(Guid.Empty);
            RuleFor(c => c.Siren).IsSiren().When(c => !string.IsNullOrWhiteSpace(c.Siren));
        }
    }
}

/// <summary>Client service: new billing details (address, e-mail, VAT number, terms). Send the version read: 409 if changed since.</summary>
public sealed record ChangeClientBillingDetails(
    Guid ClientId, string Name, BillingAddressInput BillingAddress, string BillingEmail, string? VatNumber, int PaymentTermsDays, int ExpectedVersion,
    string? Siren = null)
{
    internal sealed class Validator : AbstractValidator<ChangeClientBillingDetails>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.VatNumber).MaximumLength(20).Matches("^[A-Za-z]{2}[A-Za-z0-9 .-]{2,16}$").When(c => !string.IsNullOrWhiteSpace(c.VatNumber))
                .WithMessage("A VAT number starts with the country code, e.g. FR45123456789.");
            RuleFor(c => c.BillingAddress).NotNull().SetValidator(new BillingAddressInput.Validator());
            RuleFor(c => c.BillingEmail).NotEmpty().MaximumLength(254).EmailAddress();
            RuleFor(c => c.PaymentTermsDays).InclusiveBetween(0, Client.MaxPaymentTermsDays);
            RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0);
            RuleFor(c => c.Siren).IsSiren().When(c => !string.IsNullOrWhiteSpace(c.Siren));
        }
    }
}

public sealed record ChangeClientBillingDetailsRequest(string Name, BillingAddressInput BillingAddress, string BillingEmail, string? VatNumber, int PaymentTermsDays, int ExpectedVersion,
    string? Siren = null);

public sealed record ClientView(
    Guid Id, Guid EntityId, string Name, string Country, ClientLegalForm LegalForm, ClientTypology Typology, string? VatNumber,
    BillingAddress BillingAddress, string BillingEmail, int PaymentTermsDays, int Version, string? Siren)
{
    internal static ClientView From(Client c) => new(c.Id, c.EntityId, c.Name, c.Country, c.LegalForm, c.Typology, c.VatNumber, c.BillingAddress,
        c.BillingEmail, c.PaymentTermsDays, c.Version, c.Siren);
}

public sealed record GetClient(Guid ClientId);

public sealed record ListClients(string? Search, ClientTypology? Typology, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListClients>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
            RuleFor(q => q.Typology).IsInEnum();
            RuleFor(q => q.Search).MaximumLength(100).HasNoNul();
        }
    }
}

public sealed class ClientsHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>A client's name, in searches: the user's % and _ taken literally (<see cref="SearchPattern"/>).</summary>
    private const string SearchSql = $"d.data ->> '{nameof(Client.Name)}' ilike ? escape '{SearchPattern.Escape}'";

    public async Task<Guid> HandleAsync(RegisterClient command, IDocumentSession session, CancellationToken cancellationToken)
    {
        // A platform admin names the entity; everyone else registers clients in their own entity.
        var entityId = user.EntityId ?? (user.IsPlatformAdmin() ? command.EntityId : null) ?? throw new NotFoundException("Entity", command.EntityId?.ToString() ?? "none");
        if (command.EntityId is { } requested && requested != entityId)
        {
            throw new NotFoundException("Entity", requested);
        }
        await CheckVatNumberIsFreeAsync(session, entityId, command.VatNumber, exceptClient: null, cancellationToken);
        var today = clock.Today();
        var terms = command.PaymentTermsDays ?? (await session.Query<PaymentTermsDefault>()
            .Where(d => d.Typology == command.Typology).EffectiveOn(today).FirstOrDefaultAsync(cancellationToken))?.Days
            ?? throw InForce.Missing($"default payment terms for {command.Typology} clients", today);
        var client = Client.Register(entityId, command.Name, command.Country, command.LegalForm, command.VatNumber, command.BillingAddress.ToAddress(),
            command.BillingEmail, command.Typology, terms, command.Siren);
        session.Insert(client);
        return client.Id;
    }

    public async Task HandleAsync(ChangeClientBillingDetails command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var client = await session.Query<Client>().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == command.ClientId, cancellationToken)
            ?? throw new NotFoundException("Client", command.ClientId);
        if (client.Version != command.ExpectedVersion)
        {
            throw new ConcurrencyException(typeof(Client), client.Id);
        }
        await CheckVatNumberIsFreeAsync(session, client.EntityId, command.VatNumber, client.Id, cancellationToken);
        client.ChangeBillingDetails(command.Name, command.BillingAddress.ToAddress(), command.BillingEmail, command.VatNumber, command.PaymentTermsDays, command.Siren);
        session.UpdateRevision(client, client.Version + 1);
    }

    public async Task<ClientView> HandleAsync(GetClient query, IQuerySession session, CancellationToken cancellationToken) =>
        ClientView.From(await session.Query<Client>().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == query.ClientId, cancellationToken)
            ?? throw new NotFoundException("Client", query.ClientId));

    public async Task<PagedResult<ClientView>> HandleAsync(ListClients query, IQuerySession session, CancellationToken cancellationToken)
    {
        var clients = session.Query<Client>().VisibleTo(user);
        if (query.Typology is { } typology) clients = clients.Where(c => c.Typology == typology);
        if (!string.IsNullOrWhiteSpace(query.Search)) clients = clients.Where(c => c.MatchesSql(SearchSql, SearchPattern.Containing(query.Search)));
        var total = await clients.CountAsync(cancellationToken);
        var page = await clients.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<ClientView>(page.Select(ClientView.From).ToList(), query.Page, query.PageSize, total);
    }

    /// <summary>Checked here for a clear 409; the unique index on (entity, VAT number) stops two concurrent registrations.</summary>
    private static async Task CheckVatNumberIsFreeAsync(IQuerySession session, Guid entityId, string? vatNumber, Guid? exceptClient, CancellationToken cancellationToken)
    {
        var normalized = Client.NormalizeVatNumber(vatNumber);
        if (normalized is null) return;
        var sameNumber = session.Query<Client>().Where(c => c.EntityId == entityId && c.VatNumber == normalized);
        var used = exceptClient is { } except ? await sameNumber.AnyAsync(c => c.Id != except, cancellationToken) : await sameNumber.AnyAsync(cancellationToken);
        BusinessRules.Check(new ClientVatNumberIsUniqueInEntity(used, normalized));
    }
}

public static class ClientsEndpoints
{
    [WolverinePost("/api/activities/clients", OperationId = "RegisterClient"), ProducesCommandProblems]
    [EndpointSummary("Registers a client of the caller's entity; payment terms default from the typology.")]
    public static Task<Created<ResourceCreated>> Post(RegisterClient command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/activities/clients/", ct);

    [WolverinePut("/api/activities/clients/{clientId:guid}/billing-details", OperationId = "ChangeClientBillingDetails"), ProducesCommandProblems]
    [EndpointSummary("Changes a client's billing details; send the version you read (409 if changed since).")]
    public static async Task<NoContent> Put(Guid clientId, ChangeClientBillingDetailsRequest r, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new ChangeClientBillingDetails(clientId, r.Name, r.BillingAddress, r.BillingEmail, r.VatNumber, r.PaymentTermsDays, r.ExpectedVersion, r.Siren), ct);
        return TypedResults.NoContent();
    }

    [WolverineGet("/api/activities/clients/{clientId:guid}", OperationId = "GetClient"), ProducesProblem(StatusCodes.Status404NotFound)]
    public static async Task<Ok<ClientView>> Get(Guid clientId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ClientView>(new GetClient(clientId), ct));

    [WolverineGet("/api/activities/clients", OperationId = "ListClients"), ProducesValidationProblem]
    [EndpointSummary("The clients of the caller's entity.")]
    public static async Task<Ok<PagedResult<ClientView>>> List(string? search, ClientTypology? typology, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<ClientView>>(new ListClients(search, typology, page ?? 1, pageSize ?? 50), ct));
}
