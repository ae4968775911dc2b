using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Newcomers;
using Smart.Modules.Governance.Domain.Offices;

namespace Smart.Modules.Governance.Features.Members;

/// <summary>
/// Registers a member in an office (and so in its entity): a person (first and last name) or a legal entity
/// (legal name and form). Publishes <see cref="MemberRegistered"/>.
/// </summary>
public sealed record RegisterMember(
    MemberKind? Kind,
    string? FirstName,
    string? LastName,
    string? LegalName,
    LegalForm? LegalForm,
    string Email,
    Gender? Gender,
    DateOnly? BirthDate,
    Guid OfficeId,
    DateOnly? RegisteredOn)
{
    public static RegisterMember Example => new(MemberKind.Person, "Camille", "Durand", null, null, "camille.durand@example.org",
        Contracts.Gender.Female, new DateOnly(1988, 4, 12), Guid.Parse("0195f1a2-0000-7000-8000-000000000001"), null);

    internal sealed class Validator : AbstractValidator<RegisterMember>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).NotNull().IsInEnum();
            When(c => c.Kind == MemberKind.Person, () =>
            {
                RuleFor(c => c.FirstName).NotEmpty().MaximumLength(100);
                RuleFor(c => c.LastName).NotEmpty().MaximumLength(100);
                RuleFor(c => c.LegalName).Empty().WithMessage("A person has no legal name.");
                RuleFor(c => c.LegalForm).Null().WithMessage("A person has no legal form.");
            });
            When(c => c.Kind == MemberKind.LegalEntity, () =>
            {
                RuleFor(c => c.LegalName).NotEmpty().MaximumLength(200);
                RuleFor(c => c.LegalForm).NotNull().IsInEnum();
                RuleFor(c => c.FirstName).Empty().WithMessage("A legal entity has no first name.");
                RuleFor(c => c.LastName).Empty().WithMessage("A legal entity has no last name.");
                RuleFor(c => c.Gender).Null().WithMessage("A legal entity has no gender.");
                RuleFor(c => c.BirthDate).Null().WithMessage("A legal entity has no birth date.");
            });
            RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress();
            RuleFor(c => c.Gender).IsInEnum();
            RuleFor(c => c.BirthDate).GreaterThan(new DateOnly(1900, 1, 1));
            RuleFor(c => c.OfficeId).NotEmpty();
        }
    }
}

public sealed class RegisterMemberHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The new member's id for the caller, and the event for Wolverine to publish in the session's transaction.</summary>
    public async Task<(Guid, MemberRegistered)> HandleAsync(RegisterMember command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var office = await session.Query<Office>().VisibleTo(user).SingleOrDefaultAsync(o => o.Id == command.OfficeId, cancellationToken)
            ?? throw new NotFoundException("Office", command.OfficeId);
        var email = Member.NormalizeEmail(command.Email);
        BusinessRules.Check(new MemberEmailIsUniqueInEntity(
            await session.Query<Member>().AnyAsync(m => m.EntityId == office.EntityId && m.Email == email, cancellationToken), email));

        var today = clock.Today();
        var registeredOn = command.RegisteredOn ?? today;
        var member = command.Kind == MemberKind.Person
            ? Member.RegisterPerson(command.FirstName!, command.LastName!, email, command.Gender, command.BirthDate, office, registeredOn, today)
            : Member.RegisterLegalEntity(command.LegalName!, command.LegalForm!.Value, email, office, registeredOn, today);
        session.Insert(member);
        // Opened here, in the registration's transaction, rather than by a handler of MemberRegistered.
        session.Insert(WelcomePath.Open(member.Id, member.EntityId, member.OfficeId, member.RegisteredOn));
        return (member.Id, member.ToMemberRegistered());
    }
}

public static class RegisterMemberEndpoint
{
    [WolverinePost("/api/governance/members", OperationId = "RegisterMember"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Registers a member (person or legal entity) in an office of the admin's entity.")]
    public static Task<Created<ResourceCreated>> Post(RegisterMember command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/governance/members/", ct);
}
