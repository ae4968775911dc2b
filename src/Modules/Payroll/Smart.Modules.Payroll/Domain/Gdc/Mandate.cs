using Smart.BuildingBlocks.Domain;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Payslips;

namespace Smart.Modules.Payroll.Domain.Gdc;

/// <summary>
/// An employer structure's contract-management (GDC) mandate for one civil year: the first one runs from its
/// signature to 31 December; each renewal covers the next civil year, 1 January to 31 December. One mandate per
/// employer and year. It records who the employer is in law (name, address, SIRET, APE, collective agreement, URSSAF):
/// the payslips of its employees name the employer structure, not the cooperative (ADR 0093).
/// </summary>
internal sealed class Mandate : AggregateRoot
{
    private Mandate()
    {
    }

    public Guid EmployerId { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public MandateScope Scope { get; private set; }

    public DateOnly SignedOn { get; private set; }

    public int Year { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    /// <summary>The employer structure's legal identity as its employees' payslips print it; null on mandates recorded before it was asked.</summary>
    public PayslipEmployer? Employer { get; private set; }

    /// <summary>The mandate this one renews, if any.</summary>
    public Guid? RenewalOf { get; private set; }

    /// <param name="employer">The employer's copy in Payroll: only a legal entity can give a mandate.</param>
    /// <param name="mandateForTheYear">Whether the employer already has a mandate for that civil year.</param>
    /// <param name="identity">The employer structure's legal identity, checked as input (SIRET and APE keys).</param>
    public static Mandate Sign(EmployerFacts employer, PayslipEmployer identity, MandateScope scope, DateOnly signedOn, bool mandateForTheYear, DateOnly today)
    {
        CheckRule(new MandateIsGivenByALegalEntity(employer.IsLegalEntity));
        CheckRule(new SignatureIsNotInTheFuture(signedOn, today));
        CheckRule(new OneMandatePerEmployerAndYear(signedOn.Year, mandateForTheYear));
        return new Mandate
        {
            Id = Guid.CreateVersion7(),
            EmployerId = employer.MemberId,
            EntityId = employer.EntityId,
            OfficeId = employer.OfficeId,
            Scope = scope,
            SignedOn = signedOn,
            Year = signedOn.Year,
            StartsOn = signedOn,
            EndsOn = new DateOnly(signedOn.Year, 12, 31),
            Employer = identity,
        };
    }

    /// <summary>The mandate for the next civil year, same employer; the scope and the employer's identity may change at renewal (null: kept).</summary>
    public Mandate Renew(MandateScope scope, PayslipEmployer? identity, DateOnly signedOn, bool mandateForNextYear, DateOnly today)
    {
        CheckRule(new SignatureIsNotInTheFuture(signedOn, today));
        CheckRule(new RenewalIsSignedByTheEndOfTheYearItCovers(signedOn, Year + 1));
        CheckRule(new OneMandatePerEmployerAndYear(Year + 1, mandateForNextYear));
        return new Mandate
        {
            Id = Guid.CreateVersion7(),
            EmployerId = EmployerId,
            EntityId = EntityId,
            OfficeId = OfficeId,
            Scope = scope,
            SignedOn = signedOn,
            Year = Year + 1,
            StartsOn = new DateOnly(Year + 1, 1, 1),
            EndsOn = new DateOnly(Year + 1, 12, 31),
            RenewalOf = Id,
            Employer = identity ?? Employer,
        };
    }

    public bool Covers(DateOnly date) => StartsOn <= date && date <= EndsOn;

    private sealed record MandateIsGivenByALegalEntity(bool IsLegalEntity) : IBusinessRule
    {
        public bool IsBroken() => !IsLegalEntity;

        public string Message => "Only an employer structure (a member of legal-entity kind) can give a contract-management mandate.";
    }

    private sealed record SignatureIsNotInTheFuture(DateOnly SignedOn, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => SignedOn > Today;

        public string Message => $"A mandate cannot be signed in the future ({SignedOn:yyyy-MM-dd}).";
    }

    private sealed record RenewalIsSignedByTheEndOfTheYearItCovers(DateOnly SignedOn, int Year) : IBusinessRule
    {
        public bool IsBroken() => SignedOn.Year > Year;

        public string Message => $"A renewal for {Year} must be signed by 31 December {Year}.";
    }

    private sealed record OneMandatePerEmployerAndYear(int Year, bool MandateForTheYear) : IBusinessRule
    {
        public bool IsBroken() => MandateForTheYear;

        public string Message => $"The employer already has a mandate for {Year}.";
    }
}

/// <summary>What a mandate needs to know about the employer (from Payroll's copy of the member).</summary>
internal sealed record EmployerFacts(Guid MemberId, bool IsLegalEntity, Guid EntityId, Guid OfficeId);

/// <summary>A mandate must cover a date (a contract's start, a payroll month) for contract management to act.</summary>
internal sealed record MandateIsInForce(DateOnly Date, Mandate? Mandate) : IBusinessRule
{
    public bool IsBroken() => Mandate is null || !Mandate.Covers(Date);

    public string Message => $"The employer has no contract-management mandate in force on {Date:yyyy-MM-dd}.";
}
