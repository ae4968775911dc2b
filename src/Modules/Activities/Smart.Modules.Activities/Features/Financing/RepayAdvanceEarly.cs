using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Financing;
using Smart.Modules.Activities.Features.Salaries;
using Smart.Modules.Activities.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.Financing;

/// <summary>
/// The coordinator (or staff who see the activity) repays what a treasury advance still owes, at once, from the budget:
/// one entry today; the instalments left will not be booked again. Refused (409) for a lease, an advance repaid already,
/// or when the budget does not cover it once pending salaries and every instalment are set aside.
/// </summary>
public sealed record RepayAdvanceEarly(Guid EquipmentId)
{
    internal sealed class Validator : AbstractValidator<RepayAdvanceEarly>
    {
        public Validator() => RuleFor(c => c.EquipmentId).NotEmpty();
    }
}

public sealed record EarlyRepaymentBooked(Guid EquipmentId, DateOnly Date, decimal Amount);

public sealed class RepayAdvanceEarlyHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<EarlyRepaymentBooked> HandleAsync(RepayAdvanceEarly command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var activityId = (await session.LoadAsync<Equipment>(command.EquipmentId, cancellationToken))?.ActivityId ?? throw new NotFoundException("Equipment", command.EquipmentId);
        // Like any spending: take the activity's ledger (its scheduled bookings take it too), then read the equipment again.
        var ledger = await session.LedgerAsync(activityId, cancellationToken);
        var activity = await session.LoadAsync<Activity>(activityId, cancellationToken);
        var equipment = await session.LoadAsync<Equipment>(command.EquipmentId, cancellationToken);
        if (activity is null || !activity.IsVisibleTo(user) || equipment is null)
        {
            throw new NotFoundException("Equipment", command.EquipmentId);
        }
        var today = clock.Today();
        var budget = await session.SalaryBudgetAsync(activity, ledger.Budget, today, cancellationToken);
        var entry = equipment.RepayEarly(budget.Available, today, clock.GetUtcNow());
        ledger.Append(entry);
        session.UpdateRevision(equipment, equipment.Version + 1);
        return new EarlyRepaymentBooked(equipment.Id, entry.Date, -entry.Amount);
    }
}

public static class RepayAdvanceEarlyEndpoint
{
    [WolverinePost("/api/activities/equipment/{equipmentId:guid}/early-repayment", OperationId = "RepayAdvanceEarly"), ProducesCommandProblems]
    [EndpointSummary("Repays what a treasury advance still owes, today, from the activity's budget; its remaining instalments are not booked again.")]
    public static async Task<Ok<EarlyRepaymentBooked>> Post(Guid equipmentId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<EarlyRepaymentBooked>(new RepayAdvanceEarly(equipmentId), ct));
}
