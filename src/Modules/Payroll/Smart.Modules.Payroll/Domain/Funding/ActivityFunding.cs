using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Payroll.Domain.Funding;

/// <summary>
/// An activity invoice as Payroll tracks it for the guarantee fund: what of its payments is money for salaries
/// (<see cref="SalaryShare"/> = net − contribution, out of <see cref="Gross"/> incl. VAT).
/// </summary>
internal sealed class ClientInvoice
{
    private ClientInvoice()
    {
    }

    public ClientInvoice(Guid invoiceId, Guid activityId, decimal gross, decimal salaryShare)
    {
        InvoiceId = invoiceId;
        ActivityId = activityId;
        Gross = gross;
        SalaryShare = salaryShare;
    }

    public Guid InvoiceId { get; private set; }

    public Guid ActivityId { get; private set; }

    public decimal Gross { get; private set; }

    public decimal SalaryShare { get; private set; }

    public decimal Paid { get; private set; }

    public decimal SalaryShareReceived { get; private set; }

    /// <summary>
    /// Records a payment (VAT included) and returns its salary share: in proportion to the gross, rounded to the cent; the
    /// payment that completes the invoice takes exactly what remains, so a fully paid invoice yields its whole share.
    /// </summary>
    public decimal Receive(decimal amount)
    {
        Paid += amount;
        var share = Paid >= Gross ? SalaryShare - SalaryShareReceived : Money.RoundToCents(Gross == 0 ? 0 : amount * SalaryShare / Gross);
        share = Math.Max(0m, Math.Min(share, SalaryShare - SalaryShareReceived));
        SalaryShareReceived += share;
        return share;
    }
}

/// <summary>How a salary cost was funded at the pay run.</summary>
internal sealed record Funding(decimal CoveredByClients, decimal AdvancedByFund);

/// <summary>
/// The guarantee-fund account of an activity (ADR 0033): client money received for salaries, what salaries used of it,
/// and what the fund advanced and has not recovered yet. At a pay run the client money not yet used covers the salary
/// cost first and the fund advances the rest; money received later repays outstanding advances first.
/// </summary>
internal sealed class ActivityFunding : AggregateRoot
{
    private ActivityFunding()
    {
    }

    public static ActivityFunding Open(Guid activityId) => new() { Id = activityId };

    public decimal ClientMoneyReceived { get; private set; }

    public decimal ClientMoneyUsed { get; private set; }

    public decimal AdvancesOutstanding { get; private set; }

    public decimal AdvancedTotal { get; private set; }

    public decimal RecoveredTotal { get; private set; }

    public decimal ClientMoneyAvailable => ClientMoneyReceived - ClientMoneyUsed;

    public Funding FundSalary(decimal employerCost)
    {
        var covered = Math.Min(employerCost, Math.Max(0m, ClientMoneyAvailable));
        var advanced = employerCost - covered;
        ClientMoneyUsed += covered;
        AdvancesOutstanding += advanced;
        AdvancedTotal += advanced;
        return new Funding(covered, advanced);
    }

    /// <summary>Adds client money for salaries; returns what of it repaid outstanding advances.</summary>
    public decimal Receive(decimal salaryShare)
    {
        ClientMoneyReceived += salaryShare;
        var recovered = Math.Min(AdvancesOutstanding, Math.Max(0m, ClientMoneyAvailable));
        ClientMoneyUsed += recovered;
        AdvancesOutstanding -= recovered;
        RecoveredTotal += recovered;
        return recovered;
    }
}
