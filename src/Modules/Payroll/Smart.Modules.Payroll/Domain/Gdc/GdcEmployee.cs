using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Payroll.Domain.Gdc;

/// <summary>
/// A person employed by an employer structure under contract management. Not a member of the cooperative: the
/// employer registers them, and only the employer (and staff) see them.
/// </summary>
internal sealed class GdcEmployee : AggregateRoot
{
    private GdcEmployee()
    {
        FirstName = null!;
        LastName = null!;
        SocialSecurityNumber = null!;
    }

    public Guid EmployerId { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public string FirstName { get; private set; }

    public string LastName { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public Gender Gender { get; private set; }

    public string SocialSecurityNumber { get; private set; }

    /// <summary>Income tax withheld at source, a fraction of the net (0.05 = 5 %).</summary>
    public decimal TaxRate { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    public string DisplayName => $"{FirstName} {LastName}";

    /// <param name="mandate">The employer's mandate in force today: an employer without one cannot register employees.</param>
    public static GdcEmployee Register(Mandate? mandate, Guid employerId, string firstName, string lastName, DateOnly birthDate, Gender gender,
        string socialSecurityNumber, decimal taxRate, DateOnly today)
    {
        CheckRule(new MandateIsInForce(today, mandate));
        return new GdcEmployee
        {
            Id = Guid.CreateVersion7(),
            EmployerId = employerId,
            EntityId = mandate!.EntityId,
            OfficeId = mandate.OfficeId,
            FirstName = firstName.Trim(),
            LastName = lastName.Trim(),
            BirthDate = birthDate,
            Gender = gender,
            SocialSecurityNumber = LegalIdentifiers.Compact(socialSecurityNumber),
            TaxRate = taxRate,
            RegisteredOn = today,
        };
    }
}
