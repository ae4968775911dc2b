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
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Entities;

namespace Smart.Modules.Governance.Features.Entities;

/// <summary>
/// Creates a legal entity of the group with the history of its rules (past versions may be recorded at creation) and,
/// optionally, of its legal identity (it can also be recorded later).
/// </summary>
public sealed record CreateEntity(string Code, string Name, EntityKind Kind, string Country, IReadOnlyList<EntitySettingsInput> Settings,
    IReadOnlyList<LegalIdentityInput>? LegalIdentity = null)
{
    public static CreateEntity Example => new("SmartFr", "Smart France", EntityKind.Scic, "FR",
    [
        new(new DateOnly(2017, 1, 1), 0.085m, PayoutRuleKind.DaysAfterEndOfWork, 7, 0.20m, true),
        new(new DateOnly(2022, 12, 15), 0.10m, PayoutRuleKind.DaysAfterEndOfWork, 7, 0.20m, true),
    ], [LegalIdentityInput.Example with { EffectiveFrom = new DateOnly(2017, 1, 1) }]);

    private const int MaxLegalIdentityVersions = 50;

    internal sealed class Validator : AbstractValidator<CreateEntity>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(40).Matches("^[A-Za-z][A-Za-z0-9-]*$");
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Country).NotEmpty().Matches("^[A-Za-z]{2}$").WithMessage("An ISO 3166 alpha-2 country code, e.g. FR.");
            RuleFor(c => c.Settings).NotEmpty();
            RuleForEach(c => c.Settings).EachValid(new EntitySettingsInput.Validator());
            RuleFor(c => c.Settings).Must(s => s.Select(v => v.EffectiveFrom).Distinct().Count() == s.Count)
                .When(c => Lists.HasNoNullItem(c.Settings))
                .WithMessage("Two versions cannot start on the same day.");
            RuleForEach(c => c.LegalIdentity).EachValid(new LegalIdentityInput.Validator());
            RuleFor(c => c.LegalIdentity).Must(s => s!.Select(v => v.EffectiveFrom).Distinct().Count() == s!.Count)
                .When(c => c.LegalIdentity is not null && Lists.HasNoNullItem(c.LegalIdentity))
                .WithMessage("Two versions cannot start on the same day.");
            RuleFor(c => c.LegalIdentity).Must(s => s!.Count <= MaxLegalIdentityVersions).When(c => c.LegalIdentity is not null)
                .WithMessage($"At most {MaxLegalIdentityVersions} versions at creation.");
        }
    }
}

public static class CreateEntityHandler
{
    /// <summary>
    /// The new entity's id for the caller, and one <see cref="EntitySettingsChanged"/> per settings version and one
    /// <see cref="EntityLegalIdentityChanged"/> per identity version for Wolverine to publish.
    /// </summary>
    public static async Task<(Guid, OutgoingMessages)> HandleAsync(CreateEntity command, IDocumentSession session, CancellationToken cancellationToken)
    {
        BusinessRules.Check(new EntityCodeIsUnique(await session.Query<CooperativeEntity>().AnyAsync(e => e.Code == command.Code, cancellationToken), command.Code));
        var entity = CooperativeEntity.Create(command.Code, command.Name, command.Kind, command.Country, command.Settings.Select(s => s.ToVersion()).ToList(),
            command.LegalIdentity?.Select(i => i.ToVersion()).ToList());
        session.Insert(entity);
        var events = new OutgoingMessages();
        events.AddRange(entity.Settings.Select(entity.ToSettingsChanged));
        events.AddRange(entity.LegalIdentity.Select(entity.ToLegalIdentityChanged));
        return (entity.Id, events);
    }
}

internal sealed record EntityCodeIsUnique(bool AlreadyUsed, string Code) : IBusinessRule
{
    public bool IsBroken() => AlreadyUsed;

    public string Message => $"Entity code {Code} is already used.";
}

public static class CreateEntityEndpoint
{
    [WolverinePost("/api/governance/entities", OperationId = "CreateEntity"), Authorize(SmartPolicies.PlatformAdmin), ProducesCommandProblems]
    [EndpointSummary("Creates a legal entity of the group with its effective-dated rules (platform admins).")]
    public static Task<Created<ResourceCreated>> Post(CreateEntity command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/governance/entities/", ct);
}
