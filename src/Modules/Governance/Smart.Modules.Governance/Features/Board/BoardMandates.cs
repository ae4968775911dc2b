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
using Smart.Modules.Governance.Domain.Board;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Shareholding;
using Smart.Modules.Governance.Features.Assemblies;
using Smart.Modules.Governance.Features.Shareholders;
using Wolverine;
using Wolverine.Http;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Features.Board;

/// <summary>A shareholder starts a mandate on the board, for the years the rules in force on its start say (6 at SmartFr), elected by an assembly or co-opted.</summary>
public sealed record StartMandate(Guid ShareholderId, DateOnly StartsOn, Guid? ElectedBy)
{
    internal sealed class Validator : AbstractValidator<StartMandate>
    {
        public Validator()
        {
            RuleFor(c => c.ShareholderId).NotEmpty();
            RuleFor(c => c.StartsOn).IsBusinessDate();
            RuleFor(c => c.ElectedBy).NotEqual(Guid.Empty);
        }
    }
}

public sealed record MandateView(Guid Id, Guid ShareholderId, string Name, ShareholderCategory Category, DateOnly StartsOn, DateOnly EndsOn, Guid? ElectedBy)
{
    internal static MandateView From(BoardMandate m) => new(m.Id, m.ShareholderId, m.Name, m.Category, m.StartsOn, m.EndsOn, m.ElectedBy);
}

public sealed record GetBoard(Guid EntityId, DateOnly? On)
{
    internal sealed class Validator : AbstractValidator<GetBoard>
    {
        public Validator() => RuleFor(q => q.On!.Value).IsBusinessDate().When(q => q.On is not null).OverridePropertyName("on");
    }
}

public sealed record BoardView(Guid EntityId, DateOnly On, IReadOnlyList<MandateView> Mandates);

public sealed record ListMandatesEndingAtNextAssembly(Guid EntityId);

/// <summary>The next assembly not held yet and the mandates that end by its day (to renew or replace there); no assembly planned, no list.</summary>
public sealed record MandatesEndingView(Guid EntityId, Guid? AssemblyId, DateOnly? AssemblyDate, IReadOnlyList<MandateView> Mandates);

public sealed class BoardMandatesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(StartMandate command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var shareholder = await session.Query<Shareholder>().VisibleTo(user).SingleOrDefaultAsync(s => s.Id == command.ShareholderId, cancellationToken)
            ?? throw new NotFoundException("Shareholder", command.ShareholderId);
        if (command.ElectedBy is { } assemblyId
            && !await session.Query<Assembly>().AnyAsync(a => a.Id == assemblyId && a.EntityId == shareholder.EntityId, cancellationToken))
        {
            throw new NotFoundException("Assembly", assemblyId);
        }
        var rules = await session.GovernanceRulesOnAsync(shareholder.EntityId, command.StartsOn, cancellationToken);
        var ends = command.StartsOn.AddYears(rules.MandateYears);
        var overlaps = await session.Query<BoardMandate>()
            .AnyAsync(m => m.ShareholderId == shareholder.Id && m.StartsOn < ends && m.EndsOn >= command.StartsOn, cancellationToken);
        var mandate = BoardMandate.Start(shareholder, command.StartsOn, rules.MandateYears, command.ElectedBy, overlaps);
        session.Insert(mandate);
        return mandate.Id;
    }

    public async Task<BoardView> HandleAsync(GetBoard query, IQuerySession session, CancellationToken cancellationToken)
    {
        await CheckEntityAsync(session, query.EntityId, cancellationToken);
        var on = query.On ?? clock.Today();
        var mandates = await session.Query<BoardMandate>().Where(m => m.EntityId == query.EntityId && m.StartsOn <= on && m.EndsOn >= on)
            .OrderBy(m => m.Category).ThenBy(m => m.Name).ToListAsync(cancellationToken);
        return new BoardView(query.EntityId, on, mandates.Select(MandateView.From).ToList());
    }

    public async Task<MandatesEndingView> HandleAsync(ListMandatesEndingAtNextAssembly query, IQuerySession session, CancellationToken cancellationToken)
    {
        await CheckEntityAsync(session, query.EntityId, cancellationToken);
        var now = clock.GetUtcNow();
        var next = await session.Query<Assembly>().Where(a => a.EntityId == query.EntityId && a.Status != AssemblyStatus.Closed && a.FirstConvocationAt > now)
            .OrderBy(a => a.FirstConvocationAt).FirstOrDefaultAsync(cancellationToken);
        if (next is null) return new MandatesEndingView(query.EntityId, null, null, []);
        var today = clock.Today();
        var date = next.Date;
        var ending = await session.Query<BoardMandate>().Where(m => m.EntityId == query.EntityId && m.EndsOn >= today && m.EndsOn <= date)
            .OrderBy(m => m.EndsOn).ThenBy(m => m.Name).ToListAsync(cancellationToken);
        return new MandatesEndingView(query.EntityId, next.Id, date, ending.Select(MandateView.From).ToList());
    }

    private async Task CheckEntityAsync(IQuerySession session, Guid entityId, CancellationToken cancellationToken)
    {
        if (!await session.Query<CooperativeEntity>().VisibleTo(user).AnyAsync(e => e.Id == entityId, cancellationToken))
        {
            throw new NotFoundException("Entity", entityId);
        }
    }
}

public static class BoardMandatesEndpoints
{
    [WolverinePost("/api/governance/board/mandates", OperationId = "StartBoardMandate"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Starts a shareholder's mandate on the board for the configured years (6 at SmartFr), elected by an assembly or co-opted (admins).")]
    public static Task<Created<ResourceCreated>> Post(StartMandate command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/governance/board/mandates/", ct);

    [WolverineGet("/api/governance/entities/{entityId:guid}/board", OperationId = "GetBoard"), ProducesProblem(StatusCodes.Status404NotFound), ProducesValidationProblem]
    [EndpointSummary("The entity's board on a date (today when absent): the administrators with their category and mandate.")]
    public static async Task<Ok<BoardView>> Get(Guid entityId, DateOnly? on, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<BoardView>(new GetBoard(entityId, on), ct));

    [WolverineGet("/api/governance/entities/{entityId:guid}/board/ending", OperationId = "ListMandatesEndingAtNextAssembly"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The mandates that end by the next assembly, to renew or replace there.")]
    public static async Task<Ok<MandatesEndingView>> Ending(Guid entityId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<MandatesEndingView>(new ListMandatesEndingAtNextAssembly(entityId), ct));
}
