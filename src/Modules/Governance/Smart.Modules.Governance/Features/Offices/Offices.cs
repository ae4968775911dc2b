using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Offices;
using Smart.Modules.Governance.Persistence;

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

public sealed class OfficesHandler(GovernanceDbContext db, ICurrentUser user)
{
    public async Task<Guid> HandleAsync(OpenOffice command, CancellationToken cancellationToken)
    {
        if (!await db.Entities.VisibleTo(user).AnyAsync(e => e.Id == command.EntityId, cancellationToken))
        {
            throw new NotFoundException("Entity", command.EntityId);
        }
        var name = command.Name.Trim();
        BusinessRules.Check(new OfficeNameIsUniqueInEntity(
            await db.Offices.AnyAsync(o => o.EntityId == command.EntityId && o.Name.ToLower() == name.ToLower(), cancellationToken), name));
        var office = Office.Open(command.EntityId, name);
        db.Offices.Add(office);
        return office.Id;
    }

    public async Task<IReadOnlyList<OfficeView>> HandleAsync(ListOffices query, CancellationToken cancellationToken) =>
        await db.Offices.AsNoTracking().VisibleTo(user)
            .Where(o => query.EntityId == null || o.EntityId == query.EntityId)
            .OrderBy(o => o.Name)
            .Select(o => new OfficeView(o.Id, o.EntityId, o.Name))
            .ToListAsync(cancellationToken);

    /// <summary>For internal tools (e.g. the host's demo accounts): no caller scope.</summary>
    public async Task<OfficeReference?> HandleAsync(FindOffice query, CancellationToken cancellationToken) =>
        await (from office in db.Offices
               join entity in db.Entities on office.EntityId equals entity.Id
               where entity.Code == query.EntityCode && office.Name == query.OfficeName
               select new OfficeReference(office.Id, office.EntityId, office.Name))
            .SingleOrDefaultAsync(cancellationToken);
}

internal sealed class OfficesEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapCreateCommand<OpenOffice>("/offices", "/api/governance/offices/")
            .RequireAuthorization(SmartPolicies.Admin)
            .WithName("OpenOffice")
            .WithSummary("Opens an office of an entity (admins).");

        module.MapGet("/offices", async (Guid? entityId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<OfficeView>>(new ListOffices(entityId), ct)))
            .WithName("ListOffices")
            .WithSummary("The offices of the caller's entity.");
    }
}
