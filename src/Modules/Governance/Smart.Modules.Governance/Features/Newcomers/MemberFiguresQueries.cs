using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Newcomers;
using Smart.Modules.Governance.Domain.Offices;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Newcomers;

/// <summary>A member's typology on a date (today when absent), from the 12 months before it.</summary>
public sealed record GetMemberTypology(Guid MemberId, DateOnly? On)
{
    internal sealed class Validator : AbstractValidator<GetMemberTypology>
    {
        public Validator() => RuleFor(q => q.On!.Value).IsBusinessDate().When(q => q.On is not null).OverridePropertyName("on");
    }
}

/// <summary>How many of an office's members are active, occasional and inactive on a date (today when absent).</summary>
public sealed record GetOfficeTypology(Guid OfficeId, DateOnly? On)
{
    internal sealed class Validator : AbstractValidator<GetOfficeTypology>
    {
        public Validator() => RuleFor(q => q.On!.Value).IsBusinessDate().When(q => q.On is not null).OverridePropertyName("on");
    }
}

/// <summary>An office's local budget for a calendar year (this year when absent): its share of the contribution on its members' invoices, net of credit notes.</summary>
public sealed record GetLocalBudget(Guid OfficeId, int? Year)
{
    internal sealed class Validator : AbstractValidator<GetLocalBudget>
    {
        public Validator() => RuleFor(q => q.Year!.Value).InclusiveBetween(2000, 2100).When(q => q.Year is not null).OverridePropertyName("year");
    }
}

/// <summary>Over the 12 months from <see cref="From"/> to <see cref="On"/>: invoices issued, contracts started, revenue excl. VAT net of credit notes.</summary>
public sealed record MemberTypologyView(Guid MemberId, DateOnly On, DateOnly From, int Invoices, int Contracts, decimal Revenue, MemberTypology Typology)
{
    internal static MemberTypologyView Of(Guid memberId, TypologyReading r) => new(memberId, r.On, r.From, r.Invoices, r.Contracts, r.Revenue, r.Typology);
}

public sealed record OfficeTypologyView(Guid OfficeId, DateOnly On, int Active, int Occasional, int Inactive);

public sealed record LocalBudgetView(Guid OfficeId, int Year, decimal Contribution, decimal Budget);

public sealed class MemberFiguresQueriesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<MemberTypologyView> HandleAsync(GetMemberTypology query, IQuerySession session, CancellationToken cancellationToken)
    {
        var member = await session.Query<Member>().VisibleTo(user).SingleOrDefaultAsync(m => m.Id == query.MemberId, cancellationToken)
            ?? throw new NotFoundException("Member", query.MemberId);
        var on = query.On ?? clock.Today();
        var thresholds = await session.MemberLifeThresholdsOnAsync(member.EntityId, on, cancellationToken);
        return MemberTypologyView.Of(member.Id, MemberFigures.Read(await session.FigureEntriesAsync(member.Id, cancellationToken), on, thresholds));
    }

    /// <summary>The office's members registered by the date, each read like <see cref="GetMemberTypology"/>.</summary>
    public async Task<OfficeTypologyView> HandleAsync(GetOfficeTypology query, IQuerySession session, CancellationToken cancellationToken)
    {
        var office = await VisibleOfficeAsync(session, query.OfficeId, cancellationToken);
        var on = query.On ?? clock.Today();
        var thresholds = await session.MemberLifeThresholdsOnAsync(office.EntityId, on, cancellationToken);
        var members = await session.Query<Member>().Where(m => m.OfficeId == office.Id && m.RegisteredOn <= on).Select(m => m.Id).ToListAsync(cancellationToken);
        var figures = (await session.Query<MemberFigure>().Where(f => f.MemberId.IsOneOf(members.ToArray())).ToListAsync(cancellationToken)).ToLookup(f => f.MemberId, f => f.Entry);
        var typologies = members.Select(id => MemberFigures.Read(figures[id], on, thresholds).Typology).ToList();
        return new OfficeTypologyView(office.Id, on, typologies.Count(t => t == MemberTypology.Active), typologies.Count(t => t == MemberTypology.Occasional),
            typologies.Count(t => t == MemberTypology.Inactive));
    }

    public async Task<LocalBudgetView> HandleAsync(GetLocalBudget query, IQuerySession session, CancellationToken cancellationToken)
    {
        var office = await VisibleOfficeAsync(session, query.OfficeId, cancellationToken);
        var year = query.Year ?? clock.Today().Year;
        var rules = await session.MemberLifeRulesAsync(office.EntityId, cancellationToken);
        var entries = (await session.Query<MemberFigure>().Where(f => f.Entry.OfficeId == office.Id).ToListAsync(cancellationToken)).Select(f => f.Entry).ToList();
        var contribution = entries.Where(e => e.Date.Year == year).Sum(e => e.Contribution);
        var budget = MemberFigures.Of(entries).LocalBudget(office.Id, year, rules);
        return new LocalBudgetView(office.Id, year, contribution, Math.Round(budget, 2, MidpointRounding.AwayFromZero));
    }

    private async Task<Office> VisibleOfficeAsync(IQuerySession session, Guid officeId, CancellationToken cancellationToken) =>
        await session.Query<Office>().VisibleTo(user).SingleOrDefaultAsync(o => o.Id == officeId, cancellationToken)
        ?? throw new NotFoundException("Office", officeId);
}

public static class MemberFiguresEndpoints
{
    [WolverineGet("/api/governance/members/{memberId:guid}/typology", OperationId = "GetMemberTypology"), ProducesProblem(StatusCodes.Status404NotFound), ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [EndpointSummary("A member's typology on a date (today when absent): active, occasional or inactive from their invoices, revenue and contracts over the 12 months before it.")]
    public static async Task<Ok<MemberTypologyView>> Member(Guid memberId, DateOnly? on, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<MemberTypologyView>(new GetMemberTypology(memberId, on), ct));

    [WolverineGet("/api/governance/offices/{officeId:guid}/typology", OperationId = "GetOfficeTypology"), Authorize(SmartPolicies.Staff)]
    [ProducesProblem(StatusCodes.Status404NotFound), ProducesProblem(StatusCodes.Status409Conflict), ProducesValidationProblem]
    [EndpointSummary("How many of an office's members are active, occasional and inactive on a date (staff).")]
    public static async Task<Ok<OfficeTypologyView>> Office(Guid officeId, DateOnly? on, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<OfficeTypologyView>(new GetOfficeTypology(officeId, on), ct));

    [WolverineGet("/api/governance/offices/{officeId:guid}/local-budget", OperationId = "GetLocalBudget"), Authorize(SmartPolicies.Staff)]
    [ProducesProblem(StatusCodes.Status404NotFound), ProducesProblem(StatusCodes.Status409Conflict), ProducesValidationProblem]
    [EndpointSummary("An office's local budget for a year: the configured share of the contribution on its members' invoices, net of credit notes (staff).")]
    public static async Task<Ok<LocalBudgetView>> Budget(Guid officeId, int? year, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<LocalBudgetView>(new GetLocalBudget(officeId, year), ct));
}

internal static class MemberFigureReads
{
    /// <summary>A member's entries, each source once.</summary>
    public static async Task<IReadOnlyList<FigureEntry>> FigureEntriesAsync(this IQuerySession session, Guid memberId, CancellationToken cancellationToken) =>
        (await session.Query<MemberFigure>().Where(f => f.MemberId == memberId).ToListAsync(cancellationToken)).Select(f => f.Entry).ToList();
}
