using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Persistence;

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

internal sealed record RenewMandateRequest(MandateScope Scope, DateOnly? SignedOn)
{
    public static RenewMandateRequest Example => new(MandateScope.Complete, new DateOnly(2026, 12, 1));
}

public sealed class MandateHandler(PayrollDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(SignMandate command, CancellationToken cancellationToken)
    {
        var employer = await db.Employees.VisibleTo(user).SingleOrDefaultAsync(e => e.MemberId == command.EmployerId, cancellationToken)
            ?? throw new NotFoundException("Employer", command.EmployerId);
        var today = clock.Today();
        var signedOn = command.SignedOn ?? today;
        var exists = await db.Mandates.AnyAsync(m => m.EmployerId == employer.MemberId && m.Year == signedOn.Year, cancellationToken);
        var mandate = Mandate.Sign(new EmployerFacts(employer.MemberId, employer.Kind == MemberKind.LegalEntity, employer.EntityId, employer.OfficeId),
            command.Scope, signedOn, exists, today);
        db.Mandates.Add(mandate);
        return mandate.Id;
    }

    public async Task<Guid> HandleAsync(RenewMandate command, CancellationToken cancellationToken)
    {
        var mandate = await db.Mandates.VisibleTo(user).SingleOrDefaultAsync(m => m.Id == command.MandateId, cancellationToken)
            ?? throw new NotFoundException("Mandate", command.MandateId);
        var today = clock.Today();
        var exists = await db.Mandates.AnyAsync(m => m.EmployerId == mandate.EmployerId && m.Year == mandate.Year + 1, cancellationToken);
        var renewal = mandate.Renew(command.Scope, command.SignedOn ?? today, exists, today);
        db.Mandates.Add(renewal);
        return renewal.Id;
    }
}

public sealed record MandateView(Guid Id, Guid EmployerId, MandateScope Scope, DateOnly SignedOn, int Year, DateOnly StartsOn, DateOnly EndsOn, Guid? RenewalOf);

public sealed record GetMandate(Guid MandateId);

/// <summary>The mandates the caller may see (an employer: its own), optionally of one employer, latest year first.</summary>
public sealed record ListMandates(Guid? EmployerId);

public sealed class MandateQueriesHandler(PayrollDbContext db, ICurrentUser user)
{
    public async Task<MandateView> HandleAsync(GetMandate query, CancellationToken cancellationToken) =>
        await db.Mandates.AsNoTracking().VisibleTo(user).Where(m => m.Id == query.MandateId).Select(ToView).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Mandate", query.MandateId);

    public async Task<IReadOnlyList<MandateView>> HandleAsync(ListMandates query, CancellationToken cancellationToken)
    {
        var mandates = db.Mandates.AsNoTracking().VisibleTo(user);
        if (query.EmployerId is { } employerId) mandates = mandates.Where(m => m.EmployerId == employerId);
        return await mandates.OrderByDescending(m => m.Year).ThenBy(m => m.EmployerId).Take(500).Select(ToView).ToListAsync(cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Mandate, MandateView>> ToView = m =>
        new MandateView(m.Id, m.EmployerId, m.Scope, m.SignedOn, m.Year, m.StartsOn, m.EndsOn, m.RenewalOf);
}

internal sealed class MandateEndpoints : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapCreateCommand<SignMandate>("/mandates", "/api/payroll/mandates/")
            .RequireAuthorization(SmartPolicies.Operator)
            .WithName("SignMandate")
            .WithSummary("Records an employer structure's contract-management mandate (partial or complete) until 31 December of its signature year.");

        module.MapPost("/mandates/{mandateId:guid}/renewal", async (Guid mandateId, RenewMandateRequest request, IMessageBus bus, CancellationToken ct) =>
            {
                var id = await bus.InvokeAsync<Guid>(new RenewMandate(mandateId, request.Scope, request.SignedOn), ct);
                return TypedResults.Created($"/api/payroll/mandates/{id}", new ResourceCreated(id));
            })
            .RequireAuthorization(SmartPolicies.Operator)
            .WithName("RenewMandate")
            .WithSummary("Renews a mandate for the next civil year.")
            .ProducesCommandProblems();

        module.MapGet("/mandates/{mandateId:guid}", async (Guid mandateId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<MandateView>(new GetMandate(mandateId), ct)))
            .WithName("GetMandate")
            .WithSummary("A contract-management mandate.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/mandates", async (Guid? employerId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<MandateView>>(new ListMandates(employerId), ct)))
            .WithName("ListMandates")
            .WithSummary("Mandates the caller may see (an employer: its own), latest year first.");
    }
}
