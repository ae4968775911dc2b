using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Persistence;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Persistence;

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
    BillingAddressInput BillingAddress, string BillingEmail, int? PaymentTermsDays, Guid? EntityId)
{
    public static RegisterClient Example => new("Théâtre du Nord", "FR", ClientLegalForm.PublicBody, ClientTypology.PublicBody, "FR 45 123456789",
        new("4 place du Général de Gaulle", null, "59000", "Lille", "FR"), "compta@theatre-du-nord.example", null, null);

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
        }
    }
}

/// <summary>Client service: new billing details (address, e-mail, VAT number, terms). Send the version read: 409 if changed since.</summary>
public sealed record ChangeClientBillingDetails(
    Guid ClientId, string Name, BillingAddressInput BillingAddress, string BillingEmail, string? VatNumber, int PaymentTermsDays, int ExpectedVersion)
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
        }
    }
}

internal sealed record ChangeClientBillingDetailsRequest(string Name, BillingAddressInput BillingAddress, string BillingEmail, string? VatNumber, int PaymentTermsDays, int ExpectedVersion);

public sealed record ClientView(
    Guid Id, Guid EntityId, string Name, string Country, ClientLegalForm LegalForm, ClientTypology Typology, string? VatNumber,
    BillingAddress BillingAddress, string BillingEmail, int PaymentTermsDays, int Version)
{
    internal static ClientView From(Client c) => new(c.Id, c.EntityId, c.Name, c.Country, c.LegalForm, c.Typology, c.VatNumber, c.BillingAddress,
        c.BillingEmail, c.PaymentTermsDays, c.Version);
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

public sealed class ClientsHandler(ActivitiesDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(RegisterClient command, CancellationToken cancellationToken)
    {
        // A platform admin names the entity; everyone else registers clients in their own entity.
        var entityId = user.EntityId ?? (user.IsPlatformAdmin() ? command.EntityId : null) ?? throw new NotFoundException("Entity", command.EntityId?.ToString() ?? "none");
        if (command.EntityId is { } requested && requested != entityId)
        {
            throw new NotFoundException("Entity", requested);
        }
        await CheckVatNumberIsFreeAsync(entityId, command.VatNumber, exceptClient: null, cancellationToken);
        var today = clock.Today();
        var terms = command.PaymentTermsDays ?? await db.PaymentTermsDefaults
            .Where(d => d.Typology == command.Typology).EffectiveOn(today).Select(d => (int?)d.Days).FirstOrDefaultAsync(cancellationToken)
            ?? throw InForce.Missing($"default payment terms for {command.Typology} clients", today);
        var client = Client.Register(entityId, command.Name, command.Country, command.LegalForm, command.VatNumber, command.BillingAddress.ToAddress(),
            command.BillingEmail, command.Typology, terms);
        db.Clients.Add(client);
        return client.Id;
    }

    public async Task HandleAsync(ChangeClientBillingDetails command, CancellationToken cancellationToken)
    {
        var client = await db.Clients.VisibleTo(user).SingleOrDefaultAsync(c => c.Id == command.ClientId, cancellationToken)
            ?? throw new NotFoundException("Client", command.ClientId);
        db.Entry(client).Property(c => c.Version).OriginalValue = command.ExpectedVersion;
        await CheckVatNumberIsFreeAsync(client.EntityId, command.VatNumber, client.Id, cancellationToken);
        client.ChangeBillingDetails(command.Name, command.BillingAddress.ToAddress(), command.BillingEmail, command.VatNumber, command.PaymentTermsDays);
    }

    public async Task<ClientView> HandleAsync(GetClient query, CancellationToken cancellationToken) =>
        ClientView.From(await db.Clients.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == query.ClientId, cancellationToken)
            ?? throw new NotFoundException("Client", query.ClientId));

    public async Task<PagedResult<ClientView>> HandleAsync(ListClients query, CancellationToken cancellationToken)
    {
        var clients = db.Clients.AsNoTracking().VisibleTo(user);
        if (query.Typology is { } typology) clients = clients.Where(c => c.Typology == typology);
        if (!string.IsNullOrWhiteSpace(query.Search)) clients = clients.Where(c => EF.Functions.ILike(c.Name, SearchPattern.Containing(query.Search), SearchPattern.Escape));
        var total = await clients.CountAsync(cancellationToken);
        var page = await clients.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<ClientView>(page.Select(ClientView.From).ToList(), query.Page, query.PageSize, total);
    }

    private async Task CheckVatNumberIsFreeAsync(Guid entityId, string? vatNumber, Guid? exceptClient, CancellationToken cancellationToken)
    {
        var normalized = Client.NormalizeVatNumber(vatNumber);
        if (normalized is null) return;
        var used = await db.Clients.AnyAsync(c => c.EntityId == entityId && c.VatNumber == normalized && c.Id != exceptClient, cancellationToken);
        BusinessRules.Check(new ClientVatNumberIsUniqueInEntity(used, normalized));
    }
}

internal sealed class ClientsEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapCreateCommand<RegisterClient>("/clients", "/api/activities/clients/")
            .WithName("RegisterClient")
            .WithSummary("Registers a client of the caller's entity; payment terms default from the typology.");

        module.MapPut("/clients/{clientId:guid}/billing-details", async (Guid clientId, ChangeClientBillingDetailsRequest r, IMessageBus bus, CancellationToken ct) =>
            {
                await bus.InvokeAsync(new ChangeClientBillingDetails(clientId, r.Name, r.BillingAddress, r.BillingEmail, r.VatNumber, r.PaymentTermsDays, r.ExpectedVersion), ct);
                return TypedResults.NoContent();
            })
            .WithName("ChangeClientBillingDetails")
            .WithSummary("Changes a client's billing details; send the version you read (409 if changed since).")
            .ProducesCommandProblems();

        module.MapGet("/clients/{clientId:guid}", async (Guid clientId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<ClientView>(new GetClient(clientId), ct)))
            .WithName("GetClient")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/clients", async (string? search, ClientTypology? typology, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<PagedResult<ClientView>>(new ListClients(search, typology, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListClients")
            .WithSummary("The clients of the caller's entity.")
            .ProducesValidationProblem();
    }
}
