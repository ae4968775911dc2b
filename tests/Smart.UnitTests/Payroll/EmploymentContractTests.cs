using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Domain.Funding;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.PayRulesCopy;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.Contracts;

namespace Smart.UnitTests.Payroll;

public sealed class EmploymentContractTests
{
    private static readonly DateOnly DeclaredOn = new(2026, 3, 2);
    private static readonly DateOnly WorkDay = new(2026, 3, 10);
    private static readonly WorkingTimeLimits Limits = new(new DateOnly(2013, 1, 1), 10m, 48m, 7m, 35m);
    private static readonly MinimumWage Smic = new(new DateOnly(2026, 1, 1), 12.02m);

    private static ContractTerms Terms(DateOnly? start = null, DateOnly? end = null, decimal? days = 1m, decimal? hours = null, ContractKind kind = ContractKind.Cddu) =>
        new(kind, ContractCategory.Artistic, start ?? WorkDay, end ?? start ?? WorkDay, days, hours, "Musician");

    private static EmploymentContract Conclude(ContractTerms terms, decimal gross) =>
        EmploymentContract.Conclude(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 800.00m, terms, DeclaredOn, Limits, gross, Smic);

    private static string Broken(Action action) => Assert.Throws<BusinessRuleViolationException>(action).Rule;

    [Fact]
    public void Given_one_day_of_work_after_the_declaration_Then_the_contract_counts_7_hours_part_time()
    {
        var contract = Conclude(Terms(), 608.75m);

        Assert.Equal((7m, WorkingTime.PartTime, DeclaredOn, ContractKind.Cddu), (contract.Hours, contract.WorkingTime, contract.DeclaredOn, contract.Kind));
        contract.Declared("DPAE2026-000001");
        var declared = contract.ToContractDeclared(608.75m);
        Assert.Equal(("DPAE2026-000001", false, 7m, 608.75m, contract.OfficeId), (declared.DeclarationReference, declared.FullTime, declared.Hours, declared.Gross,
            declared.OfficeId));
    }

    [Fact]
    public void Given_a_cdi_of_140_hours_over_four_weeks_Then_35_hours_a_week_is_full_time()
    {
        var contract = Conclude(Terms(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 28), days: null, hours: 140m, kind: ContractKind.Cdi), 2000.00m);

