using FluentValidation;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Pagination;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Mail;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Committees;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Proposals;
using Smart.Modules.Governance.Features.Committees;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Proposals;

/// <summary>A member opens a proposal to their office's members (a consultation).</summary>
public sealed record OpenProposal(string Title, string Text)
{
    internal sealed class Validator : AbstractValidator<OpenProposal>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Text).NotEmpty().MaximumLength(20_000);
        }
    }
}

public sealed record CommentInput(string Text)
{
    internal sealed class Validator : AbstractValidator<CommentInput>
    {
        public Validator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(5_000);
    }
}

public sealed record CommentOnProposal(Guid ProposalId, CommentInput Comment);

public sealed record SupportProposal(Guid ProposalId);

public sealed record WithdrawSupport(Guid ProposalId);

public sealed record WithdrawProposal(Guid ProposalId);

public sealed record AnswerProposal(Guid ProposalId, AnswerInput Input);

public sealed record GetProposal(Guid ProposalId);

public sealed record ListProposals(Guid? OfficeId, ProposalStatus? Status, int Page = 1, int PageSize = 20)
{
    internal sealed class Validator : AbstractValidator<ListProposals>
    {
        public Validator()
        {
            RuleFor(q => q.Status).IsInEnum();
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 100);
        }
    }
}

public sealed record ProposalView(Guid Id, Guid OfficeId, Guid AuthorId, string AuthorName, string Title, string Text, DateTimeOffset OpenedAt,
    ProposalStatus Status, int Supports, bool SupportedByMe, Guid? CommitteeId, DateTimeOffset? HandedOverAt, string? Answer, DateTimeOffset? AnsweredAt,
    IReadOnlyList<ProposalComment> Comments)
{
    internal static ProposalView From(Proposal p, Guid? me) => new(p.Id, p.OfficeId, p.AuthorId, p.AuthorName, p.Title, p.Text, p.OpenedAt, p.Status,
        p.Supports, me is { } m && p.Supporters.Contains(m), p.CommitteeId, p.HandedOverAt, p.Answer, p.AnsweredAt, p.Comments);
}

public sealed record ProposalSummaryView(Guid Id, Guid OfficeId, string AuthorName, string Title, DateTimeOffset OpenedAt, ProposalStatus Status, int Supports,
    int Comments);

