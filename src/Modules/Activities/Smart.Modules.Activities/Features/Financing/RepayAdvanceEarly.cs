using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Features.Salaries;
using Smart.Modules.Activities.Persistence;

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

public sealed class RepayAdvanceEarlyHandler(ActivitiesDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<EarlyRepaymentBooked> HandleAsync(RepayAdvanceEarly command, CancellationToken cancellationToken)
    {
        var activityId = await (from e in db.Equipment
                                join a in db.Activities.VisibleTo(user) on e.ActivityId equals a.Id
                                where e.Id == command.EquipmentId
                                select (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Equipment", command.EquipmentId);
        // Like any spending: queue on the activity, then on the equipment (its scheduled bookings queue there too).
        await db.LockActivityAsync(activityId, cancellationToken);
        await db.LockEquipmentAsync(command.EquipmentId, cancellationToken);
        var activity = await db.Activities.SingleAsync(a => a.Id == activityId, cancellationToken);
        var equipment = await db.Equipment.SingleAsync(e => e.Id == command.EquipmentId, cancellationToken);
        var today = clock.Today();
        var budget = await db.SalaryBudgetAsync(activity, today, cancellationToken);
        var entry = equipment.RepayEarly(budget.Available, today, clock.GetUtcNow());
        db.BudgetEntries.Add(entry);
        return new EarlyRepaymentBooked(equipment.Id, entry.Date, -entry.Amount);
    }
}

internal sealed class RepayAdvanceEarlyEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module) => module
        .MapPost("/equipment/{equipmentId:guid}/early-repayment", async (Guid equipmentId, IMessageBus bus, CancellationToken ct) =>
            TypedResults.Ok(await bus.InvokeAsync<EarlyRepaymentBooked>(new RepayAdvanceEarly(equipmentId), ct)))
        .WithName("RepayAdvanceEarly")
        .WithSummary("Repays what a treasury advance still owes, today, from the activity's budget; its remaining instalments are not booked again.")
        .ProducesCommandProblems();
}
