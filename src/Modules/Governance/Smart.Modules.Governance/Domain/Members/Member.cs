using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Offices;

namespace Smart.Modules.Governance.Domain.Members;

public enum LegalForm
{
    Association,
    Company,
    PublicBody,
}

/// <summary>
/// A member of the cooperative: a person working through it, or a legal entity (an employer structure using
/// contract management). Registered in one entity and one of its offices.
/// </summary>
internal sealed class Member : AggregateRoot
{
    private Member()
    {
        Email = null!;
    }

    public MemberKind Kind { get; private set; }

    public string? FirstName { get; private set; }

    public string? LastName { get; private set; }

    public string? LegalName { get; private set; }

    public LegalForm? LegalForm { get; private set; }

    public string Email { get; private set; }

    public Gender? Gender { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    public string DisplayName => Kind == MemberKind.Person ? $"{FirstName} {LastName}" : LegalName!;

    public static Member RegisterPerson(string firstName, string lastName, string email, Gender? gender, DateOnly? birthDate, Office office, DateOnly registeredOn, DateOnly today)
    {
        CheckRule(new RegistrationIsNotInTheFuture(registeredOn, today));
        CheckRule(new MemberIsOfAge(birthDate, registeredOn));
        return new Member
        {
            Id = Guid.CreateVersion7(),
            Kind = MemberKind.Person,
            FirstName = firstName.Trim(),
            LastName = lastName.Trim(),
            Email = NormalizeEmail(email),
            Gender = gender,
            BirthDate = birthDate,
            EntityId = office.EntityId,
            OfficeId = office.Id,
            RegisteredOn = registeredOn,
        };
    }

    public static Member RegisterLegalEntity(string legalName, LegalForm legalForm, string email, Office office, DateOnly registeredOn, DateOnly today)
    {
        CheckRule(new RegistrationIsNotInTheFuture(registeredOn, today));
        return new Member
        {
            Id = Guid.CreateVersion7(),
            Kind = MemberKind.LegalEntity,
            LegalName = legalName.Trim(),
            LegalForm = legalForm,
            Email = NormalizeEmail(email),
            EntityId = office.EntityId,
            OfficeId = office.Id,
            RegisteredOn = registeredOn,
        };
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public MemberRegistered ToMemberRegistered() =>
        new(Id, Kind, DisplayName, Email, EntityId, OfficeId, RegisteredOn, Gender, BirthDate);

    private sealed record RegistrationIsNotInTheFuture(DateOnly RegisteredOn, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => RegisteredOn > Today;

        public string Message => $"A member cannot be registered in the future ({RegisteredOn:yyyy-MM-dd}).";
    }

    /// <summary>Members are employees: they must be at least 16 (the French minimum working age).</summary>
    private sealed record MemberIsOfAge(DateOnly? BirthDate, DateOnly On) : IBusinessRule
    {
        public const int MinimumAge = 16;

        public bool IsBroken() => BirthDate is { } birth && birth.AddYears(MinimumAge) > On;

        public string Message => $"A member must be at least {MinimumAge} years old on the registration date.";
    }
}

/// <summary>A member's e-mail is unique within an entity (it is their login and the address of their payslips).</summary>
internal sealed record MemberEmailIsUniqueInEntity(bool AlreadyUsed, string Email) : IBusinessRule
{
    public bool IsBroken() => AlreadyUsed;

    public string Message => $"A member with e-mail {Email} is already registered in this entity.";
}
