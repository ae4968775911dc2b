using Smart.Modules.Activities.Contracts;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.Financing;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Salaries;

namespace Smart.UnitTests.Activities;

public sealed class SalaryRequestTests
{
    private static readonly Guid SmartFr = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly Activity _activity = Activity.Open(Guid.NewGuid(), SmartFr, Guid.NewGuid(), "Trio Lumière", ActivityKind.LivePerformance, 1, new DateOnly(2026, 1, 5));

    private SalaryRequest Request(SalaryBudget budget, decimal employmentBudget, decimal? days = 1, decimal? hours = null, DateOnly? workEnd = null) =>
        SalaryRequest.Request(_activity, budget, employmentBudget, SalaryContractKind.Cddu, SalaryCategory.Artistic, new DateOnly(2026, 3, 10),
            workEnd ?? new DateOnly(2026, 3, 10), days, hours, "Musician", Today);

    /// <summary>A 1,000.00 invoice at SmartFr's 10 %: 900.00 left once the contribution is taken.</summary>
    private Invoice UnpaidInvoice()
    {
        var client = Client.Register(SmartFr, "Théâtre du Nord", "fr", ClientLegalForm.PublicBody, null,
            new BillingAddress("4 place du Général de Gaulle", null, "59000", "Lille", "fr"), "compta@theatre.example", ClientTypology.PublicBody, 30);
        return Invoice.Issue(new LegalNumber(DocumentKind.Invoice.Prefix(), 2026, 1), _activity, client, [new InvoiceLine("Concert", 1, 1000.00m, 0.20m)], Today, 0.10m, null);
    }

    [Fact]
    public void Given_a_balance_of_900_and_a_pending_request_of_800_Then_100_is_available_and_a_second_request_of_200_is_refused()
    {
        var first = Request(SalaryBudget.From(900.00m, [], [], [], guaranteeFundAdvanceAllowed: false), 800.00m);

        var budget = SalaryBudget.From(900.00m, [first], [], [], guaranteeFundAdvanceAllowed: false);
        var refused = Assert.Throws<BusinessRuleViolationException>(() => Request(budget, 200.00m));

        Assert.Equal((800.00m, 100.00m), (budget.Committed, budget.Available));
        Assert.False(first.GuaranteeFundAdvance);
        Assert.Equal(SalaryRequestStatus.Pending, first.Status);
        Assert.Equal("SalaryBudgetIsAvailable", refused.Rule);
    }

    [Fact]
    public void Given_a_balance_of_900_and_an_advance_of_300_still_to_repay_Then_600_is_available_a_request_of_700_is_refused_and_booking_an_instalment_changes_nothing()
    {
        var advance = Equipment.FinanceByAdvance(_activity, 900.00m, new FinancingLimits(new DateOnly(2013, 1, 1), 60, 60), "Ampli", "Audio Nord", Today,
            300.00m, 300.00m, 3, new DateOnly(2026, 4, 2), Guid.NewGuid(), Today);

        var budget = SalaryBudget.From(900.00m, [], [advance], [], guaranteeFundAdvanceAllowed: false);
        var refused = Assert.Throws<BusinessRuleViolationException>(() => Request(budget, 700.00m));
        var repayment = advance.BookInstalment(1, Now)!;
        var afterRepayment = SalaryBudget.From(900.00m + repayment.Amount, [], [advance], [], guaranteeFundAdvanceAllowed: false);

        Assert.Equal((300.00m, 600.00m), (budget.OutstandingInstalments, budget.Available));
        Assert.Equal("SalaryBudgetIsAvailable", refused.Rule);
        Assert.Equal((-100.00m, 800.00m, 200.00m, 600.00m), (repayment.Amount, afterRepayment.Balance, afterRepayment.OutstandingInstalments, afterRepayment.Available));
        Assert.Equal(SalaryRequestStatus.Pending, Request(budget, 600.00m).Status);
    }

    [Fact]
    public void Given_the_guarantee_fund_allowed_and_900_of_unpaid_revenue_Then_the_100_shortfall_of_a_200_request_is_advanced()
    {
        var invoice = UnpaidInvoice();
        var first = Request(SalaryBudget.From(900.00m, [], [], [invoice], guaranteeFundAdvanceAllowed: true), 800.00m);
        var budget = SalaryBudget.From(900.00m, [first], [], [invoice], guaranteeFundAdvanceAllowed: true);

        var second = Request(budget, 200.00m);

        Assert.Equal(900.00m, budget.UnpaidRevenue);
        Assert.True(second.GuaranteeFundAdvance);
        Assert.False(first.GuaranteeFundAdvance);
    }

