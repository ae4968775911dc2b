using Smart.Modules.Activities.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.Persistence;

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

public sealed class SalaryRequestQueriesHandler(ActivitiesDbContext db, ICurrentUser user)
{
    public async Task<SalaryRequestView> HandleAsync(GetSalaryRequest query, CancellationToken cancellationToken)
    {
        var visible = db.Activities.VisibleTo(user).Select(a => a.Id);
        return await db.SalaryRequests.AsNoTracking().Where(r => r.Id == query.SalaryRequestId && visible.Contains(r.ActivityId))
                .Select(ToView).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Salary request", query.SalaryRequestId);
    }

    public async Task<PagedResult<SalaryRequestView>> HandleAsync(ListSalaryRequests query, CancellationToken cancellationToken)
    {
        if (!await db.Activities.VisibleTo(user).AnyAsync(a => a.Id == query.ActivityId, cancellationToken))
        {
            throw new NotFoundException("Activity", query.ActivityId);
        }
        var requests = db.SalaryRequests.AsNoTracking().Where(r => r.ActivityId == query.ActivityId);
        var total = await requests.CountAsync(cancellationToken);
        var page = await requests.OrderByDescending(r => r.RequestedOn).ThenByDescending(r => r.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(ToView).ToListAsync(cancellationToken);
        return new PagedResult<SalaryRequestView>(page, query.Page, query.PageSize, total);
    }

    private static readonly System.Linq.Expressions.Expression<Func<SalaryRequest, SalaryRequestView>> ToView = r => new SalaryRequestView(
        r.Id, r.ActivityId, r.MemberId, r.EmploymentBudget, r.ContractKind, r.Category, r.WorkStart, r.WorkEnd, r.Days, r.Hours, r.Job, r.RequestedOn,
        r.Status, r.GuaranteeFundAdvance, r.RejectionReason, r.PayslipId);
}

internal sealed class SalaryRequestQueriesEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/salary-requests/{salaryRequestId:guid}", async (Guid salaryRequestId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<SalaryRequestView>(new GetSalaryRequest(salaryRequestId), ct)))
            .WithName("GetSalaryRequest")
            .WithSummary("A salary request and where it stands (pending at Payroll, booked, rejected).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/activities/{activityId:guid}/salary-requests", async (Guid activityId, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<PagedResult<SalaryRequestView>>(new ListSalaryRequests(activityId, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListSalaryRequests")
            .WithSummary("The activity's salary requests, newest first.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
