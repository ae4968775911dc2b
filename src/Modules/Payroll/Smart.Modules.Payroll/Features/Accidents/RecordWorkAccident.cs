using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Domain.Accidents;
using Smart.Modules.Payroll.Features.Gdc;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Domain.Employment;
using Wolverine.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authorization;

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

public sealed record WorkAccidentInput(DateOnly Date, int DaysLost, string Description)
{
    public static WorkAccidentInput Example => new(new DateOnly(2026, 3, 11), 4, "Chute d'une échelle pendant le montage du décor");
}

public sealed record WorkAccidentView(Guid Id, Guid ContractId, Guid WorkerId, DateOnly Date, int DaysLost, string Description, DateOnly RecordedOn);

public sealed record ListWorkAccidents(Guid ContractId);

public sealed class WorkAccidentsHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(RecordWorkAccident command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var contract = await ContractAsync(session, command.ContractId, cancellationToken);
        var accident = WorkAccident.Record(contract, command.Date, command.DaysLost, command.Description, clock.Today());
        session.Insert(accident);
        return accident.Id;
    }

    public async Task<IReadOnlyList<WorkAccidentView>> HandleAsync(ListWorkAccidents query, IQuerySession session, CancellationToken cancellationToken)
    {
        var contract = await ContractAsync(session, query.ContractId, cancellationToken);
        return (await session.Query<WorkAccident>().Where(a => a.ContractId == contract.ContractId).OrderBy(a => a.Date).ToListAsync(cancellationToken))
            .Select(a => new WorkAccidentView(a.Id, a.ContractId, a.WorkerId, a.Date, a.DaysLost, a.Description, a.RecordedOn)).ToList();
    }

    /// <summary>A member's contract or a GDC contract, as the caller may see it.</summary>
    private async Task<AccidentContract> ContractAsync(IQuerySession session, Guid contractId, CancellationToken cancellationToken)
    {
        if (await session.Query<EmploymentContract>().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == contractId, cancellationToken) is { } member)
        {
            return new AccidentContract(member.Id, member.EntityId, member.OfficeId, member.MemberId, member.Start, member.End);
        }
        return await session.Query<GdcContract>().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == contractId, cancellationToken) is { } managed
            ? new AccidentContract(managed.Id, managed.EntityId, managed.OfficeId, managed.EmployeeId, managed.Start, managed.End)
            : throw new NotFoundException("Contract", contractId);
    }
}

public static class WorkAccidentEndpoints
{
    [WolverinePost("/api/payroll/contracts/{contractId:guid}/accidents", OperationId = "RecordWorkAccident"), Authorize(SmartPolicies.Staff), ProducesCommandProblems]
    [EndpointSummary("Records a work accident on a contract (a member's or a GDC one): date within the contract, calendar days lost.")]
    public static async Task<Created<ResourceCreated>> Record(Guid contractId, WorkAccidentInput input, IMessageBus bus, CancellationToken ct)
    {
        var id = await bus.InvokeAsync<Guid>(new RecordWorkAccident(contractId, input.Date, input.DaysLost, input.Description), ct);
        return TypedResults.Created($"/api/payroll/contracts/{contractId}/accidents", new ResourceCreated(id));
    }

    [WolverineGet("/api/payroll/contracts/{contractId:guid}/accidents", OperationId = "ListWorkAccidents"), Authorize(SmartPolicies.Staff)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The work accidents of a contract.")]
    public static async Task<Ok<IReadOnlyList<WorkAccidentView>>> List(Guid contractId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<WorkAccidentView>>(new ListWorkAccidents(contractId), ct));
}
