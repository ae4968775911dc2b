using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Financing;
using Smart.Modules.Activities.Domain.Activities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

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
public sealed class EquipmentQueriesHandler(ICurrentUser user)
{
    public async Task<EquipmentView> HandleAsync(GetEquipment query, IQuerySession session, CancellationToken cancellationToken)
    {
        var equipment = await session.LoadAsync<Equipment>(query.EquipmentId, cancellationToken);
        var activity = equipment is null ? null : await session.LoadAsync<Activity>(equipment.ActivityId, cancellationToken);
        return equipment is not null && activity is not null && activity.IsVisibleTo(user)
            ? EquipmentView.From(equipment)
            : throw new NotFoundException("Equipment", query.EquipmentId);
    }

    public async Task<PagedResult<EquipmentView>> HandleAsync(ListEquipment query, IQuerySession session, CancellationToken cancellationToken)
    {
        await session.VisibleActivityAsync(user, query.ActivityId, cancellationToken);
        var equipment = session.Query<Equipment>().Where(e => e.ActivityId == query.ActivityId);
        var total = await equipment.CountAsync(cancellationToken);
        var page = await equipment.OrderByDescending(e => e.PurchaseDate).ThenByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<EquipmentView>(page.Select(EquipmentView.From).ToList(), query.Page, query.PageSize, total);
    }
}

public static class EquipmentQueriesEndpoints
{
    [WolverineGet("/api/activities/equipment/{equipmentId:guid}", OperationId = "GetEquipment"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A piece of equipment with its financing and its schedule (due date, amount, booked or not).")]
    public static async Task<Ok<EquipmentView>> Get(Guid equipmentId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<EquipmentView>(new GetEquipment(equipmentId), ct));

    [WolverineGet("/api/activities/activities/{activityId:guid}/equipment", OperationId = "ListEquipment"), ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The activity's equipment with each one's schedule, latest purchase first.")]
    public static async Task<Ok<PagedResult<EquipmentView>>> List(Guid activityId, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<EquipmentView>>(new ListEquipment(activityId, page ?? 1, pageSize ?? 50), ct));
}
