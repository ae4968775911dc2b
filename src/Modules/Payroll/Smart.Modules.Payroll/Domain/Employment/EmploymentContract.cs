using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Validation;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Rates;

namespace Smart.Modules.Payroll.Domain.Employment;

/// <summary>
/// The terms asked for: dates, days or hours, job. <see cref="TotalHours"/> counts a worked day as the configured hours per
/// worked day when the contract is given in days.
/// </summary>
internal sealed record ContractTerms(ContractKind Kind, ContractCategory Category, DateOnly Start, DateOnly End, decimal? Days, decimal? Hours, string Job)
{
    public int CalendarDays => End.DayNumber - Start.DayNumber + 1;

    /// <summary>Weeks the period touches, counted in blocks of 7 days from the start (a 1-day contract is 1 week).</summary>
    public int Weeks => (CalendarDays + 6) / 7;

    public decimal WorkedDays => Days ?? CalendarDays;

    public decimal TotalHours(WorkingTimeLimits limits) => Hours ?? (Days ?? 0m) * limits.HoursPerWorkedDay;
}

/// <summary>
/// An employment contract concluded from an activity's salary request, declared to the social administration before the
/// work starts. One per salary request. Rules: no retroactive contract (the work starts on or after the declaration
/// date), days within the period, hours per day and per week within the limits, gross hourly rate not below the minimum
/// wage.
/// </summary>
internal sealed class EmploymentContract : AggregateRoot
{
    private EmploymentContract()
    {
        Job = null!;
    }

    public Guid SalaryRequestId { get; private set; }

