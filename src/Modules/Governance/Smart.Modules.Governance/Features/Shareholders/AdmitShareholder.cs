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
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Shareholding;
using Wolverine;
using Wolverine.Http;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Features.Shareholders;

/// <summary>
/// The board admits a shareholder: a member (name and e-mail taken from their record) or a client or partner (name and
/// e-mail given), with a first subscription of at least the category's minimum shares.
/// </summary>
public sealed record AdmitShareholder(
    Guid EntityId, Guid? MemberId, string? Name, string? Email, ShareholderCategory Category, int Shares, DateOnly AdmittedOn, string BoardDecision)
{
    public static AdmitShareholder Example => new(Guid.Parse("0195f1a2-0000-7000-8000-000000000001"), Guid.Parse("0195f1a2-0000-7000-8000-000000000002"),
        null, null, ShareholderCategory.ActivityCoordinator, 1, new DateOnly(2026, 3, 2), "CA du 2026-03-02, décision 4");

    internal sealed class Validator : AbstractValidator<AdmitShareholder>
    {
        public Validator()
        {
            RuleFor(c => c.EntityId).NotEmpty();
            RuleFor(c => c.MemberId).NotEqual(Guid.Empty);
            When(c => c.MemberId is null, () =>
            {
                RuleFor(c => c.Name).NotEmpty().WithMessage("A shareholder who is not a member needs a name.");
                RuleFor(c => c.Email).NotEmpty().WithMessage("A shareholder who is not a member needs an e-mail address.");
            });
            When(c => c.MemberId is not null, () =>
            {
                RuleFor(c => c.Name).Empty().WithMessage("A member's name comes from their record.");
                RuleFor(c => c.Email).Empty().WithMessage("A member's e-mail comes from their record.");
            });
            RuleFor(c => c.Name).MaximumLength(200);
            RuleFor(c => c.Email).MaximumLength(254).EmailAddress();
            RuleFor(c => c.Category).IsInEnum();
            RuleFor(c => c.Shares).InclusiveBetween(1, 1_000_000);
            RuleFor(c => c.AdmittedOn).IsBusinessDate();
            RuleFor(c => c.BoardDecision).NotEmpty().MaximumLength(200);
        }
    }
}

public sealed class AdmitShareholderHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The shareholder's id, and the first subscription's <see cref="ShareMovementRecorded"/>.</summary>
    public async Task<(Guid, OutgoingMessages)> HandleAsync(AdmitShareholder command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var entity = await session.Query<CooperativeEntity>().VisibleTo(user).SingleOrDefaultAsync(e => e.Id == command.EntityId, cancellationToken)
            ?? throw new NotFoundException("Entity", command.EntityId);
        var (name, email, officeId) = (command.Name?.Trim(), command.Email is null ? null : Member.NormalizeEmail(command.Email), (Guid?)null);
        if (command.MemberId is { } memberId)
        {
            var member = await session.Query<Member>().SingleOrDefaultAsync(m => m.Id == memberId && m.EntityId == entity.Id, cancellationToken)
                ?? throw new NotFoundException("Member", memberId);
            BusinessRules.Check(new MemberHoldsOneShareholding(await session.Query<Shareholder>().AnyAsync(s => s.MemberId == memberId, cancellationToken)));
            (name, email, officeId) = (member.DisplayName, member.Email, member.OfficeId);
        }
        var rules = await session.GovernanceRulesOnAsync(entity.Id, command.AdmittedOn, cancellationToken);
        var id = Guid.CreateVersion7();
        var events = Shareholder.Admit(new ShareholderAdmitted(id, entity.Id, command.MemberId, officeId, name!, email!, command.Category, command.AdmittedOn,
            command.BoardDecision.Trim()), command.Shares, rules, clock.Today());
        session.Events.StartStream<Shareholder>(id, events.Cast<object>().ToArray());
        return (id, await session.PublishedMovementsAsync(ShareMovementPublications.AfterEach(events), cancellationToken));
    }

    private sealed record MemberHoldsOneShareholding(bool AlreadyAShareholder) : IBusinessRule
    {
        public bool IsBroken() => AlreadyAShareholder;

        public string Message => "This member is already a shareholder: subscribe more shares instead.";
    }
}

public static class AdmitShareholderEndpoint
{
    [WolverinePost("/api/governance/shareholders", OperationId = "AdmitShareholder"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Records the board's admission of a shareholder in a category with a first subscription of at least the category's minimum (admins).")]
    public static Task<Created<ResourceCreated>> Post(AdmitShareholder command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/governance/shareholders/", ct);
}
