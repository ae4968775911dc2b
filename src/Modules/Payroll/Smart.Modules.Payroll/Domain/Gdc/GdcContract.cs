using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Validation;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Payroll.Domain.Gdc;

/// <summary>
/// A contract of an employer's employee under contract management. Unlike a member's contract the gross is given, not
/// solved from a budget; the same rules apply (no retroactive contract, days and working time within the limits, at
/// least the minimum wage) and the same contribution tables make its payslip. Employer-due expenses advanced (meals,
/// lodging) ride with it onto the employer's invoice. The cooperative advances the net salary and the expenses (and under a
/// complete mandate the contributions) on the entity's pay date for the end of the work (7 days after it at SmartFr); the
/// employer's run of the month the work ends in invoices them back.
/// </summary>
internal sealed class GdcContract : AggregateRoot
{
    private GdcContract()
    {
        Job = null!;
    }

    public Guid EmployerId { get; private set; }

    public Guid EmployeeId { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid MandateId { get; private set; }

    public ContractKind Kind { get; private set; }

    public ContractCategory Category { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    public decimal? Days { get; private set; }

    public decimal Hours { get; private set; }

    public string Job { get; private set; }

    public decimal Gross { get; private set; }

    /// <summary>Employer-due expenses we advance (meals, lodging), billed to the employer at cost.</summary>
    public decimal Expenses { get; private set; }

    public DateOnly DeclaredOn { get; private set; }

    /// <summary>When the net pay and the expenses are advanced to the employee: the entity's pay date for <see cref="End"/>.</summary>
    public DateOnly PayDate { get; private set; }

    /// <summary>The day the cooperative advanced them; null until the pay date.</summary>
    public DateOnly? AdvancedOn { get; private set; }

    /// <summary>What was advanced: net salary + expenses (+ contributions under a complete mandate).</summary>
    public decimal? Advanced { get; private set; }

    /// <summary>The pre-employment declaration's reference: we declare the employer's contracts under either mandate.</summary>
    public string? DeclarationReference { get; private set; }

    /// <summary>The employer's monthly run that paid it; null until then.</summary>
    public Guid? PayrollRunId { get; private set; }

    /// <param name="payDate">The entity's pay date for the end of the work (its pay-out rule in force then).</param>
    public static GdcContract Declare(GdcEmployee employee, Mandate? mandate, ContractTerms terms, decimal gross, decimal expenses, DateOnly today,
        WorkingTimeLimits limits, MinimumWage minimumWage, DateOnly payDate)
    {
        EmploymentContract.CheckTerms(terms, today, limits);
        CheckRule(new MandateIsInForce(terms.Start, mandate));
        var hours = terms.TotalHours(limits);
        CheckRule(new GrossHourlyRateIsAtLeastTheMinimumWage(gross, hours, minimumWage.HourlyRate));
        return new GdcContract
        {
            Id = Guid.CreateVersion7(),
            EmployerId = employee.EmployerId,
            EmployeeId = employee.Id,
            EntityId = employee.EntityId,
            OfficeId = employee.OfficeId,
            MandateId = mandate!.Id,
            Kind = terms.Kind,
            Category = terms.Category,
            Start = terms.Start,
            End = terms.End,
            Days = terms.Days,
            Hours = hours,
            Job = terms.Job,
            Gross = gross,
            Expenses = expenses,
            DeclaredOn = today,
            PayDate = payDate,
        };
    }

    /// <summary>
    /// The payslip of the contract, through the core computation: the employment budget that pays exactly this gross is
    /// its employer cost, so solving the gross from it gives the gross back to the cent.
    /// </summary>
    public EmployerPayslip Payslip(IReadOnlyList<CappedLine> lines, decimal incomeTaxRate)
    {
        var figures = PayFigures.Compute(GrossSolver.Cost(Gross, lines), lines, incomeTaxRate);
        return new EmployerPayslip(Id, EmployeeId, figures.Gross, figures.EmployeeContributions, figures.EmployerContributions, figures.Net, figures.IncomeTax,
            figures.NetPaid, Expenses, figures.Lines, figures.EmployerCost, figures.IncomeTaxRate, figures.NetSocial, PayDate);
    }

    /// <summary>What the contract's payslip prints besides its figures: the employer structure named on its mandate, the employee, the work.</summary>
    public PayslipSheet Sheet(PayslipEmployer? employer, GdcEmployee employee) => new(employer, employee.DisplayName, Job, null,
        LegalIdentifiers.MaskSocialSecurityNumber(employee.SocialSecurityNumber), Kind, Days, Hours);

    public DeclarationRequest DeclarationRequest => new(Id, EntityId, EmployeeId, DeclaredOn, Start);

    /// <summary>The contract as published, with the employee's gender and birth date (the employer's registration of them).</summary>
    public GdcContractDeclared ToDeclared(GdcEmployee employee) => new(Id, EntityId, OfficeId, EmployerId, EmployeeId, GenderOf(employee.Gender),
        employee.BirthDate, Kind, Category, Start, End, Days, Hours, Gross, Expenses, DeclaredOn);

    private static EmployeeGender GenderOf(Gender gender) => gender switch
    {
        Gender.Female => EmployeeGender.Female,
        Gender.Male => EmployeeGender.Male,
        Gender.Other => EmployeeGender.Other,
        _ => EmployeeGender.Undisclosed,
    };

    public void Declared(string reference) => DeclarationReference = reference;

    /// <summary>
    /// Advances the contract's pay on its pay date, once: the net salary (the employee's net paid and the tax withheld
    /// from it, paid over to the tax office), the expenses, and under a complete mandate the employee and employer
    /// contributions too (DESIGN §4) — exactly what the month's invoice bills the employer before the fee. Returns what
    /// was advanced, or null when it was already (a second delivery of the pay-date message changes nothing).
    /// </summary>
    public decimal? Advance(EmployerPayslip payslip, MandateScope scope, DateOnly today)
    {
        if (AdvancedOn is not null)
        {
            return null;
        }
        var contributions = scope == MandateScope.Complete ? payslip.EmployeeContributions + payslip.EmployerContributions : 0m;
        (AdvancedOn, Advanced) = (today, payslip.Net + payslip.Expenses + contributions);
        return Advanced;
    }

    public void PaidBy(Guid payrollRunId) => PayrollRunId = payrollRunId;
}
