using Smart.BuildingBlocks.Domain;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Domain.Figures;
using Smart.Modules.Payroll.Persistence;

namespace Smart.Modules.Payroll.Features.Figures;

/// <summary>
/// Staff's payroll figures of an entity over a period: members' contracts and contract-management contracts starting in
/// it, workers, days, hours, FTE, averages, gender and age bands, accident frequency and severity rates
/// (<see cref="PayrollFigures"/>). Staff of another entity get 404.
/// </summary>
public sealed record GetPayrollFigures(Guid EntityId, DateOnly From, DateOnly To)
{
    internal sealed class Validator : AbstractValidator<GetPayrollFigures>
    {
        public Validator()
        {
            RuleFor(q => q.EntityId).NotEmpty();
            RuleFor(q => q.From).NotEmpty();
            RuleFor(q => q.To).NotEmpty().GreaterThanOrEqualTo(q => q.From);
            RuleFor(q => q.To).Must((q, to) => to.DayNumber - q.From.DayNumber <= 3660).WithMessage("At most ten years at once.");
        }
    }
}

public sealed class GetPayrollFiguresHandler(PayrollDbContext db, ICurrentUser user)
{
    public async Task<PayrollFiguresResult> HandleAsync(GetPayrollFigures query, CancellationToken cancellationToken)
    {
        var (entityId, start, end) = (user.EntityInScope(query.EntityId)!.Value, query.From, query.To);

        var members = await (from c in db.Contracts.AsNoTracking()
                             where c.EntityId == entityId && c.Start >= start && c.Start <= end
                             join e in db.Employees on c.MemberId equals e.MemberId into workers
                             from e in workers.DefaultIfEmpty()
                             select new ContractFacts(c.Id, c.MemberId, e == null ? null : e.Gender, e == null ? null : e.BirthDate, c.Start, c.Days, c.Hours))
            .ToListAsync(cancellationToken);
        var managed = await (from c in db.GdcContracts.AsNoTracking()
                             where c.EntityId == entityId && c.Start >= start && c.Start <= end
                             join e in db.GdcEmployees on c.EmployeeId equals e.Id
                             select new ContractFacts(c.Id, c.EmployeeId, e.Gender, e.BirthDate, c.Start, c.Days, c.Hours))
            .ToListAsync(cancellationToken);
        var accidents = await db.WorkAccidents.AsNoTracking().Where(a => a.EntityId == entityId && a.Date >= start && a.Date <= end)
            .Select(a => new AccidentFacts(a.Date, a.DaysLost)).ToListAsync(cancellationToken);
        var settings = (await db.WorkTimeSettings.AsNoTracking().ToListAsync(cancellationToken)).RequiredOn(end, "work-time settings");
        return PayrollFigures.Compute(start, end, [.. members, .. managed], accidents, settings);
    }
}

internal sealed class GetPayrollFiguresEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module) => module
        .MapGet("/figures", async (Guid entityId, DateOnly from, DateOnly to, IMessageBus bus, CancellationToken ct) =>
            TypedResults.Ok(await bus.InvokeAsync<PayrollFiguresResult>(new GetPayrollFigures(entityId, from, to), ct)))
        .RequireAuthorization(SmartPolicies.Staff)
        .WithName("GetPayrollFigures")
        .WithSummary("Contracts, workers, days, hours, FTE (hours / 1,607), averages, gender and age bands, accident frequency and severity rates of an entity over a period.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
