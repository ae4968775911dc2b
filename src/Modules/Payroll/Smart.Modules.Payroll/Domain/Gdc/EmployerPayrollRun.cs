using Smart.BuildingBlocks.Domain;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Payslips;

namespace Smart.Modules.Payroll.Domain.Gdc;

/// <summary>
/// One payslip of an employer's monthly run: a contract that ended in the month, with every amount. The lines, employer
/// cost, rate, net social, pay date and sheet (what the document prints: ADR 0093) are null on runs stored before them.
/// </summary>
public sealed record EmployerPayslip(
    Guid ContractId,
    Guid EmployeeId,
    decimal Gross,
    decimal EmployeeContributions,
    decimal EmployerContributions,
    decimal Net,
    decimal IncomeTax,
    decimal NetPaid,
    decimal Expenses,
    IReadOnlyList<PayslipLineFigures>? Lines = null,
    decimal? EmployerCost = null,
    decimal? IncomeTaxRate = null,
    decimal? NetSocial = null,
    DateOnly? PayDate = null,
    PayslipSheet? Sheet = null);

/// <summary>
/// An employer's monthly payroll under contract management: a payslip for each of its contracts that ended in the
/// month, run once the month is over, under the mandate in force at the end of the month. The month's invoice is
/// issued from its totals.
/// </summary>
internal sealed class EmployerPayrollRun : AggregateRoot
{
    private readonly List<EmployerPayslip> _payslips = [];

    private EmployerPayrollRun()
    {
    }

    public Guid EmployerId { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid MandateId { get; private set; }

    public MandateScope Scope { get; private set; }

    public int Year { get; private set; }

    public int Month { get; private set; }

    public DateOnly RunOn { get; private set; }

    public IReadOnlyList<EmployerPayslip> Payslips => _payslips;

    public static DateOnly LastDayOf(int year, int month) => new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);

    /// <param name="alreadyRun">Whether the employer's payroll for that month was already run.</param>
    public static EmployerPayrollRun Run(Mandate? mandate, Guid employerId, int year, int month, IReadOnlyList<EmployerPayslip> payslips, bool alreadyRun, DateOnly today)
    {
        var lastDay = LastDayOf(year, month);
        CheckRule(new MonthIsOver(lastDay, today));
        CheckRule(new MandateIsInForce(lastDay, mandate));
        CheckRule(new OneRunPerEmployerAndMonth(year, month, alreadyRun));
        CheckRule(new RunHasPayslips(payslips.Count));
        var run = new EmployerPayrollRun
        {
            Id = Guid.CreateVersion7(),
            EmployerId = employerId,
            EntityId = mandate!.EntityId,
            OfficeId = mandate.OfficeId,
            MandateId = mandate.Id,
            Scope = mandate.Scope,
            Year = year,
            Month = month,
            RunOn = today,
        };
        run._payslips.AddRange(payslips);
        return run;
    }

    public EmployerPayrollTotals Totals() => new(
        _payslips.Sum(p => p.Gross),
        _payslips.Sum(p => p.Net),
        _payslips.Sum(p => p.EmployeeContributions),
        _payslips.Sum(p => p.EmployerContributions),
        _payslips.Sum(p => p.Expenses));

    private sealed record MonthIsOver(DateOnly LastDay, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => Today <= LastDay;

        public string Message => $"The month's payroll runs once the month is over (after {LastDay:yyyy-MM-dd}).";
    }

    private sealed record OneRunPerEmployerAndMonth(int Year, int Month, bool AlreadyRun) : IBusinessRule
    {
        public bool IsBroken() => AlreadyRun;

        public string Message => $"The employer's payroll for {Year}-{Month:D2} was already run.";
    }

    private sealed record RunHasPayslips(int Count) : IBusinessRule
    {
        public bool IsBroken() => Count == 0;

        public string Message => "No contract of the employer ended in that month: there is nothing to pay.";
    }
}
