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

    public ClientInvoice(Guid invoiceId, Guid activityId, decimal gross, decimal salaryShare, decimal net, DateOnly issueDate)
    {
        InvoiceId = invoiceId;
        ActivityId = activityId;
        Gross = gross;
        SalaryShare = salaryShare;
        Net = net;
        IssueDate = issueDate;
    }

    public Guid InvoiceId { get; private set; }

    public Guid ActivityId { get; private set; }

    public decimal Gross { get; private set; }

    public decimal SalaryShare { get; private set; }

    /// <summary>The revenue excl. VAT, and when it was invoiced: what CDI smoothing compares with its estimate.</summary>
    public decimal Net { get; private set; }

    public DateOnly IssueDate { get; private set; }

    public decimal Paid { get; private set; }

    public decimal SalaryShareReceived { get; private set; }

    /// <summary>When Collections wrote the invoice off; its salary money will not come.</summary>
    public DateOnly? WrittenOffOn { get; private set; }

    public void WriteOff(DateOnly on) => WrittenOffOn = on;

    /// <summary>The salary money still to come from the client.</summary>
    public decimal SalaryShareOutstanding => SalaryShare - SalaryShareReceived;

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

/// <summary>A fact of an activity's guarantee-fund account (ADR 0061): the stream is append-only, the account its sum.</summary>
internal interface IGuaranteeFundEvent;

/// <summary>A pay run funded a payslip's employer cost: client money first, the fund advanced the rest.</summary>
internal sealed record SalaryFunded(Guid PayslipId, DateOnly On, decimal EmployerCost, decimal CoveredByClients, decimal AdvancedByFund) : IGuaranteeFundEvent;

/// <summary>A client payment brought <see cref="SalaryShare"/> for salaries; <see cref="Recovered"/> of it repaid outstanding advances.</summary>
internal sealed record ClientMoneyReceived(Guid InvoiceId, DateOnly On, decimal SalaryShare, decimal Recovered) : IGuaranteeFundEvent;

/// <summary>
/// An invoice was written off: the fund absorbs <see cref="Amount"/> of its outstanding advances, what the invoice's
/// salary share would have repaid. The member's activity is not charged.
/// </summary>
internal sealed record AdvancesWrittenOff(Guid InvoiceId, DateOnly On, decimal Amount) : IGuaranteeFundEvent;

/// <summary>
/// The guarantee-fund account of an activity (ADR 0033, 0061), the projection of its stream: client money received for
/// salaries, what salaries used of it, what the fund advanced and has not recovered yet, and what it bore for invoices
/// written off. At a pay run the client money not yet used covers the salary cost first and the fund advances the rest;
/// money received later repays outstanding advances first. Decisions return the event; <see cref="Absorb"/> adds it up.
/// </summary>
internal sealed class ActivityFunding
{
    private ActivityFunding()
    {
    }

    public static ActivityFunding Open(Guid activityId) => new() { Id = activityId };

    /// <summary>The account as it stands, to decide on without touching the original.</summary>
    public ActivityFunding Copy() => (ActivityFunding)MemberwiseClone();

    /// <summary>The activity's id: the account's stream id.</summary>
    public Guid Id { get; private set; }

    public decimal ClientMoneyReceived { get; private set; }

    public decimal ClientMoneyUsed { get; private set; }

    public decimal AdvancesOutstanding { get; private set; }

    public decimal AdvancedTotal { get; private set; }

    public decimal RecoveredTotal { get; private set; }

    /// <summary>What the fund bore for invoices written off (advances it will never recover).</summary>
    public decimal WrittenOffTotal { get; private set; }

    public decimal ClientMoneyAvailable => ClientMoneyReceived - ClientMoneyUsed;

    public SalaryFunded FundSalary(Guid payslipId, DateOnly on, decimal employerCost)
    {
        var covered = Math.Min(employerCost, Math.Max(0m, ClientMoneyAvailable));
        return new SalaryFunded(payslipId, on, employerCost, covered, employerCost - covered);
    }

    /// <summary>Client money for salaries; what of it repays outstanding advances.</summary>
    public ClientMoneyReceived Receive(Guid invoiceId, DateOnly on, decimal salaryShare) =>
        new(invoiceId, on, salaryShare, Math.Min(AdvancesOutstanding, Math.Max(0m, ClientMoneyAvailable + salaryShare)));

    /// <summary>
    /// An invoice written off with <paramref name="salaryShareLost"/> of salary money never to come: the fund absorbs the
    /// advances that money would have repaid (at most what is outstanding); null when nothing was advanced.
    /// </summary>
    public AdvancesWrittenOff? WriteOff(Guid invoiceId, DateOnly on, decimal salaryShareLost)
    {
        var absorbed = Math.Min(AdvancesOutstanding, Math.Max(0m, salaryShareLost));
        return absorbed > 0 ? new AdvancesWrittenOff(invoiceId, on, absorbed) : null;
    }

    public void Absorb(IGuaranteeFundEvent e)
    {
        switch (e)
        {
            case SalaryFunded funded:
                ClientMoneyUsed += funded.CoveredByClients;
                AdvancesOutstanding += funded.AdvancedByFund;
                AdvancedTotal += funded.AdvancedByFund;
                break;
            case ClientMoneyReceived received:
                ClientMoneyReceived += received.SalaryShare;
                ClientMoneyUsed += received.Recovered;
                AdvancesOutstanding -= received.Recovered;
                RecoveredTotal += received.Recovered;
                break;
            case AdvancesWrittenOff writtenOff:
                AdvancesOutstanding -= writtenOff.Amount;
                WrittenOffTotal += writtenOff.Amount;
                break;
        }
    }
}
