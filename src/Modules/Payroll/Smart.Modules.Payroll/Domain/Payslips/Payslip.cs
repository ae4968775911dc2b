using Smart.BuildingBlocks.Domain;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Employment;

namespace Smart.Modules.Payroll.Domain.Payslips;

public enum PayslipStatus
{
    /// <summary>Computed; to be paid on its pay date.</summary>
    Issued,

    /// <summary>Paid by a pay run.</summary>
    Paid,
}

/// <summary>A contribution line as printed on the payslip.</summary>
internal sealed class PayslipLine
{
    private PayslipLine()
    {
        Name = null!;
    }

    public PayslipLine(int position, PayslipLineFigures figures)
    {
        Position = position;
        Name = figures.Name;
        Base = figures.Base;
        EmployeeRate = figures.EmployeeRate;
        EmployeeAmount = figures.EmployeeAmount;
        EmployerRate = figures.EmployerRate;
        EmployerAmount = figures.EmployerAmount;
    }

    public int Position { get; private set; }

    public string Name { get; private set; }

    public decimal Base { get; private set; }

    public decimal EmployeeRate { get; private set; }

    public decimal EmployeeAmount { get; private set; }

    public decimal EmployerRate { get; private set; }

    public decimal EmployerAmount { get; private set; }
}

/// <summary>
/// The payslip of a contract: every figure from the employment budget, fixed at issue, and its payment on the pay date.
/// Paid once: a second pay run finds it paid and does nothing.
/// </summary>
internal sealed class Payslip : AggregateRoot
{
    private readonly List<PayslipLine> _lines = [];

    private Payslip()
    {
        ContributionTable = null!;
    }

    public Guid ContractId { get; private set; }

    public Guid SalaryRequestId { get; private set; }

    public Guid ActivityId { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid MemberId { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public DateOnly PayDate { get; private set; }

    /// <summary>The name of the contribution table applied.</summary>
    public string ContributionTable { get; private set; }

    public decimal PeriodCeiling { get; private set; }

    public decimal EmploymentBudget { get; private set; }

    public decimal Gross { get; private set; }

    public IReadOnlyList<PayslipLine> Lines => _lines;

    public decimal EmployeeContributions { get; private set; }

    public decimal EmployerContributions { get; private set; }

    public decimal EmployerCost { get; private set; }

    public decimal Net { get; private set; }

    public decimal IncomeTaxRate { get; private set; }

    public decimal IncomeTax { get; private set; }

    public decimal NetPaid { get; private set; }

    public PayslipStatus Status { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    /// <summary>The "montant net social" fixed at issue; null on payslips issued before it was stored (ADR 0093).</summary>
    public decimal? NetSocial { get; private set; }

    /// <summary>What the document prints besides the figures, copied at issue; null on payslips issued before (ADR 0093).</summary>
    public PayslipSheet? Sheet { get; private set; }

    /// <summary>What the guarantee fund advanced when it was paid (the part of the employer cost client money did not cover).</summary>
    public decimal? GuaranteeFundAdvance { get; private set; }

    public static Payslip Issue(EmploymentContract contract, PayFigures figures, string contributionTable, decimal periodCeiling, DateOnly issuedOn, DateOnly payDate,
        PayslipSheet sheet)
    {
        var payslip = new Payslip
        {
            Id = Guid.CreateVersion7(),
            ContractId = contract.Id,
            SalaryRequestId = contract.SalaryRequestId,
            ActivityId = contract.ActivityId,
            EntityId = contract.EntityId,
            OfficeId = contract.OfficeId,
            MemberId = contract.MemberId,
            PeriodStart = contract.Start,
            PeriodEnd = contract.End,
            IssuedOn = issuedOn,
            PayDate = payDate,
            ContributionTable = contributionTable,
            PeriodCeiling = periodCeiling,
            EmploymentBudget = figures.EmploymentBudget,
            Gross = figures.Gross,
            EmployeeContributions = figures.EmployeeContributions,
            EmployerContributions = figures.EmployerContributions,
            EmployerCost = figures.EmployerCost,
            Net = figures.Net,
            IncomeTaxRate = figures.IncomeTaxRate,
            IncomeTax = figures.IncomeTax,
            NetPaid = figures.NetPaid,
            NetSocial = figures.NetSocial,
            Sheet = sheet,
            Status = PayslipStatus.Issued,
        };
        payslip._lines.AddRange(figures.Lines.Select((l, i) => new PayslipLine(i + 1, l)));
        return payslip;
    }

    /// <summary>Pays the net on <paramref name="date"/>; <paramref name="advanced"/> is what the guarantee fund put in.</summary>
    public SalaryPaid Pay(DateOnly date, decimal advanced)
    {
        CheckRule(new PayslipIsPaidOnce(Status));
        Status = PayslipStatus.Paid;
        PaidOn = date;
        GuaranteeFundAdvance = advanced;
        return new SalaryPaid(Id, ContractId, ActivityId, MemberId, date, Gross, NetPaid, EmployerCost);
    }

    public PayslipIssued ToPayslipIssued(EmploymentContract contract) =>
        new(Id, SalaryRequestId, ActivityId, MemberId, PayDate, Gross, EmployerCost, EntityId, contract.Kind, contract.Category, PeriodStart);

    private sealed record PayslipIsPaidOnce(PayslipStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status == PayslipStatus.Paid;

        public string Message => "The payslip is already paid.";
    }
}