        Assert.Equal(WorkingTime.FullTime, contract.WorkingTime);
    }

    [Fact]
    public void Given_work_starting_before_the_declaration_date_Then_it_is_a_retroactive_contract()
    {
        Assert.Equal(nameof(ContractIsNotRetroactive), Broken(() => Conclude(Terms(start: new DateOnly(2026, 3, 1)), 608.75m)));
        Conclude(Terms(start: DeclaredOn), 608.75m);
    }

    [Fact]
    public void Given_12_hours_in_a_day_or_49_hours_in_a_week_Then_the_working_time_limits_refuse_it()
    {
        Assert.Equal(nameof(HoursPerDayWithinLimit), Broken(() => Conclude(Terms(days: null, hours: 12m), 608.75m)));
        Assert.Equal(nameof(HoursPerWeekWithinLimit), Broken(() => Conclude(Terms(end: WorkDay.AddDays(6), days: 7m), 2000.00m)));
        Conclude(Terms(days: null, hours: 10m), 608.75m);
        Conclude(Terms(end: WorkDay.AddDays(5), days: 6m), 2000.00m);
    }

    [Fact]
    public void Given_more_days_than_the_period_has_Then_it_is_refused()
    {
        Assert.Equal(nameof(DaysFitThePeriod), Broken(() => Conclude(Terms(days: 2m), 608.75m)));
    }

    [Fact]
    public void Given_a_gross_of_84_for_7_hours_Then_12_00_an_hour_is_below_the_minimum_wage_of_12_02()
    {
        Assert.Equal(nameof(GrossHourlyRateIsAtLeastTheMinimumWage), Broken(() => Conclude(Terms(), 84.00m)));
        Conclude(Terms(), 84.14m);
    }

    [Theory]
    [InlineData(PayoutRuleKind.DaysAfterEndOfWork, 7, "2026-03-10", "2026-03-17")]
    [InlineData(PayoutRuleKind.DayOfFollowingMonth, 10, "2026-03-31", "2026-04-10")]
    [InlineData(PayoutRuleKind.EndOfMonth, 0, "2026-02-10", "2026-02-28")]
    public void Given_the_entitys_payout_rule_Then_the_pay_date_follows_it(PayoutRuleKind rule, int day, string endOfWork, string payDate)
    {
        var rules = PayRules.From(new EntitySettingsChanged(Guid.NewGuid(), "SmartFr", new DateOnly(2013, 1, 1), 0.10m, rule, day, 0.20m, true));

        Assert.Equal(DateOnly.Parse(payDate), rules.PayDateFor(DateOnly.Parse(endOfWork)));
    }

    [Fact]
    public void Given_no_client_money_Then_the_fund_advances_800_and_a_payment_of_1200_incl_vat_recovers_it_leaving_100()
    {
        var account = ActivityFunding.Open(Guid.NewGuid());
        var invoice = new ClientInvoice(Guid.NewGuid(), account.Id, gross: 1200.00m, salaryShare: 900.00m, net: 1000.00m, new DateOnly(2026, 3, 2));
        T Absorbed<T>(T e) where T : IGuaranteeFundEvent
        {
            account.Absorb(e);
            return e;
        }

        var funding = Absorbed(account.FundSalary(Guid.NewGuid(), new DateOnly(2026, 3, 17), 800.00m));
        var half = Absorbed(account.Receive(invoice.InvoiceId, new DateOnly(2026, 4, 1), invoice.Receive(600.00m)));
        var rest = Absorbed(account.Receive(invoice.InvoiceId, new DateOnly(2026, 4, 2), invoice.Receive(600.00m)));

        Assert.Equal((0m, 800.00m), (funding.CoveredByClients, funding.AdvancedByFund));
        Assert.Equal((450.00m, 450.00m, 450.00m, 350.00m), (half.SalaryShare, half.Recovered, rest.SalaryShare, rest.Recovered));
        Assert.Equal((0m, 800.00m, 100.00m), (account.AdvancesOutstanding, account.RecoveredTotal, account.ClientMoneyAvailable));
        var next = account.FundSalary(Guid.NewGuid(), new DateOnly(2026, 4, 17), 150.00m);
        Assert.Equal((100.00m, 50.00m), (next.CoveredByClients, next.AdvancedByFund));
    }

    [Fact]
    public void Given_350_still_advanced_When_an_invoice_with_450_of_salary_money_unpaid_is_written_off_Then_the_fund_absorbs_the_350()
    {
        var account = ActivityFunding.Open(Guid.NewGuid());
        account.Absorb(account.FundSalary(Guid.NewGuid(), new DateOnly(2026, 3, 17), 800.00m));
        account.Absorb(account.Receive(Guid.NewGuid(), new DateOnly(2026, 3, 20), 450.00m));

        var writtenOff = account.WriteOff(Guid.NewGuid(), new DateOnly(2026, 5, 1), 450.00m);
        account.Absorb(writtenOff!);

        Assert.Equal(350.00m, writtenOff!.Amount);
        Assert.Equal((0m, 350.00m), (account.AdvancesOutstanding, account.WrittenOffTotal));
        Assert.Null(account.WriteOff(Guid.NewGuid(), new DateOnly(2026, 5, 2), 900.00m)); // nothing left to absorb
    }

    [Fact]
    public void Given_a_third_of_an_invoice_paid_Then_the_share_is_rounded_and_the_last_payment_takes_what_remains()
    {
        var invoice = new ClientInvoice(Guid.NewGuid(), Guid.NewGuid(), gross: 1000.00m, salaryShare: 750.00m, net: 833.33m, new DateOnly(2026, 3, 2));

        Assert.Equal(250.00m, invoice.Receive(333.33m));
        Assert.Equal(250.00m, invoice.Receive(333.33m));
        Assert.Equal(250.00m, invoice.Receive(333.34m));
        Assert.Equal(750.00m, invoice.SalaryShareReceived);
    }
}
