using Smart.BuildingBlocks.Domain;

namespace Smart.Modules.Payroll.Domain.Gdc;

/// <summary>
/// The contract-management fee in force from a date, platform-wide: a share of the gross payroll mass excl. VAT that
/// feeds the guarantee fund (2 %), a share that runs the service (4.5 %), VAT on the fee only (20 %), and the
/// employer's payment terms. Installed with the module (<see cref="Rates.PayrollConfiguration"/>); a change is a new row, never an edit.
/// </summary>
internal sealed class GdcFeeRates : IEffectiveDated
{
    private GdcFeeRates()
    {
    }

    public GdcFeeRates(DateOnly effectiveFrom, decimal guaranteeFundRate, decimal serviceRate, decimal vatRate, int paymentTermsDays)
    {
        EffectiveFrom = effectiveFrom;
        GuaranteeFundRate = guaranteeFundRate;
        ServiceRate = serviceRate;
        VatRate = vatRate;
        PaymentTermsDays = paymentTermsDays;
    }

    public DateOnly EffectiveFrom { get; private set; }

    public decimal GuaranteeFundRate { get; private set; }

    public decimal ServiceRate { get; private set; }

    public decimal VatRate { get; private set; }

    public int PaymentTermsDays { get; private set; }

    public decimal FeeRate => GuaranteeFundRate + ServiceRate;
}
