using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Mail;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Committees;
using Smart.Modules.Governance.Domain.Members;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Committees;

/// <summary>A matter the caller refers to a committee of their entity.</summary>
public sealed record ReferMatter(string Subject, string Details)
{
    internal sealed class Validator : AbstractValidator<ReferMatter>
    {
        public Validator()
        {
            RuleFor(c => c.Subject).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Details).NotEmpty().MaximumLength(10_000);
        }
    }
}

public sealed record ReferMatterToCommittee(Guid CommitteeId, ReferMatter Matter);

public sealed record TakeUpReferral(Guid ReferralId);

public sealed record AnswerInput(string Answer)
{
    internal sealed class Validator : AbstractValidator<AnswerInput>
    {
        public Validator() => RuleFor(c => c.Answer).NotEmpty().MaximumLength(10_000);
    }
}

public sealed record AnswerReferral(Guid ReferralId, AnswerInput Input);

public sealed record GetReferral(Guid ReferralId);

/// <summary>The referrals the caller may see: the committee's for its sitting members and the entity's admins, their own for anyone else.</summary>
public sealed record ListCommitteeReferrals(Guid CommitteeId);

public sealed record ListMyReferrals;

public sealed record ReferralView(Guid Id, Guid CommitteeId, Guid ReferrerId, string Subject, string Details, DateTimeOffset SubmittedAt, ReferralStatus Status,
    Guid? ReviewerId, DateTimeOffset? ReviewStartedAt, string? Answer, DateTimeOffset? AnsweredAt)
{
    internal static ReferralView From(Referral r) =>
        new(r.Id, r.CommitteeId, r.ReferrerId, r.Subject, r.Details, r.SubmittedAt, r.Status, r.ReviewerId, r.ReviewStartedAt, r.Answer, r.AnsweredAt);
}

internal sealed record OnlyASittingMemberActsForTheCommittee(bool Sitting) : IBusinessRule
{
    public bool IsBroken() => !Sitting;

    public string Message => "Only a member sitting on the committee acts for it.";
}

public sealed class ReferralsHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(ReferMatterToCommittee command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadCallerAsync(user, cancellationToken);
        var committee = await session.LoadVisibleCommitteeAsync(user, command.CommitteeId, cancellationToken);
        if (committee.EntityId != member.EntityId) throw new NotFoundException("Committee", command.CommitteeId);
        var referral = Referral.Submit(committee, member.Id, command.Matter.Subject, command.Matter.Details, clock.GetUtcNow());
        session.Insert(referral);
        return referral.Id;
    }

    public async Task<ReferralView> HandleAsync(TakeUpReferral command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (referral, committee) = await LoadVisibleAsync(session, command.ReferralId, cancellationToken);
        var reviewer = CheckSitting(committee);
        referral.TakeUp(reviewer, clock.GetUtcNow());
        session.UpdateRevision(referral, referral.Version + 1);
        return ReferralView.From(referral);
    }

    /// <summary>The answer is final; the member who referred the matter receives it by e-mail.</summary>
    public async Task<(ReferralView, SendEmail)> HandleAsync(AnswerReferral command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (referral, committee) = await LoadVisibleAsync(session, command.ReferralId, cancellationToken);
        var reviewer = CheckSitting(committee);
        referral.AnswerWith(reviewer, command.Input.Answer, clock.GetUtcNow());
        session.UpdateRevision(referral, referral.Version + 1);
        var referrer = await session.LoadAsync<Member>(referral.ReferrerId, cancellationToken)
            ?? throw new InvalidOperationException($"Referral {referral.Id} names member {referral.ReferrerId}, who is not registered.");
        return (ReferralView.From(referral), GovernanceEmails.ReferralAnswered(referrer, committee, referral));
    }

    public async Task<ReferralView> HandleAsync(GetReferral query, IQuerySession session, CancellationToken cancellationToken) =>
        ReferralView.From((await LoadVisibleAsync(session, query.ReferralId, cancellationToken)).Referral);

    public async Task<IReadOnlyList<ReferralView>> HandleAsync(ListCommitteeReferrals query, IQuerySession session, CancellationToken cancellationToken)
    {
        var committee = await session.LoadVisibleCommitteeAsync(user, query.CommitteeId, cancellationToken);
        var referrals = session.Query<Referral>().Where(r => r.CommitteeId == committee.Id);
        if (!SeesAllReferralsOf(committee))
        {
            var me = user.MemberId ?? Guid.Empty;
            referrals = referrals.Where(r => r.ReferrerId == me);
        }
        return (await referrals.OrderByDescending(r => r.SubmittedAt).Take(500).ToListAsync(cancellationToken)).Select(ReferralView.From).ToList();
    }

    public async Task<IReadOnlyList<ReferralView>> HandleAsync(ListMyReferrals query, IQuerySession session, CancellationToken cancellationToken)
    {
        var member = await session.LoadCallerAsync(user, cancellationToken);
        return (await session.Query<Referral>().Where(r => r.ReferrerId == member.Id).OrderByDescending(r => r.SubmittedAt).Take(500).ToListAsync(cancellationToken))
            .Select(ReferralView.From).ToList();
    }

    /// <summary>A referral is seen by the member who sent it, the committee's sitting members and the entity's admins; to anyone else it does not exist.</summary>
    private async Task<(Referral Referral, Committee Committee)> LoadVisibleAsync(IQuerySession session, Guid referralId, CancellationToken cancellationToken)
    {
        var referral = await session.LoadAsync<Referral>(referralId, cancellationToken);
        var committee = referral is null ? null : await session.LoadAsync<Committee>(referral.CommitteeId, cancellationToken);
        if (referral is null || committee is null || !(referral.ReferrerId == user.MemberId || SeesAllReferralsOf(committee)))
        {
            throw new NotFoundException("Referral", referralId);
        }
        return (referral, committee);
    }

    private bool SeesAllReferralsOf(Committee committee) =>
        user.IsPlatformAdmin()
        || (user.IsInRole(SmartRoles.Admin) && user.EntityId == committee.EntityId)
        || (user.MemberId is { } me && committee.IsSittingOn(me, clock.Today()));

    private Guid CheckSitting(Committee committee)
    {
        BusinessRules.Check(new OnlyASittingMemberActsForTheCommittee(user.MemberId is { } me && committee.IsSittingOn(me, clock.Today())));
        return user.MemberId!.Value;
    }
}

