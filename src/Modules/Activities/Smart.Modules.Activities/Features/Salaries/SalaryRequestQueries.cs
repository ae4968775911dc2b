using Smart.Modules.Activities.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.Domain.Activities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.Salaries;

public sealed record SalaryRequestView(
    Guid Id, Guid ActivityId, Guid MemberId, decimal EmploymentBudget, SalaryContractKind ContractKind, SalaryCategory Category, DateOnly WorkStart,
    DateOnly WorkEnd, decimal? Days, decimal? Hours, string Job, DateOnly RequestedOn, SalaryRequestStatus Status, bool GuaranteeFundAdvance,
    string? RejectionReason, Guid? PayslipId);

public sealed record GetSalaryRequest(Guid SalaryRequestId);

/// <summary>An activity's salary requests, newest first.</summary>
public sealed record ListSalaryRequests(Guid ActivityId, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListSalaryRequests>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }
}

public sealed class SalaryRequestQueriesHandler(ICurrentUser user)
{
    public async Task<SalaryRequestView> HandleAsync(GetSalaryRequest query, IQuerySession session, CancellationToken cancellationToken)
    {
        var request = await session.LoadAsync<SalaryRequest>(query.SalaryRequestId, cancellationToken);
        var activity = request is null ? null : await session.LoadAsync<Activity>(request.ActivityId, cancellationToken);
        return request is not null && activity is not null && activity.IsVisibleTo(user)
            ? ToView(request)
            : throw new NotFoundException("Salary request", query.SalaryRequestId);
    }

    public async Task<PagedResult<SalaryRequestView>> HandleAsync(ListSalaryRequests query, IQuerySession session, CancellationToken cancellationToken)
    {
        await session.VisibleActivityAsync(user, query.ActivityId, cancellationToken);
        var requests = session.Query<SalaryRequest>().Where(r => r.ActivityId == query.ActivityId);
        var total = await requests.CountAsync(cancellationToken);
        var page = await requests.OrderByDescending(r => r.RequestedOn).ThenByDescending(r => r.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<SalaryRequestView>(page.Select(ToView).ToList(), query.Page, query.PageSize, total);
    }

    private static SalaryRequestView ToView(SalaryRequest r) => new(
        r.Id, r.ActivityId, r.MemberId, r.EmploymentBudget, r.ContractKind, r.Category, r.WorkStart, r.WorkEnd, r.Days, r.Hours, r.Job, r.RequestedOn,
        r.Status, r.GuaranteeFundAdvance, r.RejectionReason, r.PayslipId);
}

public static class SalaryRequestQueriesEndpoints
{
    [WolverineGet("/api/activities/salary-requests/{salaryRequestId:guid}", OperationId = "GetSalaryRequest"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A salary request and where it stands (pending at Payroll, booked, rejected).")]
    public static async Task<Ok<SalaryRequestView>> Get(Guid salaryRequestId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<SalaryRequestView>(new GetSalaryRequest(salaryRequestId), ct));

    [WolverineGet("/api/activities/activities/{activityId:guid}/salary-requests", OperationId = "ListSalaryRequests"), ProducesValidationProblem,
     ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The activity's salary requests, newest first.")]
    public static async Task<Ok<PagedResult<SalaryRequestView>>> List(Guid activityId, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<SalaryRequestView>>(new ListSalaryRequests(activityId, page ?? 1, pageSize ?? 50), ct));
}
