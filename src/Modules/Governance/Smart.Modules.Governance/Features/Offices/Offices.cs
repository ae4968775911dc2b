using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Offices;

namespace Smart.Modules.Governance.Features.Offices;

/// <summary>Opens an office of an entity (e.g. Lille for SmartFr).</summary>
public sealed record OpenOffice(Guid EntityId, string Name)
{
    internal sealed class Validator : AbstractValidator<OpenOffice>
    {
        public Validator()
        {
            RuleFor(c => c.EntityId).NotEmpty();
            RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        }
    }
}

public sealed record ListOffices(Guid? EntityId);

public sealed record OfficeView(Guid Id, Guid EntityId, string Name);

internal sealed record OfficeNameIsUniqueInEntity(bool AlreadyUsed, string Name) : IBusinessRule
{
    public bool IsBroken() => AlreadyUsed;

    public string Message => $"The entity already has an office named {Name}.";
}

public sealed class OfficesHandler(ICurrentUser user)
{
    public async Task<Guid> HandleAsync(OpenOffice command, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (!await session.Query<CooperativeEntity>().VisibleTo(user).AnyAsync(e => e.Id == command.EntityId, cancellationToken))
        {
            throw new NotFoundException("Entity", command.EntityId);
        }
        var name = command.Name.Trim();
        BusinessRules.Check(new OfficeNameIsUniqueInEntity(
            await session.Query<Office>().AnyAsync(o => o.EntityId == command.EntityId && o.Name.Equals(name, StringComparison.OrdinalIgnoreCase), cancellationToken), name));
        var office = Office.Open(command.EntityId, name);
        session.Insert(office);
        return office.Id;
    }

    public async Task<IReadOnlyList<OfficeView>> HandleAsync(ListOffices query, IQuerySession session, CancellationToken cancellationToken) =>
        (await session.Query<Office>().VisibleTo(user)
            .Where(o => query.EntityId == null || o.EntityId == query.EntityId)
            .OrderBy(o => o.Name)
            .ToListAsync(cancellationToken))
        .Select(o => new OfficeView(o.Id, o.EntityId, o.Name))
        .ToList();

    /// <summary>For internal tools (e.g. the host's demo accounts): no caller scope.</summary>
    public async Task<OfficeReference?> HandleAsync(FindOffice query, IQuerySession session, CancellationToken cancellationToken)
    {
        var entity = await session.Query<CooperativeEntity>().SingleOrDefaultAsync(e => e.Code == query.EntityCode, cancellationToken);
        var office = entity is null
            ? null
            : await session.Query<Office>().SingleOrDefaultAsync(o => o.EntityId == entity.Id && o.Name == query.OfficeName, cancellationToken);
        return office is null ? null : new OfficeReference(office.Id, office.EntityId, office.Name);
    }

    /// <summary>For other modules: no caller scope, the asking module scopes the answer.</summary>
    public async Task<OfficeReference?> HandleAsync(FindOfficeById query, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<Office>(query.OfficeId, cancellationToken) is { } office ? new OfficeReference(office.Id, office.EntityId, office.Name) : null;
}

public static class OfficesEndpoints
{
    [WolverinePost("/api/governance/offices", OperationId = "OpenOffice"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Opens an office of an entity (admins).")]
    public static Task<Created<ResourceCreated>> Post(OpenOffice command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/governance/offices/", ct);

    [WolverineGet("/api/governance/offices", OperationId = "ListOffices")]
    [EndpointSummary("The offices of the caller's entity.")]
    public static async Task<Ok<IReadOnlyList<OfficeView>>> List(Guid? entityId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<OfficeView>>(new ListOffices(entityId), ct));
}
