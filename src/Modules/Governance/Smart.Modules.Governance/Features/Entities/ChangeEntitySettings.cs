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

namespace Smart.Modules.Governance.Features.Entities;

/// <summary>A new version of an entity's rules, from today or a later date (e.g. an AG vote raising the contribution).</summary>
/// <remarks>
/// The settings are inherited rather than nested so that field errors carry the names the client sent.</remarks>
public sealed record ChangeEntitySettings : EntitySettingsInput
{
    public ChangeEntitySettings(Guid entityId, EntitySettingsInput settings) : base(settings)
    {
        EntityId = entityId;
    }

    public Guid EntityId { get; }

    internal new sealed class Validator : AbstractValidator<ChangeEntitySettings>
    {
        public Validator()
        {
            RuleFor(c => c.EntityId).NotEmpty();
            Include(new EntitySettingsInput.Validator());
        }
    }
}

public sealed class ChangeEntitySettingsHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>Returns the event: Wolverine publishes it in the session's transaction.</summary>
    public async Task<EntitySettingsChanged> HandleAsync(ChangeEntitySettings command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var entity = await session.Query<CooperativeEntity>().VisibleTo(user).SingleOrDefaultAsync(e => e.Id == command.EntityId, cancellationToken)
            ?? throw new NotFoundException("Entity", command.EntityId);
        var version = command.ToVersion();
        entity.ChangeSettings(version, clock.Today());
        // Saved only if nobody saved the entity since it was read (a stale revision is a 409).
        session.UpdateRevision(entity, entity.Version + 1);
        return entity.ToSettingsChanged(version);
    }
}

public static class ChangeEntitySettingsEndpoint
{
    [WolverinePost("/api/governance/entities/{entityId:guid}/settings", OperationId = "ChangeEntitySettings"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Adds a version of the entity's rules from a date, never in the past (admins).")]
    public static async Task<NoContent> Post(Guid entityId, EntitySettingsInput settings, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new ChangeEntitySettings(entityId, settings), ct);
        return TypedResults.NoContent();
    }
}
