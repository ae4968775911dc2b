using Smart.BuildingBlocks.Domain;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Contracts;

namespace Smart.UnitTests.Payroll;

public sealed class GdcTests
{
    private static readonly Guid SmartFr = Guid.NewGuid();
    private static readonly EmployerFacts Association = new(Guid.NewGuid(), IsLegalEntity: true, SmartFr, Guid.NewGuid());
    private static readonly PayslipEmployer Identity = PayslipSheetTests.Treteaux;
    private static readonly GdcFeeRates Rates2026 = new(new DateOnly(2020, 1, 1), 0.02m, 0.045m, 0.20m, 7);

    /// <summary>The issue's month: gross 10,000.00, net 7,800.00, contributions 2,200.00 and 4,200.00, expenses 120.00.</summary>
    private static readonly EmployerPayrollTotals Month = new(Gross: 10_000.00m, Net: 7_800.00m, EmployeeContributions: 2_200.00m, EmployerContributions: 4_200.00m,
        Expenses: 120.00m);

    [Fact]
    public void Given_a_partial_mandate_Then_the_invoice_is_net_plus_expenses_plus_a_650_fee_plus_130_VAT_8700()
    {
        var amounts = EmployerInvoiceAmounts.Compute(Month, MandateScope.Partial, Rates2026);

        Assert.Equal((200.00m, 450.00m, 650.00m, 130.00m), (amounts.GuaranteeFundFee, amounts.ServiceFee, amounts.Fee, amounts.FeeVat));
        Assert.Equal((0m, 0m), (amounts.EmployeeContributions, amounts.EmployerContributions));
        Assert.Equal(8_700.00m, amounts.Total);
    }

    [Fact]
    public void Given_a_complete_mandate_Then_the_contributions_are_added_15100_and_VAT_stays_on_the_fee_only()
    {
        var amounts = EmployerInvoiceAmounts.Compute(Month, MandateScope.Complete, Rates2026);

        Assert.Equal((2_200.00m, 4_200.00m, 130.00m), (amounts.EmployeeContributions, amounts.EmployerContributions, amounts.FeeVat));
        Assert.Equal(15_100.00m, amounts.Total);
    }

    [Fact]
    public void Given_a_gross_of_1234_57_Then_each_fee_part_is_rounded_half_even_to_the_cent()
    {
        var amounts = EmployerInvoiceAmounts.Compute(Month with { Gross = 1_234.57m }, MandateScope.Partial, Rates2026);

        // 2 % = 24.6914 → 24.69; 4.5 % = 55.55565 → 55.56; fee 80.25; VAT 20 % = 16.05.
        Assert.Equal((24.69m, 55.56m, 80.25m, 16.05m), (amounts.GuaranteeFundFee, amounts.ServiceFee, amounts.Fee, amounts.FeeVat));
    }

    [Fact]
    public void Given_fee_rates_changed_on_2027_01_01_Then_the_version_in_force_on_the_issue_date_applies()
    {
        var rates2027 = new GdcFeeRates(new DateOnly(2027, 1, 1), 0.025m, 0.045m, 0.20m, 7);

        Assert.Equal(0.065m, new[] { Rates2026, rates2027 }.RequiredOn(new DateOnly(2026, 12, 31), "fee rates").FeeRate);
        Assert.Equal(0.07m, new[] { Rates2026, rates2027 }.RequiredOn(new DateOnly(2027, 1, 1), "fee rates").FeeRate);
        Assert.Throws<BusinessRuleViolationException>(() => new[] { rates2027 }.RequiredOn(new DateOnly(2026, 6, 1), "fee rates"));
    }

    [Fact]
    public void Given_a_mandate_signed_on_2026_03_15_Then_it_runs_to_31_December_and_its_renewal_covers_2027()
    {
        var mandate = Mandate.Sign(Association, Identity, MandateScope.Partial, new DateOnly(2026, 3, 15), mandateForTheYear: false, new DateOnly(2026, 3, 16));

        var renewal = mandate.Renew(MandateScope.Complete, null, new DateOnly(2026, 12, 1), mandateForNextYear: false, new DateOnly(2026, 12, 1));

        Assert.Equal((2026, new DateOnly(2026, 3, 15), new DateOnly(2026, 12, 31)), (mandate.Year, mandate.StartsOn, mandate.EndsOn));
        Assert.Equal((2027, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), MandateScope.Complete, mandate.Id),
            (renewal.Year, renewal.StartsOn, renewal.EndsOn, renewal.Scope, renewal.RenewalOf));
        Assert.Equal(("73282932000074", "73282932000074"), (mandate.Employer!.Siret, renewal.Employer!.Siret));
        Assert.False(mandate.Covers(new DateOnly(2026, 3, 14)));
        Assert.True(mandate.Covers(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Given_a_person_or_a_second_mandate_for_the_year_Then_signing_is_refused()
    {
        var person = Association with { IsLegalEntity = false };
        var today = new DateOnly(2026, 3, 16);

        Assert.Equal("MandateIsGivenByALegalEntity",
            Assert.Throws<BusinessRuleViolationException>(() => Mandate.Sign(person, Identity, MandateScope.Partial, today, false, today)).Rule);
        Assert.Equal("OneMandatePerEmployerAndYear",
            Assert.Throws<BusinessRuleViolationException>(() => Mandate.Sign(Association, Identity, MandateScope.Partial, today, true, today)).Rule);
        Assert.Equal("SignatureIsNotInTheFuture",
            Assert.Throws<BusinessRuleViolationException>(() => Mandate.Sign(Association, Identity, MandateScope.Partial, today.AddDays(1), false, today)).Rule);
    }

    [Fact]
    public void Given_a_2026_mandate_Then_a_renewal_signed_in_2028_or_a_second_renewal_is_refused()
    {
        var mandate = Mandate.Sign(Association, Identity, MandateScope.Partial, new DateOnly(2026, 3, 15), false, new DateOnly(2026, 3, 15));

        Assert.Equal("RenewalIsSignedByTheEndOfTheYearItCovers", Assert.Throws<BusinessRuleViolationException>(() =>
            mandate.Renew(MandateScope.Partial, null, new DateOnly(2028, 1, 2), false, new DateOnly(2028, 1, 2))).Rule);
        Assert.Equal("OneMandatePerEmployerAndYear", Assert.Throws<BusinessRuleViolationException>(() =>
            mandate.Renew(MandateScope.Partial, null, new DateOnly(2026, 12, 1), true, new DateOnly(2026, 12, 1))).Rule);
    }
}
