using FluentValidation;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Directory;
using Smart.Modules.Governance.Domain.Offices;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Directory;

/// <summary>The caller's directory entry: what they write about themself and which fields they show.</summary>
public sealed record PublishDirectoryProfile(string? Trade, IReadOnlyList<string>? Skills, string? Website, string? Phone, string? Email,
    IReadOnlyList<DirectoryField>? Shown)
{
    internal sealed class Validator : AbstractValidator<PublishDirectoryProfile>
    {
        public Validator()
        {
            RuleFor(c => c.Trade).MaximumLength(100);
            RuleFor(c => c.Skills).Must(s => s is null || s.Count <= 20).WithMessage("At most 20 skills.");
            RuleForEach(c => c.Skills).NotEmpty().MaximumLength(60);
            RuleFor(c => c.Website).MaximumLength(200)
                .Must(w => Uri.TryCreate(w, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                .When(c => !string.IsNullOrWhiteSpace(c.Website)).WithMessage("A web address starting with https:// or http://.");
            RuleFor(c => c.Phone).Matches(@"^\+?[0-9][0-9 .()-]{5,24}$").When(c => !string.IsNullOrWhiteSpace(c.Phone))
                .WithMessage("A phone number: digits, spaces, dots, dashes, an optional leading +.");
            RuleFor(c => c.Email).MaximumLength(254).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email));
            RuleFor(c => c.Shown).Cascade(CascadeMode.Stop).NotNull().Must(s => s!.Distinct().Count() == s!.Count).WithMessage("Each field once.");
            RuleForEach(c => c.Shown).IsInEnum();
            RuleFor(c => c.Trade).NotEmpty().When(c => c.Shown?.Contains(DirectoryField.Trade) == true).WithMessage("A shown trade is written.");
            RuleFor(c => c.Skills).NotEmpty().When(c => c.Shown?.Contains(DirectoryField.Skills) == true).WithMessage("Shown skills are written.");
            RuleFor(c => c.Website).NotEmpty().When(c => c.Shown?.Contains(DirectoryField.Website) == true).WithMessage("A shown website is written.");
            RuleFor(c => c.Phone).NotEmpty().When(c => c.Shown?.Contains(DirectoryField.Phone) == true).WithMessage("A shown phone is written.");
            RuleFor(c => c.Email).NotEmpty().When(c => c.Shown?.Contains(DirectoryField.Email) == true).WithMessage("A shown e-mail is written.");
        }
    }
}

public sealed record GetMyDirectoryProfile;

public sealed record LeaveDirectory;

/// <summary>Members of the caller's entity in the directory, by words of their trade or skills (French full text) and office.</summary>
public sealed record SearchDirectory(string? Q, Guid? OfficeId, int Page = 1, int PageSize = 20)
{
    internal sealed class Validator : AbstractValidator<SearchDirectory>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(100).HasNoNul();
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 100);
        }
    }
}

public sealed record GetDirectoryEntry(Guid MemberId);

/// <summary>The caller's own entry, every field they wrote and which of them are shown.</summary>
public sealed record MyDirectoryProfileView(Guid MemberId, string DisplayName, string? Trade, IReadOnlyList<string> Skills, string? Website, string? Phone,
    string? Email, IReadOnlyList<DirectoryField> Shown, DateTimeOffset UpdatedAt)
{
    internal static MyDirectoryProfileView From(DirectoryProfile p) =>
        new(p.Id, p.DisplayName, p.Trade, p.Skills, p.Website, p.Phone, p.Email, p.Shown, p.UpdatedAt);
}

/// <summary>An entry as other members see it: the name, and only the fields its member shows (the others are null or empty).</summary>
public sealed record DirectoryEntryView(Guid MemberId, string DisplayName, string? Trade, IReadOnlyList<string> Skills, Guid? OfficeId, string? OfficeName,
    string? Website, string? Phone, string? Email)
{
    internal static DirectoryEntryView From(DirectoryProfile p, IReadOnlyDictionary<Guid, string> officeNames) => new(
        p.Id, p.DisplayName,
        p.IfShown(DirectoryField.Trade, p.Trade),
        p.IfShown(DirectoryField.Skills, p.Skills) ?? [],
        p.ShownOfficeId,
        p.ShownOfficeId is { } office ? officeNames.GetValueOrDefault(office) : null,
        p.IfShown(DirectoryField.Website, p.Website),
        p.IfShown(DirectoryField.Phone, p.Phone),
        p.IfShown(DirectoryField.Email, p.Email));
}

internal static class DirectorySearch
{
    /// <summary>PostgreSQL's French text-search configuration: its stemmer joins plurals and feminines.</summary>
    public const string Language = "french";
}