public static class ReferralsEndpoints
{
    [WolverinePost("/api/governance/committees/{committeeId:guid}/referrals", OperationId = "ReferMatter"), ProducesCommandProblems]
    [EndpointSummary("Refers a matter to a committee of the caller's entity; only the caller and the committee see it.")]
    public static Task<Created<ResourceCreated>> Refer(Guid committeeId, ReferMatter matter, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(new ReferMatterToCommittee(committeeId, matter), "/api/governance/referrals/", ct);

    [WolverineGet("/api/governance/committees/{committeeId:guid}/referrals", OperationId = "ListCommitteeReferrals"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A committee's referrals: all of them for its sitting members and the entity's admins, the caller's own for anyone else.")]
    public static async Task<Ok<IReadOnlyList<ReferralView>>> List(Guid committeeId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<ReferralView>>(new ListCommitteeReferrals(committeeId), ct));

    [WolverineGet("/api/governance/referrals/mine", OperationId = "ListMyReferrals"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The matters the caller referred to committees, with their status and answers.")]
    public static async Task<Ok<IReadOnlyList<ReferralView>>> Mine(IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<ReferralView>>(new ListMyReferrals(), ct));

    [WolverineGet("/api/governance/referrals/{referralId:guid}", OperationId = "GetReferral"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A referral: seen by the member who sent it, the committee's sitting members and the entity's admins.")]
    public static async Task<Ok<ReferralView>> Get(Guid referralId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReferralView>(new GetReferral(referralId), ct));

    [WolverinePost("/api/governance/referrals/{referralId:guid}/take-up", OperationId = "TakeUpReferral"), ProducesCommandProblems]
    [EndpointSummary("A sitting member of the committee takes up a referral: its sender sees it is under review.")]
    public static async Task<Ok<ReferralView>> TakeUp(Guid referralId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReferralView>(new TakeUpReferral(referralId), ct));

    [WolverinePost("/api/governance/referrals/{referralId:guid}/answer", OperationId = "AnswerReferral"), ProducesCommandProblems]
    [EndpointSummary("A sitting member answers a referral for the committee; the answer is final and e-mailed to the sender.")]
    public static async Task<Ok<ReferralView>> Answer(Guid referralId, AnswerInput input, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReferralView>(new AnswerReferral(referralId, input), ct));
}
