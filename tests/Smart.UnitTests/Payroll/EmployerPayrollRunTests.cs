using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Contracts;

namespace Smart.UnitTests.Payroll;

public sealed class EmployerPayrollRunTests
{
    private static readonly DateOnly SignedOn = new(2026, 3, 2);
    private static readonly WorkingTimeLimits Limits = new(new DateOnly(2013, 1, 1), 10m, 48m, 7m, 35m);
    private static readonly MinimumWage Smic = new(new DateOnly(2026, 1, 1), 12.02m);
    private static readonly GdcFeeRates Rates = new(new DateOnly(2015, 1, 1), 0.02m, 0.045m, 0.20m, 7);

    private readonly Mandate _mandate = Mandate.Sign(new EmployerFacts(Guid.NewGuid(), true, Guid.NewGuid(), Guid.NewGuid()), PayslipSheetTests.Treteaux, MandateScope.Complete, SignedOn, false, SignedOn);

    /// <summary>Employer 25 % on the gross and 10 % capped at one ceiling; employee 14 % and 7 % capped.</summary>
    private static IReadOnlyList<CappedLine> Lines() => CappedLine.For(ContributionTable.Create(null, ContractCategory.Artistic, new DateOnly(2026, 1, 1), "Test",
    [
        ("Uncapped", ContributionBase.Gross, 0m, 0.14m, 0.25m),
        ("Capped", ContributionBase.CappedGross, 1m, 0.07m, 0.10m),
    ], versionOnThatDate: false, new DateOnly(2026, 1, 1)), 3_925.00m);

    private GdcContract Contract(decimal gross, decimal expenses = 60.00m, DateOnly? start = null)
    {
        var employee = GdcEmployee.Register(_mandate, _mandate.EmployerId, "Léa", "Martin", new DateOnly(1994, 6, 2), Gender.Female, "294067511204548", 0.05m, SignedOn);
        var day = start ?? new DateOnly(2026, 3, 10);
        return GdcContract.Declare(employee, _mandate, new ContractTerms(ContractKind.Cddu, ContractCategory.Artistic, day, day.AddDays(2), 3m, null, "Comédienne"),
            gross, expenses, SignedOn, Limits, Smic, payDate: day.AddDays(9));
    }

    [Fact]
    public void Given_a_gross_of_1000_and_60_of_expenses_ending_on_12_March_Then_on_19_March_850_is_advanced_under_a_partial_mandate_and_1410_under_a_complete_one()
    {
        var partial = Contract(1_000.00m);
        var complete = Contract(1_000.00m);
        var payslip = partial.Payslip(Lines(), 0.05m); // net 790.00 (750.50 paid + 39.50 tax), contributions 210.00 + 350.00

        var advanced = partial.Advance(payslip, MandateScope.Partial, new DateOnly(2026, 3, 19));
        var again = partial.Advance(payslip, MandateScope.Partial, new DateOnly(2026, 3, 20));

        Assert.Equal(new DateOnly(2026, 3, 19), partial.PayDate);
        Assert.Equal(850.00m, advanced); // 790.00 + 60.00: what the invoice bills before the fee
        Assert.Equal((new DateOnly(2026, 3, 19), advanced), (partial.AdvancedOn, partial.Advanced));
        Assert.Null(again);
        Assert.Equal(1_410.00m, complete.Advance(payslip, MandateScope.Complete, new DateOnly(2026, 3, 19))); // + 210.00 + 350.00
    }

    [Fact]
    public void Given_a_gross_of_1000_Then_the_core_computation_gives_350_employer_210_employee_790_net_and_750_50_paid_after_5_percent_tax()
    {
        var payslip = Contract(1_000.00m).Payslip(Lines(), 0.05m);

        Assert.Equal((1_000.00m, 350.00m, 210.00m, 790.00m), (payslip.Gross, payslip.EmployerContributions, payslip.EmployeeContributions, payslip.Net));
        Assert.Equal((39.50m, 750.50m, 60.00m), (payslip.IncomeTax, payslip.NetPaid, payslip.Expenses));
    }

    [Theory]
    [InlineData(1_234.57)]
    [InlineData(4_321.99)] // above the ceiling
    [InlineData(500.01)]
    public void Given_any_gross_Then_solving_from_its_employer_cost_gives_it_back_to_the_cent(decimal gross) =>
        Assert.Equal(gross, Contract(gross).Payslip(Lines(), 0m).Gross);

    [Fact]
    public void Given_a_below_minimum_wage_gross_or_a_start_before_the_mandate_Then_the_contract_is_refused()
    {
        // 3 days of 7 hours at 12.02 is 252.42.
        Assert.Equal("GrossHourlyRateIsAtLeastTheMinimumWage", Assert.Throws<BusinessRuleViolationException>(() => Contract(252.41m)).Rule);
        Assert.Equal("MandateIsInForce", Assert.Throws<BusinessRuleViolationException>(() => Contract(1_000m, start: new DateOnly(2027, 1, 4))).Rule);
    }

    [Fact]
    public void Given_two_payslips_of_March_Then_the_run_totals_them_and_the_complete_mandate_invoice_adds_contributions_fee_and_VAT()
    {
        var payslips = new[] { Contract(1_000.00m).Payslip(Lines(), 0.05m), Contract(2_000.00m, 0m).Payslip(Lines(), 0m) };

        var run = EmployerPayrollRun.Run(_mandate, _mandate.EmployerId, 2026, 3, payslips, alreadyRun: false, new DateOnly(2026, 4, 1));
        var invoice = EmployerInvoice.Issue(new LegalNumber(EmployerInvoice.Series, 2026, 7), run, Rates, new DateOnly(2026, 4, 1));

        Assert.Equal(new EmployerPayrollTotals(3_000.00m, 2_370.00m, 630.00m, 1_050.00m, 60.00m), run.Totals());
        // Fee 60.00 + 135.00 = 195.00, VAT 39.00; 2,370 + 60 + 630 + 1,050 + 195 + 39 = 4,344.00.
        Assert.Equal(("GDC2026-000007", 195.00m, 39.00m, 4_344.00m, new DateOnly(2026, 4, 8)), (invoice.Number, invoice.Fee, invoice.FeeVat, invoice.Total, invoice.DueDate));
    }

    [Fact]
    public void Given_March_not_over_already_run_empty_or_without_mandate_Then_the_run_is_refused()
    {
        EmployerPayslip[] one = [Contract(1_000.00m).Payslip(Lines(), 0m)];
        var employer = _mandate.EmployerId;

        string Refused(Mandate? mandate, int month, IReadOnlyList<EmployerPayslip> payslips, bool alreadyRun, DateOnly today) =>
            Assert.Throws<BusinessRuleViolationException>(() => EmployerPayrollRun.Run(mandate, employer, 2026, month, payslips, alreadyRun, today)).Rule;

        Assert.Equal("MonthIsOver", Refused(_mandate, 3, one, false, new DateOnly(2026, 3, 31)));
        Assert.Equal("MandateIsInForce", Refused(null, 3, one, false, new DateOnly(2026, 4, 1)));
        Assert.Equal("MandateIsInForce", Refused(_mandate, 2, one, false, new DateOnly(2026, 4, 1))); // signed on 2 March: February is not covered
        Assert.Equal("OneRunPerEmployerAndMonth", Refused(_mandate, 3, one, true, new DateOnly(2026, 4, 1)));
        Assert.Equal("RunHasPayslips", Refused(_mandate, 3, [], false, new DateOnly(2026, 4, 1)));
    }
}