public sealed class ProposalsHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(OpenProposal command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var author = await session.LoadCallerAsync(user, cancellationToken);
        var opened = Proposal.Open(author.EntityId, author.OfficeId, author.Id, author.DisplayName, command.Title, command.Text, clock.GetUtcNow());
        session.Events.StartStream<Proposal>(opened.ProposalId, opened);
        return opened.ProposalId;
    }

    public async Task<ProposalView> HandleAsync(CommentOnProposal command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadCallerAsync(user, cancellationToken);
        var (stream, proposal) = await FetchVisibleForWritingAsync(session, command.ProposalId, cancellationToken);
        return Append(stream, proposal, [proposal.Comment(member.Id, member.DisplayName, command.Comment.Text, clock.GetUtcNow())]);
    }

    /// <summary>
    /// The support that reaches the entity's threshold hands the proposal to its office's local committee, whose sitting
    /// members are told by e-mail. The stream is fetched for exclusive writing: concurrent supports queue, each counted.
    /// </summary>
    public async Task<(ProposalView, OutgoingMessages)> HandleAsync(SupportProposal command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadCallerAsync(user, cancellationToken);
        var (stream, proposal) = await FetchVisibleForWritingAsync(session, command.ProposalId, cancellationToken);
        var today = clock.Today();
        var rules = (await session.Query<ConsultationRules>().Where(r => r.EntityId == proposal.EntityId).ToListAsync(cancellationToken))
            .RequiredOn(today, "consultation rule");
        var localKey = Committee.KeyOf(CommitteeKind.Local, proposal.OfficeId);
        var committee = await session.Query<Committee>().SingleOrDefaultAsync(c => c.EntityId == proposal.EntityId && c.Key == localKey, cancellationToken);
        var events = proposal.Support(member.Id, rules.SupportsToReachCommittee, committee?.Id, clock.GetUtcNow());
        var view = Append(stream, proposal, events);
        var emails = new OutgoingMessages();
        if (events.OfType<ProposalHandedToCommittee>().Any())
        {
            emails.AddRange(await HandedOverEmailsAsync(session, committee!, proposal.After(events), today, cancellationToken));
        }
        return (view, emails);
    }

    public async Task<ProposalView> HandleAsync(WithdrawSupport command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadCallerAsync(user, cancellationToken);
        var (stream, proposal) = await FetchVisibleForWritingAsync(session, command.ProposalId, cancellationToken);
        return Append(stream, proposal, [proposal.WithdrawSupport(member.Id, clock.GetUtcNow())]);
    }

    public async Task<ProposalView> HandleAsync(WithdrawProposal command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadCallerAsync(user, cancellationToken);
        var (stream, proposal) = await FetchVisibleForWritingAsync(session, command.ProposalId, cancellationToken);
        return Append(stream, proposal, [proposal.Withdraw(member.Id, clock.GetUtcNow())]);
    }

    /// <summary>A member sitting on the committee that has the proposal answers it; the author is told by e-mail.</summary>
    public async Task<(ProposalView, SendEmail)> HandleAsync(AnswerProposal command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (stream, proposal) = await FetchVisibleForWritingAsync(session, command.ProposalId, cancellationToken);
        var committee = proposal.CommitteeId is { } committeeId ? await session.LoadAsync<Committee>(committeeId, cancellationToken) : null;
        BusinessRules.Check(new OnlyASittingMemberActsForTheCommittee(user.MemberId is { } me && committee?.IsSittingOn(me, clock.Today()) == true));
        var answered = proposal.AnswerWith(user.MemberId!.Value, command.Input.Answer, clock.GetUtcNow());
        var view = Append(stream, proposal, [answered]);
        var author = await session.LoadAsync<Member>(proposal.AuthorId, cancellationToken)
            ?? throw new InvalidOperationException($"Proposal {proposal.Id} names author {proposal.AuthorId}, who is not registered.");
        return (view, GovernanceEmails.ProposalAnswered(author, committee!, proposal.After([answered])));
    }

    public async Task<ProposalView> HandleAsync(GetProposal query, IQuerySession session, CancellationToken cancellationToken) =>
        ProposalView.From(await session.Query<Proposal>().VisibleInEntityOf(user, p => p.EntityId).SingleOrDefaultAsync(p => p.Id == query.ProposalId, cancellationToken)
            ?? throw new NotFoundException("Proposal", query.ProposalId), user.MemberId);

    public async Task<PagedResult<ProposalSummaryView>> HandleAsync(ListProposals query, IQuerySession session, CancellationToken cancellationToken)
    {
        var proposals = session.Query<Proposal>().VisibleInEntityOf(user, p => p.EntityId);
        if (query.OfficeId is { } officeId) proposals = proposals.Where(p => p.OfficeId == officeId);
        if (query.Status is { } status) proposals = proposals.Where(p => p.Status == status);
        var page = await proposals.OrderByDescending(p => p.OpenedAt).ThenBy(p => p.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedResult<ProposalSummaryView>(
            page.Select(p => new ProposalSummaryView(p.Id, p.OfficeId, p.AuthorName, p.Title, p.OpenedAt, p.Status, p.Supports, p.Comments.Count)).ToList(),
            query.Page, query.PageSize, (int)page.TotalItemCount);
    }

    /// <summary>A proposal of the caller's entity, its stream locked until the transaction ends (concurrent writers queue, none is lost).</summary>
    private async Task<(IEventStream<Proposal> Stream, Proposal Proposal)> FetchVisibleForWritingAsync(IDocumentSession session, Guid proposalId,
        CancellationToken cancellationToken)
    {
        if (!await session.Query<Proposal>().VisibleInEntityOf(user, p => p.EntityId).AnyAsync(p => p.Id == proposalId, cancellationToken))
        {
            throw new NotFoundException("Proposal", proposalId);
        }
        var stream = await session.Events.FetchForExclusiveWriting<Proposal>(proposalId, cancellationToken);
        return (stream, stream.Aggregate ?? throw new NotFoundException("Proposal", proposalId));
    }

    private ProposalView Append(IEventStream<Proposal> stream, Proposal proposal, IReadOnlyList<IProposalEvent> events)
    {
        stream.AppendMany(events.Cast<object>().ToArray());
        return ProposalView.From(proposal.After(events), user.MemberId);
    }

    /// <summary>The committee's sitting members are told of the proposal they now have.</summary>
    private static async Task<IEnumerable<SendEmail>> HandedOverEmailsAsync(IQuerySession session, Committee committee, Proposal proposal, DateOnly today,
        CancellationToken cancellationToken)
    {
        var sitting = committee.SeatsHeldOn(today).Select(s => s.MemberId).ToArray();
        return sitting.Length == 0 ? []
            : (await session.LoadManyAsync<Member>(cancellationToken, sitting)).Select(m => GovernanceEmails.ProposalHandedOver(m, committee, proposal));
    }
}

