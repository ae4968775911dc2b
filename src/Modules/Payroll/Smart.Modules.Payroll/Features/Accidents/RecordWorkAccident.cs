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
using Smart.Modules.Payroll.Contracts;
using Wolverine.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authorization;

namespace Smart.Modules.Payroll.Features.Accidents;

/// <summary>
/// Staff record a work accident on a contract (a member's, or an employer's employee's under contract management): the
/// day, within the contract, and the calendar days lost (0 if none). The same accident sent again (same contract, day, days
/// lost and description) is the one already recorded: its id is answered, nothing is recorded or published twice.
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

/// <summary>Staff change the calendar days lost by a recorded accident (the leave went on, a relapse, a correction).</summary>
public sealed record ChangeWorkAccidentDaysLost(Guid AccidentId, int DaysLost)
{
    internal sealed class Validator : AbstractValidator<ChangeWorkAccidentDaysLost>
    {
        public Validator()
        {
            RuleFor(c => c.AccidentId).NotEmpty();
            RuleFor(c => c.DaysLost).InclusiveBetween(0, 3650);
        }
    }
}

public sealed record DaysLostInput(int DaysLost);

public sealed record WorkAccidentView(Guid Id, Guid ContractId, Guid WorkerId, DateOnly Date, int DaysLost, string Description, DateOnly RecordedOn);

public sealed record ListWorkAccidents(Guid ContractId);

public sealed class WorkAccidentsHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The accident's id, and <see cref="WorkAccidentRecorded"/> to publish with it (none for a repeat).</summary>
    public async Task<(Guid, OutgoingMessages)> HandleAsync(RecordWorkAccident command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var contract = await ContractAsync(session, command.ContractId, cancellationToken);
        var recorded = await session.Query<WorkAccident>().Where(a => a.ContractId == contract.ContractId && a.Date == command.Date).ToListAsync(cancellationToken);
        if (recorded.FirstOrDefault(a => a.IsRepeatOf(command.Date, command.DaysLost, command.Description)) is { } repeat) return (repeat.Id, []);
        var accident = WorkAccident.Record(contract, command.Date, command.DaysLost, command.Description, clock.Today());
        session.Insert(accident);
        return (accident.Id, [accident.ToRecorded(contract.Worker)]);
    }

    /// <summary>The accident as it is now, and <see cref="WorkAccidentDaysLostChanged"/> when its days lost changed.</summary>
    public async Task<(WorkAccidentView, OutgoingMessages)> HandleAsync(ChangeWorkAccidentDaysLost command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var accident = await session.LoadAsync<WorkAccident>(command.AccidentId, cancellationToken)
            ?? throw new NotFoundException("Accident", command.AccidentId);
        // Seen through its contract: an accident on a contract the caller may not see is unknown to them.
        var contract = await ContractAsync(session, accident.ContractId, cancellationToken, notFound: () => new NotFoundException("Accident", command.AccidentId));
        var changed = accident.ChangeDaysLost(command.DaysLost, contract.Worker, clock.Today());
        if (changed is null) return (View(accident), []);
        session.Update(accident);
        return (View(accident), [changed]);
    }

    public async Task<IReadOnlyList<WorkAccidentView>> HandleAsync(ListWorkAccidents query, IQuerySession session, CancellationToken cancellationToken)
    {
        var contract = await ContractAsync(session, query.ContractId, cancellationToken);
        return (await session.Query<WorkAccident>().Where(a => a.ContractId == contract.ContractId).OrderBy(a => a.Date).ToListAsync(cancellationToken))
            .Select(View).ToList();
    }

    private static WorkAccidentView View(WorkAccident a) => new(a.Id, a.ContractId, a.WorkerId, a.Date, a.DaysLost, a.Description, a.RecordedOn);

    /// <summary>A member's contract or a GDC contract, as the caller may see it.</summary>
    private async Task<AccidentContract> ContractAsync(IQuerySession session, Guid contractId, CancellationToken cancellationToken,
        Func<NotFoundException>? notFound = null)
    {
        if (await session.Query<EmploymentContract>().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == contractId, cancellationToken) is { } member)
        {
            return new AccidentContract(member.Id, member.EntityId, member.OfficeId, member.MemberId, AccidentWorker.Member, member.Start, member.End);
        }
        return await session.Query<GdcContract>().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == contractId, cancellationToken) is { } managed
            ? new AccidentContract(managed.Id, managed.EntityId, managed.OfficeId, managed.EmployeeId, AccidentWorker.GdcEmployee, managed.Start, managed.End)
            : throw notFound?.Invoke() ?? new NotFoundException("Contract", contractId);
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

    [WolverinePut("/api/payroll/accidents/{accidentId:guid}/days-lost", OperationId = "ChangeWorkAccidentDaysLost"), Authorize(SmartPolicies.Staff), ProducesCommandProblems]
    [EndpointSummary("Changes the calendar days lost by a recorded work accident (0 to 3650); the same number again changes nothing.")]
    public static async Task<Ok<WorkAccidentView>> ChangeDaysLost(Guid accidentId, DaysLostInput input, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<WorkAccidentView>(new ChangeWorkAccidentDaysLost(accidentId, input.DaysLost), ct));

    [WolverineGet("/api/payroll/contracts/{contractId:guid}/accidents", OperationId = "ListWorkAccidents"), Authorize(SmartPolicies.Staff)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The work accidents of a contract.")]
    public static async Task<Ok<IReadOnlyList<WorkAccidentView>>> List(Guid contractId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<WorkAccidentView>>(new ListWorkAccidents(contractId), ct));
}
