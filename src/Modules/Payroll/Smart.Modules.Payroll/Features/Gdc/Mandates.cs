using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.BuildingBlocks.Validation;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.Contracts;
using Wolverine.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authorization;

namespace Smart.Modules.Payroll.Features.Gdc;

/// <summary>
/// An operator records the contract-management mandate an employer structure signed: partial or complete, from its
/// signature (default today) to 31 December, with the employer's legal identity its employees' payslips print (SIRET and
/// APE keys checked: 400 on the field). Refused (409) for a person, or when the employer has one for that year.
/// </summary>
public sealed record SignMandate(Guid EmployerId, MandateScope Scope, DateOnly? SignedOn, EmployerIdentityInput Employer)
{
    public static SignMandate Example => new(Guid.Parse("0195f1a2-0000-7000-8000-0000000000e1"), MandateScope.Partial, null, EmployerIdentityInput.Example);

    internal sealed class Validator : AbstractValidator<SignMandate>
    {
        public Validator()
        {
            RuleFor(c => c.EmployerId).NotEmpty();
            RuleFor(c => c.Scope).IsInEnum();
            RuleFor(c => c.Employer).NotNull().SetValidator(new EmployerIdentityInput.Validator());
        }
    }
}

/// <summary>Who the employer structure is in law, as its employees' payslips say (Code du travail R3243-1).</summary>
/// <param name="CollectiveAgreement">The collective agreement applied, with its IDCC (or "Aucune" when none applies).</param>
/// <param name="Urssaf">The body collecting its contributions and its account number there.</param>
public sealed record EmployerIdentityInput(string LegalName, string? LegalForm, PostalAddress Address, string Siret, string ApeCode, string CollectiveAgreement,
    string Urssaf)
{
    public static EmployerIdentityInput Example => new("Association Les Tréteaux", "Association loi 1901",
        new PostalAddress("12 rue des Arts", null, "59000", "Lille", "FR"), "732 829 320 00074", "9001Z",
        "Convention collective des entreprises artistiques et culturelles (IDCC 1285)", "URSSAF Nord-Pas-de-Calais, compte 317000001234567890");

    internal PayslipEmployer ToEmployer() => new(LegalName.Trim(), LegalForm?.Trim(), Address, LegalIdentifiers.Compact(Siret),
        LegalIdentifiers.Compact(ApeCode).Replace(".", "", StringComparison.Ordinal), CollectiveAgreement.Trim(), Urssaf.Trim());

    internal sealed class Validator : AbstractValidator<EmployerIdentityInput>
    {
        public Validator()
        {
            RuleFor(i => i.LegalName).NotEmpty().MaximumLength(200);
            RuleFor(i => i.LegalForm).MaximumLength(100);
            RuleFor(i => i.Address).NotNull().SetValidator(new AddressValidator());
            RuleFor(i => i.Siret).NotEmpty().MaximumLength(30).IsSiret();
            RuleFor(i => i.ApeCode).NotEmpty().MaximumLength(10).IsApeCode();
            RuleFor(i => i.CollectiveAgreement).NotEmpty().MaximumLength(200);
            RuleFor(i => i.Urssaf).NotEmpty().MaximumLength(200);
        }
    }

    private sealed class AddressValidator : AbstractValidator<PostalAddress>
    {
        public AddressValidator()
        {
            RuleFor(a => a.Line1).NotEmpty().MaximumLength(200);
            RuleFor(a => a.Line2).MaximumLength(200);
            RuleFor(a => a.PostalCode).NotEmpty().MaximumLength(20);
            RuleFor(a => a.City).NotEmpty().MaximumLength(100);
            RuleFor(a => a.Country).NotEmpty().Length(2);
        }
    }
}

/// <summary>Renews a mandate for the next civil year (1 January to 31 December), with the same or another scope, and the employer's identity if it changed.</summary>
public sealed record RenewMandate(Guid MandateId, MandateScope Scope, DateOnly? SignedOn, EmployerIdentityInput? Employer = null)
{
    internal sealed class Validator : AbstractValidator<RenewMandate>
    {
        public Validator()
        {
            RuleFor(c => c.MandateId).NotEmpty();
            RuleFor(c => c.Scope).IsInEnum();
            RuleFor(c => c.Employer).SetValidator(new EmployerIdentityInput.Validator()!).When(c => c.Employer is not null);
        }
    }
}

public sealed record RenewMandateRequest(MandateScope Scope, DateOnly? SignedOn, EmployerIdentityInput? Employer = null)
{
    public static RenewMandateRequest Example => new(MandateScope.Complete, new DateOnly(2026, 12, 1));
}