public static class ProposalsEndpoints
{
    [WolverinePost("/api/governance/proposals", OperationId = "OpenProposal"), ProducesCommandProblems]
    [EndpointSummary("Opens a proposal to the caller's office: members comment and support it; enough supports hand it to the office's local committee.")]
    public static Task<Created<ResourceCreated>> Open(OpenProposal command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/governance/proposals/", ct);

    [WolverineGet("/api/governance/proposals", OperationId = "ListProposals"), ProducesValidationProblem]
    [EndpointSummary("Proposals of the caller's entity, newest first, by office and status, a page at a time.")]
    public static async Task<Ok<PagedResult<ProposalSummaryView>>> List(Guid? officeId, ProposalStatus? status, int? page, int? pageSize, IMessageBus bus,
        CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<ProposalSummaryView>>(new ListProposals(officeId, status, page ?? 1, pageSize ?? 20), ct));

    [WolverineGet("/api/governance/proposals/{proposalId:guid}", OperationId = "GetProposal"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A proposal with its comments, supports and the committee's answer.")]
    public static async Task<Ok<ProposalView>> Get(Guid proposalId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ProposalView>(new GetProposal(proposalId), ct));

    [WolverinePost("/api/governance/proposals/{proposalId:guid}/comments", OperationId = "CommentOnProposal"), ProducesCommandProblems]
    [EndpointSummary("Comments on a proposal until it is answered or withdrawn.")]
    public static async Task<Ok<ProposalView>> Comment(Guid proposalId, CommentInput comment, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ProposalView>(new CommentOnProposal(proposalId, comment), ct));

    [WolverinePost("/api/governance/proposals/{proposalId:guid}/support", OperationId = "SupportProposal"), ProducesCommandProblems]
    [EndpointSummary("Supports a proposal (once per member, not one's own); the support reaching the entity's threshold hands it to the local committee.")]
    public static async Task<Ok<ProposalView>> Support(Guid proposalId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ProposalView>(new SupportProposal(proposalId), ct));

    [WolverineDelete("/api/governance/proposals/{proposalId:guid}/support", OperationId = "WithdrawSupport"), ProducesCommandProblems]
    [EndpointSummary("Takes back the caller's support while the proposal still gathers supports.")]
    public static async Task<Ok<ProposalView>> Unsupport(Guid proposalId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ProposalView>(new WithdrawSupport(proposalId), ct));

    [WolverinePost("/api/governance/proposals/{proposalId:guid}/withdrawal", OperationId = "WithdrawProposal"), ProducesCommandProblems]
    [EndpointSummary("Its author withdraws a proposal no committee has taken yet.")]
    public static async Task<Ok<ProposalView>> Withdraw(Guid proposalId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ProposalView>(new WithdrawProposal(proposalId), ct));

    [WolverinePost("/api/governance/proposals/{proposalId:guid}/answer", OperationId = "AnswerProposal"), ProducesCommandProblems]
    [EndpointSummary("A member sitting on the local committee that has the proposal answers it; the author is told by e-mail.")]
    public static async Task<Ok<ProposalView>> Answer(Guid proposalId, AnswerInput input, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ProposalView>(new AnswerProposal(proposalId, input), ct));
}
