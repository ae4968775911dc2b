using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Smart.BuildingBlocks.Documents;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Shareholding;
using Wolverine;
using Wolverine.Http;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Features.Shareholders;

/// <summary>A shareholder's position on <see cref="On"/> (today unless asked for a past date).</summary>
public sealed record ShareholderView(
    Guid Id, Guid EntityId, Guid? MemberId, string Name, string Email, ShareholderCategory Category, DateOnly AdmittedOn, string BoardDecision,
    int Shares, decimal Subscribed, decimal Paid, decimal Unpaid, decimal Refunded, DateOnly? ExitedOn, bool VotingRight, DateOnly? On)
{
    internal static ShareholderView From(Shareholder s, DateOnly? on) => new(s.Id, s.EntityId, s.MemberId == Guid.Empty ? null : s.MemberId, s.Name, s.Email,
        s.Category, s.AdmittedOn, s.BoardDecision, s.Shares, s.Subscribed, s.Paid, s.Unpaid, s.Refunded, s.ExitedOn,
        s.HasVotingRightOn(on ?? s.LastMovementOn), on);
}

/// <summary>A shareholder as the register stood on <see cref="On"/> (today when absent): the events dated up to it.</summary>
public sealed record GetShareholder(Guid ShareholderId, DateOnly? On)
{
    internal sealed class Validator : AbstractValidator<GetShareholder>
    {
        public Validator() => RuleFor(q => q.On!.Value).IsBusinessDate().When(q => q.On is not null).OverridePropertyName("on");
    }
}

/// <summary>The caller's own shareholding.</summary>
public sealed record GetMyShareholding;

public sealed record ListShareholders(ShareholderCategory? Category, string? Search, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListShareholders>
    {
        public Validator()
        {
            RuleFor(q => q.Category).IsInEnum();
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
            RuleFor(q => q.Search).MaximumLength(100).HasNoNul();
        }
    }
}

/// <summary>The register of an entity on a date: shareholders with a voting right and capital, by category and college.</summary>
public sealed record GetRegister(Guid EntityId, DateOnly? On)
{
    internal sealed class Validator : AbstractValidator<GetRegister>
    {
        public Validator() => RuleFor(q => q.On!.Value).IsBusinessDate().When(q => q.On is not null).OverridePropertyName("on");
    }
}

public sealed record RegisterLine(ShareholderCategory Category, VotingCollege College, int Shareholders, int Shares, decimal Subscribed, decimal Paid);

public sealed record RegisterView(Guid EntityId, DateOnly On, int Shareholders, int Shares, decimal Subscribed, decimal Paid, IReadOnlyList<RegisterLine> Categories);

public sealed class ShareholderQueriesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<ShareholderView> HandleAsync(GetShareholder query, IQuerySession session, CancellationToken cancellationToken)
    {
        var current = await session.Query<Shareholder>().VisibleTo(user).SingleOrDefaultAsync(s => s.Id == query.ShareholderId, cancellationToken)
            ?? throw new NotFoundException("Shareholder", query.ShareholderId);
        var on = query.On ?? clock.Today();
        var state = Shareholder.Replay(await session.RegisterEventsAsync(current.Id, cancellationToken), on)
            ?? throw new NotFoundException("Shareholder", $"{query.ShareholderId} on {on:yyyy-MM-dd}");
        return ShareholderView.From(state, on);
    }

    public async Task<ShareholderView> HandleAsync(GetMyShareholding query, IQuerySession session, CancellationToken cancellationToken)
    {
        var memberId = user.MemberId ?? throw new NotFoundException("Shareholder", "me");
        var mine = await session.Query<Shareholder>().SingleOrDefaultAsync(s => s.MemberId == memberId, cancellationToken)
            ?? throw new NotFoundException("Shareholder", "me");
        return ShareholderView.From(mine, clock.Today());
    }

    public async Task<PagedResult<ShareholderView>> HandleAsync(ListShareholders query, IQuerySession session, CancellationToken cancellationToken)
    {
        var shareholders = session.Query<Shareholder>().VisibleTo(user);
        if (query.Category is { } category) shareholders = shareholders.Where(s => s.Category == category);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            shareholders = shareholders.Where(s => s.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || s.Email.Contains(search, StringComparison.OrdinalIgnoreCase));
        }
        var total = await shareholders.CountAsync(cancellationToken);
        var page = await shareholders.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        var today = clock.Today();
        return new PagedResult<ShareholderView>(page.Select(s => ShareholderView.From(s, today)).ToList(), query.Page, query.PageSize, total);
    }

    /// <summary>Replays every shareholder's events dated up to the day: the register as it stood, whatever was recorded since.</summary>
    public async Task<RegisterView> HandleAsync(GetRegister query, IQuerySession session, CancellationToken cancellationToken)
    {
        if (!await session.Query<CooperativeEntity>().VisibleTo(user).AnyAsync(e => e.Id == query.EntityId, cancellationToken)
            || !(user.IsInRole(SmartRoles.Advisor) || user.IsInRole(SmartRoles.Operator) || user.IsInRole(SmartRoles.Admin)))
        {
            throw new NotFoundException("Entity", query.EntityId);
        }
        var on = query.On ?? clock.Today();
        var rules = await session.GovernanceRulesOnAsync(query.EntityId, on, cancellationToken);
        var ids = await session.Query<Shareholder>().Where(s => s.EntityId == query.EntityId && s.AdmittedOn <= on).Select(s => s.Id).ToListAsync(cancellationToken);
        var events = await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids.ToArray())).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var states = events.GroupBy(e => e.StreamId)
            .Select(stream => Shareholder.Replay(stream.Select(e => e.Data).OfType<IRegisterEvent>(), on))
            .Where(s => s is not null && s.HasVotingRightOn(on)).Select(s => s!).ToList();
        var lines = states.GroupBy(s => s.Category).OrderBy(g => g.Key)
            .Select(g => new RegisterLine(g.Key, rules.CollegeOf(g.Key), g.Count(), g.Sum(s => s.Shares), g.Sum(s => s.Subscribed), g.Sum(s => s.Paid))).ToList();
        return new RegisterView(query.EntityId, on, states.Count, lines.Sum(l => l.Shares), lines.Sum(l => l.Subscribed), lines.Sum(l => l.Paid), lines);
    }
}

