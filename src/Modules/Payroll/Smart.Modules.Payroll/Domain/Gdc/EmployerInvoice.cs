using Smart.BuildingBlocks.Domain;
using Smart.Modules.Payroll.Contracts;

namespace Smart.Modules.Payroll.Domain.Gdc;

/// <summary>What an employer's month of payroll adds up to, from its payslips and the expenses advanced.</summary>
public sealed record EmployerPayrollTotals(decimal Gross, decimal Net, decimal EmployeeContributions, decimal EmployerContributions, decimal Expenses);

/// <summary>
/// The amounts of an employer's monthly invoice. Net salaries and employer-due expenses are always advanced; the
/// employee and employer contributions only under a complete mandate. The fee is a share of the gross payroll mass
/// excl. VAT, in two parts each rounded to the cent (guarantee fund, service); VAT applies to the fee only.
/// </summary>
internal sealed record EmployerInvoiceAmounts(
    decimal NetSalaries,
    decimal Expenses,
    decimal EmployeeContributions,
    decimal EmployerContributions,
    decimal GrossPayroll,
    decimal GuaranteeFundFee,
    decimal ServiceFee,
    decimal FeeVat)
{
    public decimal Fee => GuaranteeFundFee + ServiceFee;

    public decimal Total => NetSalaries + Expenses + EmployeeContributions + EmployerContributions + Fee + FeeVat;

    public static EmployerInvoiceAmounts Compute(EmployerPayrollTotals totals, MandateScope scope, GdcFeeRates rates)
    {
        var guaranteeFund = Money.RoundToCents(totals.Gross * rates.GuaranteeFundRate);
        var service = Money.RoundToCents(totals.Gross * rates.ServiceRate);
        var contributionsAdvanced = scope == MandateScope.Complete;
        return new EmployerInvoiceAmounts(
            totals.Net,
            totals.Expenses,
            contributionsAdvanced ? totals.EmployeeContributions : 0m,
            contributionsAdvanced ? totals.EmployerContributions : 0m,
            totals.Gross,
            guaranteeFund,
            service,
            Money.RoundToCents((guaranteeFund + service) * rates.VatRate));
    }
}

/// <summary>
/// The one monthly invoice of an employer under contract management, issued with the month's payroll run. Immutable
/// once issued; the rates it used are kept on it.
/// </summary>
internal sealed class EmployerInvoice : AggregateRoot
{
    public const string Currency = "EUR";

    /// <summary>The prefix of GDC invoices' legal series (GDC2026-000042).</summary>
    public const string Series = "GDC";

    private EmployerInvoice()
    {
        Number = null!;
    }

    public string Number { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid EmployerId { get; private set; }

    public Guid PayrollRunId { get; private set; }

    public int Year { get; private set; }

    public int Month { get; private set; }

    public MandateScope Scope { get; private set; }

    public DateOnly IssueDate { get; private set; }

    public DateOnly DueDate { get; private set; }

    public decimal GrossPayroll { get; private set; }

    public decimal NetSalaries { get; private set; }

    public decimal Expenses { get; private set; }

    public decimal EmployeeContributions { get; private set; }

    public decimal EmployerContributions { get; private set; }

    public decimal GuaranteeFundRate { get; private set; }

    public decimal ServiceRate { get; private set; }

    public decimal VatRate { get; private set; }

    public decimal GuaranteeFundFee { get; private set; }

    public decimal ServiceFee { get; private set; }

    public decimal FeeVat { get; private set; }

    public decimal Total { get; private set; }

    public static EmployerInvoice Issue(LegalNumber number, EmployerPayrollRun run, GdcFeeRates rates, DateOnly issueDate)
    {
        var amounts = EmployerInvoiceAmounts.Compute(run.Totals(), run.Scope, rates);
        return new EmployerInvoice
        {
            Id = Guid.CreateVersion7(),
            Number = number.ToString(),
            EntityId = run.EntityId,
            OfficeId = run.OfficeId,
            EmployerId = run.EmployerId,
            PayrollRunId = run.Id,
            Year = run.Year,
            Month = run.Month,
            Scope = run.Scope,
            IssueDate = issueDate,
            DueDate = issueDate.AddDays(rates.PaymentTermsDays),
            GrossPayroll = amounts.GrossPayroll,
            NetSalaries = amounts.NetSalaries,
            Expenses = amounts.Expenses,
            EmployeeContributions = amounts.EmployeeContributions,
            EmployerContributions = amounts.EmployerContributions,
            GuaranteeFundRate = rates.GuaranteeFundRate,
            ServiceRate = rates.ServiceRate,
            VatRate = rates.VatRate,
            GuaranteeFundFee = amounts.GuaranteeFundFee,
            ServiceFee = amounts.ServiceFee,
            FeeVat = amounts.FeeVat,
            Total = amounts.Total,
        };
    }

    public decimal Fee => GuaranteeFundFee + ServiceFee;
}
