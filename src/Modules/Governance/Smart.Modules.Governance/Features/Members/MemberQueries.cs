using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Marten;
using Marten.Linq.MatchesSql;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Wolverine.Http;
using Smart.BuildingBlocks.Persistence;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Members;

namespace Smart.Modules.Governance.Features.Members;

public sealed record MemberView(
    Guid Id, MemberKind Kind, string DisplayName, string? FirstName, string? LastName, string? LegalName, LegalForm? LegalForm,
    string Email, Gender? Gender, DateOnly? BirthDate, Guid EntityId, Guid OfficeId, DateOnly RegisteredOn, int Version)
{
    internal static MemberView From(Member m) => new(m.Id, m.Kind, m.DisplayName, m.FirstName, m.LastName, m.LegalName, m.LegalForm,
        m.Email, m.Gender, m.BirthDate, m.EntityId, m.OfficeId, m.RegisteredOn, m.Version);
}

public sealed record GetMember(Guid MemberId);

/// <summary>The caller's own member record.</summary>
public sealed record GetMyMember;

/// <summary>Members the caller may see, filtered by office and by a name or e-mail fragment, a page at a time.</summary>
public sealed record ListMembers(Guid? OfficeId, string? Search, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListMembers>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
            RuleFor(q => q.Search).MaximumLength(100).HasNoNul();
        }
    }
}

public sealed class MemberQueriesHandler(ICurrentUser user)
{
    /// <summary>
    /// A fragment of the e-mail or of a name, the user's % and _ taken literally (<see cref="SearchPattern"/>).
    /// Parenthesised: Marten joins it to the other filters with <c>and</c>.
    /// </summary>
    private static readonly string SearchSql = "(" + string.Join(" or ",
        new[] { nameof(Member.Email), nameof(Member.LastName), nameof(Member.FirstName), nameof(Member.LegalName) }
            .Select(field => $"d.data ->> '{field}' ilike ? escape '{SearchPattern.Escape}'")) + ")";

    /// <summary>A person by last name, a legal entity by its name, in one order.</summary>
    private const string SortSql = $"coalesce(d.data ->> '{nameof(Member.LastName)}', d.data ->> '{nameof(Member.LegalName)}')";

    public async Task<MemberView> HandleAsync(GetMember query, IQuerySession session, CancellationToken cancellationToken) =>
        MemberView.From(await session.Query<Member>().VisibleTo(user).SingleOrDefaultAsync(m => m.Id == query.MemberId, cancellationToken)
            ?? throw new NotFoundException("Member", query.MemberId));

    public async Task<MemberView> HandleAsync(GetMyMember query, IQuerySession session, CancellationToken cancellationToken) =>
        MemberView.From(await session.LoadCallerAsync(user, cancellationToken));

    public async Task<PagedResult<MemberView>> HandleAsync(ListMembers query, IQuerySession session, CancellationToken cancellationToken)
    {
        var members = session.Query<Member>().VisibleTo(user);
        if (query.OfficeId is { } officeId)
        {
            members = members.Where(m => m.OfficeId == officeId);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SearchPattern.Containing(query.Search);
            members = members.Where(m => m.MatchesSql(SearchSql, pattern, pattern, pattern, pattern));
        }
        var total = await members.CountAsync(cancellationToken);
        var page = await members.OrderBySql(SortSql).ThenBySql($"d.data ->> '{nameof(Member.FirstName)}'").ThenBySql("d.id")
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<MemberView>(page.Select(MemberView.From).ToList(), query.Page, query.PageSize, total);
    }

    /// <summary>For internal tools (e.g. the host's demo accounts): no caller scope.</summary>
    public async Task<MemberReference?> HandleAsync(FindMemberByEmail query, IQuerySession session, CancellationToken cancellationToken)
    {
        var email = Member.NormalizeEmail(query.Email);
        var member = await session.Query<Member>().Where(m => m.Email == email).OrderBy(m => m.RegisteredOn).FirstOrDefaultAsync(cancellationToken);
        return member is null ? null : new MemberReference(member.Id, member.EntityId, member.OfficeId, member.DisplayName);
    }
}

public static class MemberQueriesEndpoints
{
    [WolverineGet("/api/governance/members/me", OperationId = "GetMyMember"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The caller's own member record.")]
    public static async Task<Ok<MemberView>> GetMine(IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<MemberView>(new GetMyMember(), ct));

    [WolverineGet("/api/governance/members/{memberId:guid}", OperationId = "GetMember"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A member the caller may see: themself, their office's (advisor) or their entity's (operator, admin).")]
    public static async Task<Ok<MemberView>> Get(Guid memberId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<MemberView>(new GetMember(memberId), ct));

    [WolverineGet("/api/governance/members", OperationId = "ListMembers"), ProducesValidationProblem]
    [EndpointSummary("Members the caller may see, by office and name or e-mail fragment, a page at a time.")]
    public static async Task<Ok<PagedResult<MemberView>>> List(Guid? officeId, string? search, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<MemberView>>(new ListMembers(officeId, search, page ?? 1, pageSize ?? 50), ct));
}
