using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Entities;

namespace Smart.Modules.Governance.Features.Entities;

public sealed record EntityView(Guid Id, string Code, string Name, EntityKind Kind, string Country, EntitySettingsView? CurrentSettings, IReadOnlyList<EntitySettingsView> SettingsHistory)
{
    internal static EntityView From(CooperativeEntity e, DateOnly today) => new(
        e.Id, e.Code, e.Name, e.Kind, e.Country,
        e.SettingsOn(today) is { } current ? EntitySettingsView.From(current) : null,
        e.Settings.Select(EntitySettingsView.From).ToList());
}

/// <summary>Query: the entities the caller belongs to (all of them for a platform admin), with their rules.</summary>
public sealed record ListEntities;

public sealed record GetEntity(Guid EntityId);

public sealed class EntityQueriesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<EntityView>> HandleAsync(ListEntities query, IQuerySession session, CancellationToken cancellationToken)
    {
        var entities = await session.Query<CooperativeEntity>().VisibleTo(user).OrderBy(e => e.Code).ToListAsync(cancellationToken);
        return entities.Select(e => EntityView.From(e, clock.Today())).ToList();
    }

    public async Task<EntityView> HandleAsync(GetEntity query, IQuerySession session, CancellationToken cancellationToken)
    {
        var entity = await session.Query<CooperativeEntity>().VisibleTo(user).SingleOrDefaultAsync(e => e.Id == query.EntityId, cancellationToken)
            ?? throw new NotFoundException("Entity", query.EntityId);
        return EntityView.From(entity, clock.Today());
    }
}

public static class EntityQueriesEndpoints
{
    [WolverineGet("/api/governance/entities", OperationId = "ListEntities")]
    [EndpointSummary("The caller's entity (every entity for a platform admin) with its rules in force today and their history.")]
    public static async Task<Ok<IReadOnlyList<EntityView>>> List(IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<EntityView>>(new ListEntities(), ct));

    [WolverineGet("/api/governance/entities/{entityId:guid}", OperationId = "GetEntity"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("One entity with its rules in force today and their history.")]
    public static async Task<Ok<EntityView>> Get(Guid entityId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<EntityView>(new GetEntity(entityId), ct));
}
