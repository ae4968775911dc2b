using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Financing;
using Smart.Modules.Activities.Persistence;

namespace Smart.Modules.Activities.Features.Financing;

public sealed record InstalmentView(int Number, DateOnly DueDate, decimal Amount, bool Booked, DateTimeOffset? BookedAt);

/// <summary><see cref="Outstanding"/>: the instalments not booked yet; <see cref="Schedule"/> is empty for a purchase.</summary>
public sealed record EquipmentView(
    Guid Id, Guid ActivityId, Guid EntityId, Guid OfficeId, string Description, string Supplier, DateOnly PurchaseDate, decimal PriceExclVat, FinancingMode Mode,
    decimal? AdvanceAmount, Guid RecordedBy, DateOnly RecordedOn, decimal Outstanding, IReadOnlyList<InstalmentView> Schedule, int Version)
{
    internal static EquipmentView From(Equipment e) => new(e.Id, e.ActivityId, e.EntityId, e.OfficeId, e.Description, e.Supplier, e.PurchaseDate, e.PriceExclVat,
        e.Mode, e.AdvanceAmount, e.RecordedBy, e.RecordedOn, e.Outstanding,
        e.Instalments.OrderBy(i => i.Number).Select(i => new InstalmentView(i.Number, i.DueDate, i.Amount, i.IsBooked, i.BookedAt)).ToList(), e.Version);
}

public sealed record GetEquipment(Guid EquipmentId);

/// <summary>An activity's equipment with each one's schedule, latest purchase first.</summary>
public sealed record ListEquipment(Guid ActivityId, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListEquipment>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }
}

/// <summary>Equipment of the activities the caller may see (a member: their own; an advisor: their office; staff: their entity).</summary>
public sealed class EquipmentQueriesHandler(ActivitiesDbContext db, ICurrentUser user)
{
    public async Task<EquipmentView> HandleAsync(GetEquipment query, CancellationToken cancellationToken) =>
        EquipmentView.From(await Visible().SingleOrDefaultAsync(e => e.Id == query.EquipmentId, cancellationToken)
            ?? throw new NotFoundException("Equipment", query.EquipmentId));

    public async Task<PagedResult<EquipmentView>> HandleAsync(ListEquipment query, CancellationToken cancellationToken)
    {
        if (!await db.Activities.VisibleTo(user).AnyAsync(a => a.Id == query.ActivityId, cancellationToken))
        {
            throw new NotFoundException("Activity", query.ActivityId);
        }
        var equipment = db.Equipment.AsNoTracking().Where(e => e.ActivityId == query.ActivityId);
        var total = await equipment.CountAsync(cancellationToken);
        var page = await equipment.OrderByDescending(e => e.PurchaseDate).ThenByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<EquipmentView>(page.Select(EquipmentView.From).ToList(), query.Page, query.PageSize, total);
    }

    private IQueryable<Equipment> Visible() =>
        from e in db.Equipment.AsNoTracking()
        join a in db.Activities.VisibleTo(user) on e.ActivityId equals a.Id
        select e;
}

internal sealed class EquipmentQueriesEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/equipment/{equipmentId:guid}", async (Guid equipmentId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<EquipmentView>(new GetEquipment(equipmentId), ct)))
            .WithName("GetEquipment")
            .WithSummary("A piece of equipment with its financing and its schedule (due date, amount, booked or not).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/activities/{activityId:guid}/equipment", async (Guid activityId, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<PagedResult<EquipmentView>>(new ListEquipment(activityId, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListEquipment")
            .WithSummary("The activity's equipment with each one's schedule, latest purchase first.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
