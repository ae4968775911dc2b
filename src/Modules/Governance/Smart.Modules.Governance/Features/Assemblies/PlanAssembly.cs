using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Assemblies;
using Smart.Modules.Governance.Domain.Entities;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Assemblies;

public sealed record ResolutionInput(string Title, string Text, ResolutionKind Kind, bool ApprovesAccounts = false)
{
    internal sealed class Validator : AbstractValidator<ResolutionInput>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Text).NotEmpty().MaximumLength(10_000);
            RuleFor(r => r.Kind).IsInEnum();
        }
    }
}

/// <summary>An assembly being prepared: where, when (first and second convocation, UTC), how long, its agenda and resolutions.</summary>
public sealed record PlanAssembly(
    Guid EntityId, string Title, string Place, DateTimeOffset FirstConvocationAt, DateTimeOffset SecondConvocationAt, int DurationMinutes,
    IReadOnlyList<string> Agenda, IReadOnlyList<ResolutionInput> Resolutions)
{
    public static PlanAssembly Example => new(Guid.Parse("0195f1a2-0000-7000-8000-000000000001"), "Assemblée générale ordinaire 2027",
        "La Bellevilloise, 19-21 rue Boyer, 75020 Paris", new DateTimeOffset(2027, 6, 12, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 6, 26, 8, 0, 0, TimeSpan.Zero), 240,
        ["Rapport de gestion", "Approbation des comptes 2026", "Affectation du résultat"],
        [new("Approbation des comptes", "L'assemblée approuve les comptes de l'exercice 2026.", ResolutionKind.Ordinary, true)]);

    internal sealed class Validator : AbstractValidator<PlanAssembly>
    {
        private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), Latest = new(2999, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public Validator()
        {
            RuleFor(c => c.EntityId).NotEmpty();
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Place).NotEmpty().MaximumLength(500);
            RuleFor(c => c.FirstConvocationAt).InclusiveBetween(Earliest, Latest);
            RuleFor(c => c.SecondConvocationAt).InclusiveBetween(Earliest, Latest).GreaterThan(c => c.FirstConvocationAt)
                .WithMessage("The second convocation comes after the first.");
            RuleFor(c => c.DurationMinutes).InclusiveBetween(15, 24 * 60);
            RuleFor(c => c.Agenda).HasItems(50);
            RuleForEach(c => c.Agenda).NotEmpty().MaximumLength(500);
            RuleFor(c => c.Resolutions).HasItems(100);
            RuleForEach(c => c.Resolutions).EachValid(new ResolutionInput.Validator());
        }
    }
}

public sealed class PlanAssemblyHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(PlanAssembly command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var entity = await session.Query<CooperativeEntity>().VisibleTo(user).SingleOrDefaultAsync(e => e.Id == command.EntityId, cancellationToken)
            ?? throw new NotFoundException("Entity", command.EntityId);
        var assembly = Assembly.Plan(entity.Id, command.Title, command.Place, command.FirstConvocationAt, command.SecondConvocationAt, command.DurationMinutes,
            command.Agenda, command.Resolutions.Select(r => (r.Title, r.Text, r.Kind, r.ApprovesAccounts)), clock.GetUtcNow());
        session.Insert(assembly);
        return assembly.Id;
    }
}

public static class PlanAssemblyEndpoint
{
    [WolverinePost("/api/governance/assemblies", OperationId = "PlanAssembly"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Prepares a general assembly: place, first and second convocation, agenda, ordinary and extraordinary resolutions (admins).")]
    public static Task<Created<ResourceCreated>> Post(PlanAssembly command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/governance/assemblies/", ct);
}
