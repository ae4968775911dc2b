using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Contracts;
using Wolverine.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Smart.Modules.Payroll.Features.Employment;

public sealed record ContractView(
    Guid Id, Guid SalaryRequestId, Guid ActivityId, Guid MemberId, ContractKind Kind, ContractCategory Category, WorkingTime WorkingTime, DateOnly Start,
    DateOnly End, decimal? Days, decimal Hours, string Job, decimal EmploymentBudget, DateOnly DeclaredOn, string? DeclarationReference);

public sealed record GetContract(Guid ContractId);

/// <summary>Contracts the caller may see, newest first, optionally for one member or activity.</summary>
public sealed record ListContracts(Guid? MemberId = null, Guid? ActivityId = null, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListContracts>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }
}

public sealed class ContractQueriesHandler(ICurrentUser user)
{
    public async Task<ContractView> HandleAsync(GetContract query, IQuerySession session, CancellationToken cancellationToken) =>
        ToView(await session.Query<EmploymentContract>().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == query.ContractId, cancellationToken)
            ?? throw new NotFoundException("Contract", query.ContractId));

    public async Task<PagedResult<ContractView>> HandleAsync(ListContracts query, IQuerySession session, CancellationToken cancellationToken)
    {
        var contracts = session.Query<EmploymentContract>().VisibleTo(user);
        if (query.MemberId is { } memberId) contracts = contracts.Where(c => c.MemberId == memberId);
        if (query.ActivityId is { } activityId) contracts = contracts.Where(c => c.ActivityId == activityId);
        var total = await contracts.CountAsync(cancellationToken);
        var page = await contracts.OrderByDescending(c => c.Start).ThenByDescending(c => c.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<ContractView>(page.Select(ToView).ToList(), query.Page, query.PageSize, total);
    }

    private static ContractView ToView(EmploymentContract c) => new ContractView(
        c.Id, c.SalaryRequestId, c.ActivityId, c.MemberId, c.Kind, c.Category, c.WorkingTime, c.Start, c.End, c.Days, c.Hours, c.Job, c.EmploymentBudget,
        c.DeclaredOn, c.DeclarationReference);
}

public static class ContractQueriesEndpoints
{
    [WolverineGet("/api/payroll/contracts/{contractId:guid}", OperationId = "GetContract"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("An employment contract and its declaration reference.")]
    public static async Task<Ok<ContractView>> Get(Guid contractId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ContractView>(new GetContract(contractId), ct));

    [WolverineGet("/api/payroll/contracts", OperationId = "ListContracts"), ProducesValidationProblem]
    [EndpointSummary("Employment contracts the caller may see (a member: their own), newest first.")]
    public static async Task<Ok<PagedResult<ContractView>>> List(Guid? memberId, Guid? activityId, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<ContractView>>(new ListContracts(memberId, activityId, page ?? 1, pageSize ?? 50), ct));
}