    public Guid ActivityId { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid MemberId { get; private set; }

    public ContractKind Kind { get; private set; }

    public ContractCategory Category { get; private set; }

    public WorkingTime WorkingTime { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    public decimal? Days { get; private set; }

    public decimal Hours { get; private set; }

    public string Job { get; private set; }

    public decimal EmploymentBudget { get; private set; }

    public DateOnly DeclaredOn { get; private set; }

    /// <summary>The pre-employment declaration's reference, e.g. <c>DPAE2026-000123</c>; set once declared.</summary>
    public string? DeclarationReference { get; private set; }

    /// <summary>
    /// Checks the terms that do not depend on pay (retroactivity, days, working time): the first broken rule throws
    /// <see cref="BusinessRuleViolationException"/>, whose message is the rejection reason.
    /// </summary>
    public static void CheckTerms(ContractTerms terms, DateOnly declaredOn, WorkingTimeLimits limits)
    {
        CheckRule(new ContractIsNotRetroactive(terms.Start, declaredOn));
        CheckRule(new WorkEndsOnOrAfterItStarts(terms.Start, terms.End));
        CheckRule(new DaysFitThePeriod(terms.Days, terms.CalendarDays));
        var hours = terms.TotalHours(limits);
        CheckRule(new HoursPerDayWithinLimit(hours / terms.WorkedDays, limits.MaxHoursPerDay));
        CheckRule(new HoursPerWeekWithinLimit(hours / terms.Weeks, limits.MaxHoursPerWeek));
    }

    /// <summary>Concludes the contract once the gross is known; the terms must have passed <see cref="CheckTerms"/>.</summary>
    public static EmploymentContract Conclude(Guid salaryRequestId, Guid activityId, Guid entityId, Guid officeId, Guid memberId, decimal employmentBudget,
        ContractTerms terms, DateOnly declaredOn, WorkingTimeLimits limits, decimal gross, MinimumWage minimumWage)
    {
        CheckTerms(terms, declaredOn, limits);
        var hours = terms.TotalHours(limits);
        CheckRule(new GrossHourlyRateIsAtLeastTheMinimumWage(gross, hours, minimumWage.HourlyRate));
        return new EmploymentContract
        {
            Id = Guid.CreateVersion7(),
            SalaryRequestId = salaryRequestId,
            ActivityId = activityId,
            EntityId = entityId,
            OfficeId = officeId,
            MemberId = memberId,
            Kind = terms.Kind,
            Category = terms.Category,
            // Part time is weekly hours below the legal full time; it only matters for a CDI, but every contract says it.
            WorkingTime = hours / terms.Weeks >= limits.FullTimeHoursPerWeek ? WorkingTime.FullTime : WorkingTime.PartTime,
            Start = terms.Start,
            End = terms.End,
            Days = terms.Days,
            Hours = hours,
            Job = terms.Job,
            EmploymentBudget = employmentBudget,
            DeclaredOn = declaredOn,
        };
    }

    public DeclarationRequest DeclarationRequest => new(Id, EntityId, MemberId, DeclaredOn, Start);

    public void Declared(string reference) => DeclarationReference = reference;

    /// <summary>What the contract's payslip prints besides its figures; the social security number masked but for its last four characters.</summary>
    public PayslipSheet Sheet(PayslipEmployer? employer, string employeeName, string? classification, string? socialSecurityNumber) =>
        new(employer, employeeName, Job, classification, socialSecurityNumber is null ? null : LegalIdentifiers.MaskSocialSecurityNumber(socialSecurityNumber),
            Kind, Days, Hours);

    /// <param name="gross">The contract's gross pay, solved from its budget (its payslip's).</param>
    public ContractDeclared ToContractDeclared(decimal gross) => new(Id, SalaryRequestId, ActivityId, EntityId, MemberId, Kind, Category,
        WorkingTime == WorkingTime.FullTime, Start, End, Days, Hours, Job,
        DeclarationReference ?? throw new InvalidOperationException("The contract is not declared yet."), DeclaredOn, gross, OfficeId);
}

internal sealed record ContractIsNotRetroactive(DateOnly Start, DateOnly DeclaredOn) : IBusinessRule
{
    public bool IsBroken() => Start < DeclaredOn;

    public string Message => $"The work starts on {Start:yyyy-MM-dd}, before the declaration date {DeclaredOn:yyyy-MM-dd}: no retroactive contract.";
}

internal sealed record WorkEndsOnOrAfterItStarts(DateOnly Start, DateOnly End) : IBusinessRule
{
    public bool IsBroken() => End < Start;

    public string Message => $"The work ends on {End:yyyy-MM-dd}, before it starts on {Start:yyyy-MM-dd}.";
}

internal sealed record DaysFitThePeriod(decimal? Days, int CalendarDays) : IBusinessRule
{
    public bool IsBroken() => Days is { } days && (days <= 0 || days > CalendarDays);

    public string Message => $"{Days} days do not fit in a period of {CalendarDays} calendar days.";
}

internal sealed record HoursPerDayWithinLimit(decimal HoursPerDay, decimal Limit) : IBusinessRule
{
    public bool IsBroken() => HoursPerDay > Limit;

    public string Message => $"{Math.Round(HoursPerDay, 2)} hours a day is above the limit of {Limit} hours a day.";
}

internal sealed record HoursPerWeekWithinLimit(decimal HoursPerWeek, decimal Limit) : IBusinessRule
{
    public bool IsBroken() => HoursPerWeek > Limit;

    public string Message => $"{Math.Round(HoursPerWeek, 2)} hours a week is above the limit of {Limit} hours a week.";
}

internal sealed record GrossHourlyRateIsAtLeastTheMinimumWage(decimal Gross, decimal Hours, decimal MinimumHourlyRate) : IBusinessRule
{
    public decimal HourlyRate => Hours == 0 ? 0 : Gross / Hours;

    public bool IsBroken() => HourlyRate < MinimumHourlyRate;

    public string Message => $"A gross of {Gross:0.00} for {Hours} hours is {Math.Round(HourlyRate, 2):0.00} an hour, below the minimum wage of {MinimumHourlyRate:0.00}.";
}

/// <summary>
/// What a pre-employment declaration states: the contract, the worker (a member, or an employer's employee under a
/// contract-management mandate), the day it is declared and the day the work starts.
/// </summary>
public sealed record DeclarationRequest(Guid ContractId, Guid EntityId, Guid WorkerId, DateOnly DeclaredOn, DateOnly WorkStart);