    [Fact]
    public void Given_the_guarantee_fund_allowed_but_a_shortfall_above_the_unpaid_revenue_Then_the_request_is_refused()
    {
        var invoice = UnpaidInvoice();
        var budget = SalaryBudget.From(900.00m, [], [], [invoice], guaranteeFundAdvanceAllowed: true);

        Assert.Equal("SalaryBudgetIsAvailable", Assert.Throws<BusinessRuleViolationException>(() => Request(budget, 1800.01m)).Rule);
        Assert.True(Request(budget, 1800.00m).GuaranteeFundAdvance);
    }

    [Fact]
    public void Given_a_paid_or_written_off_invoice_Then_it_no_longer_backs_an_advance()
    {
        var paid = UnpaidInvoice();
        var partlyPaid = UnpaidInvoice();
        var writtenOff = UnpaidInvoice();

        paid.MarkPaid(1200.00m, new DateOnly(2026, 4, 1));
        partlyPaid.MarkPaid(600.00m, new DateOnly(2026, 4, 1));
        writtenOff.MarkWrittenOff(new DateOnly(2026, 9, 1));

        Assert.Equal((false, true, false), (paid.IsUnpaid, partlyPaid.IsUnpaid, writtenOff.IsUnpaid));
        Assert.Equal(900.00m, SalaryBudget.From(0m, [], [], [paid, partlyPaid, writtenOff], true).UnpaidRevenue);
        Assert.Throws<BusinessRuleViolationException>(() => paid.MarkPaid(0m, new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void Given_a_rejected_request_Then_its_commitment_is_freed_and_200_fits_again()
    {
        var first = Request(SalaryBudget.From(900.00m, [], [], [], false), 800.00m);

        first.Reject("Contract would be retroactive");
        var budget = SalaryBudget.From(900.00m, [first], [], [], false);

        Assert.Equal((SalaryRequestStatus.Rejected, "Contract would be retroactive"), (first.Status, first.RejectionReason));
        Assert.Equal((0m, 900.00m), (budget.Committed, budget.Available));
        Assert.False(Request(budget, 200.00m).GuaranteeFundAdvance);
    }

    [Fact]
    public void Given_a_payslip_with_an_employer_cost_of_800_Then_minus_800_is_booked_once_on_the_pay_date_and_the_commitment_ends()
    {
        var request = Request(SalaryBudget.From(900.00m, [], [], [], false), 800.00m);
        var payslip = Guid.NewGuid();

        var entries = request.Book(payslip, new DateOnly(2026, 3, 17), 800.00m, Now);
        var again = request.Book(payslip, new DateOnly(2026, 3, 17), 800.00m, Now);

        var entry = Assert.Single(entries);
        Assert.Equal((BudgetEntryKind.SalaryCost, -800.00m, BudgetSource.Payslip, payslip, new DateOnly(2026, 3, 17)), (entry.Kind, entry.Amount, entry.Source, entry.SourceId, entry.Date));
        Assert.Empty(again);
        Assert.Equal(SalaryRequestStatus.Booked, request.Status);
        Assert.Equal(0m, SalaryBudget.From(100.00m, [request], [], [], false).Committed);
        Assert.Throws<BusinessRuleViolationException>(() => request.Reject("too late"));
    }

    [Fact]
    public void Given_malformed_terms_Then_each_rule_refuses_them()
    {
        var budget = SalaryBudget.From(900.00m, [], [], [], false);

        Assert.Equal("WorkEndsOnOrAfterItStarts", Assert.Throws<BusinessRuleViolationException>(() => Request(budget, 100m, workEnd: new DateOnly(2026, 3, 9))).Rule);
        Assert.Equal("EmploymentBudgetIsPositive", Assert.Throws<BusinessRuleViolationException>(() => Request(budget, 0m)).Rule);
        Assert.Equal("EitherDaysOrHours", Assert.Throws<BusinessRuleViolationException>(() => Request(budget, 100m, days: 1, hours: 8)).Rule);
        Assert.Equal("EitherDaysOrHours", Assert.Throws<BusinessRuleViolationException>(() => Request(budget, 100m, days: null, hours: null)).Rule);
        Assert.Equal(8m, Request(budget, 100m, days: null, hours: 8).Hours);
    }

    [Fact]
    public void Given_a_closed_activity_Then_no_salary_can_be_requested()
    {
        _activity.Close(0m, 0m, 0m, Today);

        Assert.Equal("ActivityIsOpen", Assert.Throws<BusinessRuleViolationException>(() => Request(SalaryBudget.From(900.00m, [], [], [], false), 100m)).Rule);
    }

    [Fact]
    public void Given_800_still_pending_at_Payroll_Then_the_activity_cannot_close_even_at_a_zero_balance()
    {
        Assert.Equal("NoSalaryIsPending", Assert.Throws<BusinessRuleViolationException>(() => _activity.Close(0m, 800.00m, 0m, Today)).Rule);
        Assert.Equal(ActivityStatus.Open, _activity.Status);
    }
}
