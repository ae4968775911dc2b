using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Entities;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Entities;

/// <summary>A new version of the entity's legal identity from today or a later date (e.g. the head office moves).</summary>
/// <remarks>Inherited rather than nested, like <see cref="ChangeEntitySettings"/>, so that field errors carry the names the client sent.</remarks>
public sealed record ChangeEntityLegalIdentity : LegalIdentityInput
{
    public ChangeEntityLegalIdentity(Guid entityId, LegalIdentityInput identity) : base(identity)
    {
        EntityId = entityId;
    }

    public Guid EntityId { get; }

    internal new sealed class Validator : AbstractValidator<ChangeEntityLegalIdentity>
    {
        public Validator()
        {
            RuleFor(c => c.EntityId).NotEmpty();
            Include(new LegalIdentityInput.Validator());
        }
    }
}

public sealed class ChangeEntityLegalIdentityHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>Returns the event: Wolverine publishes it in the session's transaction.</summary>
    public async Task<EntityLegalIdentityChanged> HandleAsync(ChangeEntityLegalIdentity command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var entity = await session.Query<CooperativeEntity>().VisibleTo(user).SingleOrDefaultAsync(e => e.Id == command.EntityId, cancellationToken)
            ?? throw new NotFoundException("Entity", command.EntityId);
        var version = command.ToVersion();
        entity.ChangeLegalIdentity(version, clock.Today());
        // Saved only if nobody saved the entity since it was read (a stale revision is a 409).
        session.UpdateRevision(entity, entity.Version + 1);
        return entity.ToLegalIdentityChanged(version);
    }
}

/// <summary>The entity's legal identity in force on a date (today by default) and every version.</summary>
public sealed record EntityLegalIdentityView(Guid EntityId, string Code, DateOnly On, LegalIdentityInput? InForce, IReadOnlyList<LegalIdentityInput> History);

public sealed record GetEntityLegalIdentity(Guid EntityId, DateOnly? On);

public sealed class EntityLegalIdentityQueryHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<EntityLegalIdentityView> HandleAsync(GetEntityLegalIdentity query, IQuerySession session, CancellationToken cancellationToken)
    {
        var entity = await session.Query<CooperativeEntity>().VisibleTo(user).SingleOrDefaultAsync(e => e.Id == query.EntityId, cancellationToken)
            ?? throw new NotFoundException("Entity", query.EntityId);
        var on = query.On ?? clock.Today();
        return new EntityLegalIdentityView(entity.Id, entity.Code, on,
            entity.LegalIdentityOn(on) is { } inForce ? LegalIdentityInput.From(inForce) : null,
            entity.LegalIdentity.Select(LegalIdentityInput.From).ToList());
    }
}

public static class EntityLegalIdentityEndpoints
{
    [WolverinePost("/api/governance/entities/{entityId:guid}/legal-identity", OperationId = "ChangeEntityLegalIdentity"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Adds a version of the entity's legal identity (name, form, address, SIREN/SIRET, VAT, APE, agreement, bank, logo) from a date, never in the past (admins).")]
    public static async Task<NoContent> Post(Guid entityId, LegalIdentityInput identity, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new ChangeEntityLegalIdentity(entityId, identity), ct);
        return TypedResults.NoContent();
    }

    /// <remarks>
    /// Whoever sees the entity reads it, members included: the identity is public (printed on every invoice and
    /// payslip). A member of another entity gets a 404 like for the entity itself.
    /// </remarks>
    [WolverineGet("/api/governance/entities/{entityId:guid}/legal-identity", OperationId = "GetEntityLegalIdentity"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The entity's legal identity in force on a date (today by default) and its history.")]
    public static async Task<Ok<EntityLegalIdentityView>> Get(Guid entityId, DateOnly? on, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<EntityLegalIdentityView>(new GetEntityLegalIdentity(entityId, on), ct));
}