public static class ShareholderQueriesEndpoints
{
    [WolverineGet("/api/governance/shareholders/me", OperationId = "GetMyShareholding"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The caller's own shareholding today.")]
    public static async Task<Ok<ShareholderView>> GetMine(IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ShareholderView>(new GetMyShareholding(), ct));

    [WolverineGet("/api/governance/shareholders/{shareholderId:guid}", OperationId = "GetShareholder"), ProducesProblem(StatusCodes.Status404NotFound), ProducesValidationProblem]
    [EndpointSummary("A shareholder as the register stood on a date (today when absent): shares, capital subscribed, paid and refunded, voting right.")]
    public static async Task<Ok<ShareholderView>> Get(Guid shareholderId, DateOnly? on, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ShareholderView>(new GetShareholder(shareholderId, on), ct));

    [WolverineGet("/api/governance/shareholders", OperationId = "ListShareholders"), ProducesValidationProblem]
    [EndpointSummary("Shareholders the caller may see, by category and name or e-mail fragment, a page at a time.")]
    public static async Task<Ok<PagedResult<ShareholderView>>> List(ShareholderCategory? category, string? search, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<ShareholderView>>(new ListShareholders(category, search, page ?? 1, pageSize ?? 50), ct));

    [WolverineGet("/api/governance/entities/{entityId:guid}/register", OperationId = "GetShareholderRegister"), ProducesProblem(StatusCodes.Status404NotFound), ProducesValidationProblem]
    [EndpointSummary("The entity's register on a date (today when absent), replayed from the events: shareholders with a voting right, shares and capital by category and college (staff).")]
    public static async Task<Ok<RegisterView>> Register(Guid entityId, DateOnly? on, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<RegisterView>(new GetRegister(entityId, on), ct));

    [WolverineGet("/api/governance/shareholders/{shareholderId:guid}/certificate", OperationId = "GetShareholdingCertificate"), ProducesProblem(StatusCodes.Status404NotFound), ProducesValidationProblem]
    [EndpointSummary("The certificate of shareholding on a date (today when absent), as a printable HTML page.")]
    public static async Task<ContentHttpResult> Certificate(Guid shareholderId, DateOnly? on, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Html(ShareholdingCertificate.Render(await bus.InvokeAsync<ShareholderView>(new GetShareholder(shareholderId, on), ct)));

    [WolverineGet("/api/governance/shareholders/{shareholderId:guid}/certificate/pdf", OperationId = "GetShareholdingCertificatePdf"),
     ProducesResponseType<byte[]>(StatusCodes.Status200OK, DocumentPdf.ContentType), ProducesProblem(StatusCodes.Status404NotFound), ProducesValidationProblem]
    [EndpointSummary("The certificate of shareholding on a date (today when absent), as an A4 PDF.")]
    public static async Task<FileContentHttpResult> CertificatePdf(Guid shareholderId, DateOnly? on, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Pdf(ShareholdingCertificate.Render(await bus.InvokeAsync<ShareholderView>(new GetShareholder(shareholderId, on), ct)));
}
