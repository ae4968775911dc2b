using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.Contracts;
using Wolverine.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authorization;

namespace Smart.Modules.Payroll.Features.Gdc;

/// <summary>
/// An operator records the contract-management mandate an employer structure signed: partial or complete, from its
/// signature (default today) to 31 December. Refused (409) for a person, or when the employer has one for that year.
/// </summary>
public sealed record SignMandate(Guid EmployerId, MandateScope Scope, DateOnly? SignedOn)
{
    public static SignMandate Example => new(Guid.Parse("0195f1a2-0000-7000-8000-0000000000e1"), MandateScope.Partial, null);

    internal sealed class Validator : AbstractValidator<SignMandate>
    {
        public Validator()
        {
            RuleFor(c => c.EmployerId).NotEmpty();
            RuleFor(c => c.Scope).IsInEnum();
        }
    }
}

/// <summary>Renews a mandate for the next civil year (1 January to 31 December), with the same or another scope.</summary>
public sealed record RenewMandate(Guid MandateId, MandateScope Scope, DateOnly? SignedOn)
{
    internal sealed class Validator : AbstractValidator<RenewMandate>
    {
        public Validator()
        {
            RuleFor(c => c.MandateId).NotEmpty();
            RuleFor(c => c.Scope).IsInEnum();
        }
    }
}

public sealed record RenewMandateRequest(MandateScope Scope, DateOnly? SignedOn)
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
            command.Scope, signedOn, exists, today);
        session.Insert(mandate);
        return mandate.Id;
    }

    public async Task<Guid> HandleAsync(RenewMandate command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var mandate = await session.Query<Mandate>().VisibleTo(user).SingleOrDefaultAsync(m => m.Id == command.MandateId, cancellationToken)
            ?? throw new NotFoundException("Mandate", command.MandateId);
        var today = clock.Today();
        var exists = await session.Query<Mandate>().AnyAsync(m => m.EmployerId == mandate.EmployerId && m.Year == mandate.Year + 1, cancellationToken);
        var renewal = mandate.Renew(command.Scope, command.SignedOn ?? today, exists, today);
        session.Insert(renewal);
        return renewal.Id;
    }
}

public sealed record MandateView(Guid Id, Guid EmployerId, MandateScope Scope, DateOnly SignedOn, int Year, DateOnly StartsOn, DateOnly EndsOn, Guid? RenewalOf);

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
        new MandateView(m.Id, m.EmployerId, m.Scope, m.SignedOn, m.Year, m.StartsOn, m.EndsOn, m.RenewalOf);
}

public static class MandateEndpoints
{
    [WolverinePost("/api/payroll/mandates", OperationId = "SignMandate"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Records an employer structure's contract-management mandate (partial or complete) until 31 December of its signature year.")]
    public static Task<Created<ResourceCreated>> Sign(SignMandate command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/payroll/mandates/", ct);

    [WolverinePost("/api/payroll/mandates/{mandateId:guid}/renewal", OperationId = "RenewMandate"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Renews a mandate for the next civil year.")]
    public static Task<Created<ResourceCreated>> Renew(Guid mandateId, RenewMandateRequest request, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(new RenewMandate(mandateId, request.Scope, request.SignedOn), "/api/payroll/mandates/", ct);

    [WolverineGet("/api/payroll/mandates/{mandateId:guid}", OperationId = "GetMandate"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A contract-management mandate.")]
    public static async Task<Ok<MandateView>> Get(Guid mandateId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<MandateView>(new GetMandate(mandateId), ct));

    [WolverineGet("/api/payroll/mandates", OperationId = "ListMandates")]
    [EndpointSummary("Mandates the caller may see (an employer: its own), latest year first.")]
    public static async Task<Ok<IReadOnlyList<MandateView>>> List(Guid? employerId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<MandateView>>(new ListMandates(employerId), ct));
}