public sealed class MandateHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(SignMandate command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var employer = await session.Query<Employee>().VisibleTo(user).SingleOrDefaultAsync(e => e.MemberId == command.EmployerId, cancellationToken)
            ?? throw new NotFoundException("Employer", command.EmployerId);
        var today = clock.Today();
        var signedOn = command.SignedOn ?? today;
        var exists = await session.Query<Mandate>().AnyAsync(m => m.EmployerId == employer.MemberId && m.Year == signedOn.Year, cancellationToken);
        var mandate = Mandate.Sign(new EmployerFacts(employer.MemberId, employer.Kind == MemberKind.LegalEntity, employer.EntityId, employer.OfficeId),
            command.Employer.ToEmployer(), command.Scope, signedOn, exists, today);
        session.Insert(mandate);
        return mandate.Id;
    }

    public async Task<Guid> HandleAsync(RenewMandate command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var mandate = await session.Query<Mandate>().VisibleTo(user).SingleOrDefaultAsync(m => m.Id == command.MandateId, cancellationToken)
            ?? throw new NotFoundException("Mandate", command.MandateId);
        var today = clock.Today();
        var exists = await session.Query<Mandate>().AnyAsync(m => m.EmployerId == mandate.EmployerId && m.Year == mandate.Year + 1, cancellationToken);
        var renewal = mandate.Renew(command.Scope, command.Employer?.ToEmployer(), command.SignedOn ?? today, exists, today);
        session.Insert(renewal);
        return renewal.Id;
    }
}

public sealed record MandateView(Guid Id, Guid EmployerId, MandateScope Scope, DateOnly SignedOn, int Year, DateOnly StartsOn, DateOnly EndsOn, Guid? RenewalOf,
    PayslipEmployer? Employer);

public sealed record GetMandate(Guid MandateId);

/// <summary>The mandates the caller may see (an employer: its own), optionally of one employer, latest year first.</summary>
public sealed record ListMandates(Guid? EmployerId);

public sealed class MandateQueriesHandler(ICurrentUser user)
{
    public async Task<MandateView> HandleAsync(GetMandate query, IQuerySession session, CancellationToken cancellationToken) =>
        ToView(await session.Query<Mandate>().VisibleTo(user).SingleOrDefaultAsync(m => m.Id == query.MandateId, cancellationToken)
        ?? throw new NotFoundException("Mandate", query.MandateId));

    public async Task<IReadOnlyList<MandateView>> HandleAsync(ListMandates query, IQuerySession session, CancellationToken cancellationToken)
    {
        var mandates = session.Query<Mandate>().VisibleTo(user);
        if (query.EmployerId is { } employerId) mandates = mandates.Where(m => m.EmployerId == employerId);
        return (await mandates.OrderByDescending(m => m.Year).ThenBy(m => m.EmployerId).Take(500).ToListAsync(cancellationToken)).Select(ToView).ToList();
    }

    private static MandateView ToView(Mandate m) =>
        new MandateView(m.Id, m.EmployerId, m.Scope, m.SignedOn, m.Year, m.StartsOn, m.EndsOn, m.RenewalOf, m.Employer);
}

public static class MandateEndpoints
{
    [WolverinePost("/api/payroll/mandates", OperationId = "SignMandate"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Records an employer structure's contract-management mandate (partial or complete) until 31 December of its signature year, with its legal identity.")]
    public static Task<Created<ResourceCreated>> Sign(SignMandate command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/payroll/mandates/", ct);

    [WolverinePost("/api/payroll/mandates/{mandateId:guid}/renewal", OperationId = "RenewMandate"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Renews a mandate for the next civil year.")]
    public static Task<Created<ResourceCreated>> Renew(Guid mandateId, RenewMandateRequest request, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(new RenewMandate(mandateId, request.Scope, request.SignedOn, request.Employer), "/api/payroll/mandates/", ct);

    [WolverineGet("/api/payroll/mandates/{mandateId:guid}", OperationId = "GetMandate"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A contract-management mandate.")]
    public static async Task<Ok<MandateView>> Get(Guid mandateId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<MandateView>(new GetMandate(mandateId), ct));

    [WolverineGet("/api/payroll/mandates", OperationId = "ListMandates")]
    [EndpointSummary("Mandates the caller may see (an employer: its own), latest year first.")]
    public static async Task<Ok<IReadOnlyList<MandateView>>> List(Guid? employerId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<MandateView>>(new ListMandates(employerId), ct));
}
