using Smart.BuildingBlocks.Domain;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Domain.Figures;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Features.Rates;
using Smart.Modules.Payroll.Domain.Accidents;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Members;
using Wolverine.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authorization;

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

public sealed class GetPayrollFiguresHandler(ICurrentUser user)
{
    public async Task<PayrollFiguresResult> HandleAsync(GetPayrollFigures query, IQuerySession session, CancellationToken cancellationToken)
    {
        var (entityId, start, end) = (user.EntityInScope(query.EntityId)!.Value, query.From, query.To);

        var memberContracts = await session.Query<EmploymentContract>().Where(c => c.EntityId == entityId && c.Start >= start && c.Start <= end)
            .ToListAsync(cancellationToken);
        var memberIds = memberContracts.Select(c => c.MemberId).Distinct().ToArray();
        var members = (await session.LoadManyAsync<Employee>(cancellationToken, memberIds)).ToDictionary(e => e.MemberId);
        var managedContracts = await session.Query<GdcContract>().Where(c => c.EntityId == entityId && c.Start >= start && c.Start <= end)
            .ToListAsync(cancellationToken);
        var managed = (await session.LoadManyAsync<GdcEmployee>(cancellationToken, managedContracts.Select(c => c.EmployeeId).Distinct().ToArray()))
            .ToDictionary(e => e.Id);
        var contracts = memberContracts
            .Select(c => new ContractFacts(c.Id, c.MemberId, members.GetValueOrDefault(c.MemberId)?.Gender, members.GetValueOrDefault(c.MemberId)?.BirthDate,
                c.Start, c.Days, c.Hours))
            .Concat(managedContracts.Select(c => new ContractFacts(c.Id, c.EmployeeId, managed[c.EmployeeId].Gender, managed[c.EmployeeId].BirthDate, c.Start,
                c.Days, c.Hours)))
            .ToList();
        var accidents = (await session.Query<WorkAccident>().Where(a => a.EntityId == entityId && a.Date >= start && a.Date <= end).ToListAsync(cancellationToken))
            .Select(a => new AccidentFacts(a.Date, a.DaysLost)).ToList();
        var settings = (await session.ConfigurationAsync(cancellationToken)).WorkTimeSettingsOn(end);
        return PayrollFigures.Compute(start, end, contracts, accidents, settings);
    }
}
public static class GetPayrollFiguresEndpoint
{
    [WolverineGet("/api/payroll/figures", OperationId = "GetPayrollFigures"), Authorize(SmartPolicies.Staff), ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Contracts, workers, days, hours, FTE (hours / 1,607), averages, gender and age bands, accident frequency and severity rates of an entity over a period.")]
    public static async Task<Ok<PayrollFiguresResult>> Get([Required] Guid entityId, [Required] DateOnly from, [Required] DateOnly to, IMessageBus bus,
        CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PayrollFiguresResult>(new GetPayrollFigures(entityId, from, to), ct));
}
