using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Domain.Accidents;
using Smart.Modules.Payroll.Features.Gdc;
using Smart.Modules.Payroll.Persistence;

namespace Smart.Modules.Payroll.Features.Accidents;

/// <summary>
/// Staff record a work accident on a contract (a member's, or an employer's employee's under contract management): the
/// day, within the contract, and the calendar days lost (0 if none).
/// </summary>
public sealed record RecordWorkAccident(Guid ContractId, DateOnly Date, int DaysLost, string Description)
{
    internal sealed class Validator : AbstractValidator<RecordWorkAccident>
    {
        public Validator()
        {
            RuleFor(c => c.ContractId).NotEmpty();
            RuleFor(c => c.Date).NotEmpty();
            RuleFor(c => c.DaysLost).InclusiveBetween(0, 3650);
            RuleFor(c => c.Description).NotEmpty().MaximumLength(500);
        }
    }
}

internal sealed record WorkAccidentInput(DateOnly Date, int DaysLost, string Description)
{
    public static WorkAccidentInput Example => new(new DateOnly(2026, 3, 11), 4, "Chute d'une échelle pendant le montage du décor");
}

public sealed record WorkAccidentView(Guid Id, Guid ContractId, Guid WorkerId, DateOnly Date, int DaysLost, string Description, DateOnly RecordedOn);

public sealed record ListWorkAccidents(Guid ContractId);

public sealed class WorkAccidentsHandler(PayrollDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(RecordWorkAccident command, CancellationToken cancellationToken)
    {
        var contract = await ContractAsync(command.ContractId, cancellationToken);
        var accident = WorkAccident.Record(contract, command.Date, command.DaysLost, command.Description, clock.Today());
        db.WorkAccidents.Add(accident);
        return accident.Id;
    }

    public async Task<IReadOnlyList<WorkAccidentView>> HandleAsync(ListWorkAccidents query, CancellationToken cancellationToken)
    {
        var contract = await ContractAsync(query.ContractId, cancellationToken);
        return await db.WorkAccidents.AsNoTracking().Where(a => a.ContractId == contract.ContractId).OrderBy(a => a.Date)
            .Select(a => new WorkAccidentView(a.Id, a.ContractId, a.WorkerId, a.Date, a.DaysLost, a.Description, a.RecordedOn)).ToListAsync(cancellationToken);
    }

    /// <summary>A member's contract or a GDC contract, as the caller may see it.</summary>
    private async Task<AccidentContract> ContractAsync(Guid contractId, CancellationToken cancellationToken) =>
        await db.Contracts.AsNoTracking().VisibleTo(user).Where(c => c.Id == contractId)
            .Select(c => new AccidentContract(c.Id, c.EntityId, c.OfficeId, c.MemberId, c.Start, c.End)).SingleOrDefaultAsync(cancellationToken)
        ?? await db.GdcContracts.AsNoTracking().VisibleTo(user).Where(c => c.Id == contractId)
            .Select(c => new AccidentContract(c.Id, c.EntityId, c.OfficeId, c.EmployeeId, c.Start, c.End)).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Contract", contractId);
}

internal sealed class WorkAccidentEndpoints : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapPost("/contracts/{contractId:guid}/accidents", async (Guid contractId, WorkAccidentInput input, IMessageBus bus, CancellationToken ct) =>
            {
                var id = await bus.InvokeAsync<Guid>(new RecordWorkAccident(contractId, input.Date, input.DaysLost, input.Description), ct);
                return TypedResults.Created($"/api/payroll/contracts/{contractId}/accidents", new ResourceCreated(id));
            })
            .RequireAuthorization(SmartPolicies.Staff)
            .WithName("RecordWorkAccident")
            .WithSummary("Records a work accident on a contract (a member's or a GDC one): date within the contract, calendar days lost.")
            .ProducesCommandProblems();

        module.MapGet("/contracts/{contractId:guid}/accidents", async (Guid contractId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<WorkAccidentView>>(new ListWorkAccidents(contractId), ct)))
            .RequireAuthorization(SmartPolicies.Staff)
            .WithName("ListWorkAccidents")
            .WithSummary("The work accidents of a contract.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