public sealed class MemberDirectoryHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<MyDirectoryProfileView> HandleAsync(PublishDirectoryProfile command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadCallerAsync(user, cancellationToken);
        var details = new DirectoryDetails(command.Trade, command.Skills ?? [], command.Website, command.Phone, command.Email);
        var profile = await session.LoadAsync<DirectoryProfile>(member.Id, cancellationToken);
        if (profile is null)
        {
            profile = DirectoryProfile.Publish(member.Id, member.EntityId, member.OfficeId, member.DisplayName, details, command.Shown!, clock.GetUtcNow());
            session.Insert(profile);
        }
        else
        {
            profile.Update(member.OfficeId, member.DisplayName, details, command.Shown!, clock.GetUtcNow());
            session.UpdateRevision(profile, profile.Version + 1);
        }
        return MyDirectoryProfileView.From(profile);
    }

    public async Task<MyDirectoryProfileView> HandleAsync(GetMyDirectoryProfile query, IQuerySession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadCallerAsync(user, cancellationToken);
        return MyDirectoryProfileView.From(await session.LoadAsync<DirectoryProfile>(member.Id, cancellationToken)
            ?? throw new NotFoundException("Directory profile", "me"));
    }

    /// <summary>Leaving deletes the entry and everything written in it.</summary>
    public async Task HandleAsync(LeaveDirectory command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadCallerAsync(user, cancellationToken);
        _ = await session.LoadAsync<DirectoryProfile>(member.Id, cancellationToken) ?? throw new NotFoundException("Directory profile", "me");
        session.Delete<DirectoryProfile>(member.Id);
    }

    public async Task<PagedResult<DirectoryEntryView>> HandleAsync(SearchDirectory query, IQuerySession session, CancellationToken cancellationToken)
    {
        var entries = session.Query<DirectoryProfile>().VisibleInEntityOf(user, p => p.EntityId);
        if (query.OfficeId is { } officeId)
        {
            entries = entries.Where(p => p.ShownOfficeId == officeId);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var words = DirectoryProfile.Fold(query.Q);
            entries = entries.Where(p => p.PlainTextSearch(words, DirectorySearch.Language));
        }
        var page = await entries.OrderBy(p => p.DisplayName).ThenBy(p => p.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var offices = await OfficeNamesAsync(session, page.Select(p => p.ShownOfficeId), cancellationToken);
        return new PagedResult<DirectoryEntryView>(page.Select(p => DirectoryEntryView.From(p, offices)).ToList(), query.Page, query.PageSize, (int)page.TotalItemCount);
    }

    public async Task<DirectoryEntryView> HandleAsync(GetDirectoryEntry query, IQuerySession session, CancellationToken cancellationToken)
    {
        var profile = await session.Query<DirectoryProfile>().VisibleInEntityOf(user, p => p.EntityId).SingleOrDefaultAsync(p => p.Id == query.MemberId, cancellationToken)
            ?? throw new NotFoundException("Directory entry", query.MemberId);
        return DirectoryEntryView.From(profile, await OfficeNamesAsync(session, [profile.ShownOfficeId], cancellationToken));
    }

    private static async Task<IReadOnlyDictionary<Guid, string>> OfficeNamesAsync(IQuerySession session, IEnumerable<Guid?> officeIds, CancellationToken cancellationToken)
    {
        var ids = officeIds.OfType<Guid>().Distinct().ToArray();
        return ids.Length == 0 ? new Dictionary<Guid, string>()
            : (await session.LoadManyAsync<Office>(cancellationToken, ids)).ToDictionary(o => o.Id, o => o.Name);
    }
}

public static class MemberDirectoryEndpoints
{
    [WolverinePut("/api/governance/directory/me", OperationId = "PublishDirectoryProfile"), ProducesCommandProblems]
    [EndpointSummary("Writes the caller's directory entry and chooses, field by field, what other members see; creates it the first time.")]
    public static async Task<Ok<MyDirectoryProfileView>> Put(PublishDirectoryProfile command, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<MyDirectoryProfileView>(command, ct));

    [WolverineGet("/api/governance/directory/me", OperationId = "GetMyDirectoryProfile"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The caller's own directory entry, with the fields they hide.")]
    public static async Task<Ok<MyDirectoryProfileView>> GetMine(IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<MyDirectoryProfileView>(new GetMyDirectoryProfile(), ct));

    [WolverineDelete("/api/governance/directory/me", OperationId = "LeaveDirectory"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Leaves the directory: the caller's entry and everything in it are deleted.")]
    public static async Task<NoContent> Leave(IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new LeaveDirectory(), ct);
        return TypedResults.NoContent();
    }

    [WolverineGet("/api/governance/directory", OperationId = "SearchDirectory"), ProducesValidationProblem]
    [EndpointSummary("Searches the member directory of the caller's entity by trade or skill words (French: accents and plurals don't matter) and office.")]
    public static async Task<Ok<PagedResult<DirectoryEntryView>>> Search(string? q, Guid? officeId, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<DirectoryEntryView>>(new SearchDirectory(q, officeId, page ?? 1, pageSize ?? 20), ct));

    [WolverineGet("/api/governance/directory/{memberId:guid}", OperationId = "GetDirectoryEntry"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A member's directory entry: only the fields they show.")]
    public static async Task<Ok<DirectoryEntryView>> Get(Guid memberId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<DirectoryEntryView>(new GetDirectoryEntry(memberId), ct));
}
