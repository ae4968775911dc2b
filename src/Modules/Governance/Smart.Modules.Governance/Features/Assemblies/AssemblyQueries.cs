using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Assemblies;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Assemblies;

public sealed record ResolutionView(Guid Id, int Number, string Title, string Text, ResolutionKind Kind, bool ApprovesAccounts);

public sealed record AssemblyResultsView(Convocation HeldOn, DateOnly Date, int VotingRights, int PresentOrRepresented, IReadOnlyList<ResolutionTally> Resolutions)
{
    internal static AssemblyResultsView From(AssemblyResults r) => new(r.HeldOn, r.Date, r.VotingRights, r.PresentOrRepresented, r.Resolutions);
}

public sealed record AssemblyView(
    Guid Id, Guid EntityId, string Title, string Place, DateTimeOffset FirstConvocationAt, DateTimeOffset SecondConvocationAt, int DurationMinutes,
    AssemblyStatus Status, DateOnly? ConvenedOn, IReadOnlyList<string> Agenda, IReadOnlyList<ResolutionView> Resolutions, AssemblyResultsView? Results, int Version)
{
    internal static AssemblyView From(Assembly a) => new(a.Id, a.EntityId, a.Title, a.Place, a.FirstConvocationAt, a.SecondConvocationAt, a.DurationMinutes,
        a.Status, a.ConvenedOn, a.Agenda, a.Resolutions.Select(r => new ResolutionView(r.Id, r.Number, r.Title, r.Text, r.Kind, r.ApprovesAccounts)).ToList(),
        a.Results is { } results ? AssemblyResultsView.From(results) : null, a.Version);
}

public sealed record GetAssembly(Guid AssemblyId);

public sealed record ListAssemblies(AssemblyStatus? Status)
{
    internal sealed class Validator : AbstractValidator<ListAssemblies>
    {
        public Validator() => RuleFor(q => q.Status).IsInEnum();
    }
}

public sealed class AssemblyQueriesHandler(ICurrentUser user)
{
    public async Task<AssemblyView> HandleAsync(GetAssembly query, IQuerySession session, CancellationToken cancellationToken) =>
        AssemblyView.From(await session.LoadVisibleAssemblyAsync(query.AssemblyId, user, cancellationToken));

    public async Task<IReadOnlyList<AssemblyView>> HandleAsync(ListAssemblies query, IQuerySession session, CancellationToken cancellationToken)
    {
        var assemblies = session.Query<Assembly>().VisibleTo(user);
        if (query.Status is { } status) assemblies = assemblies.Where(a => a.Status == status);
        return (await assemblies.OrderByDescending(a => a.FirstConvocationAt).Take(200).ToListAsync(cancellationToken)).Select(AssemblyView.From).ToList();
    }
}

internal static class AssemblyLoading
{
    /// <summary>Assemblies are the whole entity's: every member, advisor, operator and admin of it sees them.</summary>
    public static IQueryable<Assembly> VisibleTo(this IQueryable<Assembly> assemblies, ICurrentUser user) =>
        assemblies.VisibleInEntityOf(user, a => a.EntityId);

    public static async Task<Assembly> LoadVisibleAssemblyAsync(this IQuerySession session, Guid assemblyId, ICurrentUser user, CancellationToken cancellationToken) =>
        await session.Query<Assembly>().VisibleTo(user).SingleOrDefaultAsync(a => a.Id == assemblyId, cancellationToken)
        ?? throw new NotFoundException("Assembly", assemblyId);
}

public static class AssemblyQueriesEndpoints
{
    [WolverineGet("/api/governance/assemblies/{assemblyId:guid}", OperationId = "GetAssembly"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A general assembly of the caller's entity: convocation, agenda, resolutions and, once closed, its published results.")]
    public static async Task<Ok<AssemblyView>> Get(Guid assemblyId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<AssemblyView>(new GetAssembly(assemblyId), ct));

    [WolverineGet("/api/governance/assemblies", OperationId = "ListAssemblies"), ProducesValidationProblem]
    [EndpointSummary("The general assemblies of the caller's entity, latest first, by status.")]
    public static async Task<Ok<IReadOnlyList<AssemblyView>>> List(AssemblyStatus? status, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<AssemblyView>>(new ListAssemblies(status), ct));
}
