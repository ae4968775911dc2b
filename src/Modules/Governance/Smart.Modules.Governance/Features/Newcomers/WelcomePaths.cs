using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Mail;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Newcomers;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Newcomers;

/// <summary>Staff record that an experienced member of the entity sponsors a newcomer, from today.</summary>
public sealed record SponsorNewcomer(Guid NewcomerId, Guid SponsorId)
{
    internal sealed class Validator : AbstractValidator<SponsorNewcomer>
    {
        public Validator()
        {
            RuleFor(c => c.NewcomerId).NotEmpty();
            RuleFor(c => c.SponsorId).NotEmpty();
        }
    }
}

/// <summary>The body of <see cref="SponsorNewcomer"/>: the newcomer is in the address.</summary>
public sealed record SponsorInput(Guid SponsorId)
{
    internal sealed class Validator : AbstractValidator<SponsorInput>
    {
        public Validator() => RuleFor(c => c.SponsorId).NotEmpty();
    }
}

public sealed record GetWelcomePath(Guid MemberId);

public sealed record WelcomeStepView(WelcomeStep Step, DateOnly? DoneOn);

/// <summary>A newcomer's checklist: every step with the date it was done, and the steps left.</summary>
public sealed record WelcomePathView(
    Guid MemberId, DateOnly RegisteredOn, Guid? SponsorId, string? SponsorName, DateOnly? SponsoredOn, bool Complete,
    IReadOnlyList<WelcomeStepView> Steps, IReadOnlyList<WelcomeStep> Left)
{
    internal static WelcomePathView From(WelcomePath path, Member? sponsor) => new(path.Id, path.RegisteredOn, path.SponsorId, sponsor?.DisplayName, path.SponsoredOn,
        path.IsComplete, path.Steps.Select(s => new WelcomeStepView(s.Step, s.DoneOn)).ToList(), path.Steps.Where(s => s.DoneOn is null).Select(s => s.Step).ToList());
}

public sealed class WelcomePathsHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>Checks the sponsorship rules in force today (ADR 0084) and tells the newcomer who their sponsor is.</summary>
    public async Task<(WelcomePathView, SendEmail)> HandleAsync(SponsorNewcomer command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var newcomer = await session.Query<Member>().VisibleTo(user).SingleOrDefaultAsync(m => m.Id == command.NewcomerId, cancellationToken)
            ?? throw new NotFoundException("Member", command.NewcomerId);
        var sponsor = await session.Query<Member>().SingleOrDefaultAsync(m => m.Id == command.SponsorId && m.EntityId == newcomer.EntityId, cancellationToken)
            ?? throw new NotFoundException("Member", command.SponsorId);
        var today = clock.Today();
        var thresholds = await session.MemberLifeThresholdsOnAsync(newcomer.EntityId, today, cancellationToken);
        var figures = await session.FigureEntriesAsync(sponsor.Id, cancellationToken);
        var sponsored = await session.Query<WelcomePath>().CountAsync(p => p.SponsorId == sponsor.Id && p.SponsoredOn > today.AddYears(-1), cancellationToken);
        var candidate = new SponsorCandidate(sponsor.Id, sponsor.RegisteredOn, MemberFigures.Read(figures, today, thresholds).Typology, sponsored);

        var path = await session.LoadAsync<WelcomePath>(newcomer.Id, cancellationToken);
        // A member registered before welcome paths existed gets one when sponsored.
        if (path is null)
        {
            path = WelcomePath.Open(newcomer.Id, newcomer.EntityId, newcomer.OfficeId, newcomer.RegisteredOn);
            path.Sponsor(candidate, today, thresholds);
            session.Insert(path);
        }
        else
        {
            path.Sponsor(candidate, today, thresholds);
            session.UpdateRevision(path, path.Version + 1);
        }
        return (WelcomePathView.From(path, sponsor), GovernanceEmails.SponsorAssigned(newcomer, sponsor));
    }

    /// <summary>The member's own path, or one of their office's members for their advisor; 404 for anyone else.</summary>
    public async Task<WelcomePathView> HandleAsync(GetWelcomePath query, IQuerySession session, CancellationToken cancellationToken)
    {
        var member = await session.Query<Member>().VisibleTo(user).SingleOrDefaultAsync(m => m.Id == query.MemberId, cancellationToken)
            ?? throw new NotFoundException("Member", query.MemberId);
        var path = await session.LoadAsync<WelcomePath>(member.Id, cancellationToken) ?? throw new NotFoundException("Welcome path", member.Id);
        var sponsor = path.SponsorId is { } sponsorId ? await session.LoadAsync<Member>(sponsorId, cancellationToken) : null;
        return WelcomePathView.From(path, sponsor);
    }
}

public static class WelcomePathsEndpoints
{
    [WolverinePost("/api/governance/members/{memberId:guid}/sponsor", OperationId = "SponsorNewcomer"), Authorize(SmartPolicies.Staff), ProducesCommandProblems]
    [EndpointSummary("Records that an experienced, active member of the entity sponsors this newcomer from today, and e-mails the newcomer (staff).")]
    public static async Task<Ok<WelcomePathView>> Sponsor(Guid memberId, SponsorInput input, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<WelcomePathView>(new SponsorNewcomer(memberId, input.SponsorId), ct));

    [WolverineGet("/api/governance/members/{memberId:guid}/welcome-path", OperationId = "GetWelcomePath"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A new member's welcome path: each step with the date it was done, the steps left and their sponsor (the member and their advisor).")]
    public static async Task<Ok<WelcomePathView>> Get(Guid memberId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<WelcomePathView>(new GetWelcomePath(memberId), ct));
}
