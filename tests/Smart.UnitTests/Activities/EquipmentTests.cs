using Smart.Modules.Activities.Contracts;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Domain.Financing;

namespace Smart.UnitTests.Activities;

public sealed class EquipmentTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Staff = Guid.NewGuid();
    private static readonly FinancingLimits Limits = new(new DateOnly(2013, 1, 1), maxAdvanceInstalments: 60, maxLeaseMonths: 60);

    private static Activity AnActivity() => Activity.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Studio Lumière", ActivityKind.Audiovisual, 2, new DateOnly(2026, 1, 5));

    private static Equipment Advance(Activity activity, decimal price = 1000.00m, decimal advance = 1000.00m, int instalments = 3, DateOnly? first = null,
        decimal available = 0m, FinancingLimits? limits = null) =>
        Equipment.FinanceByAdvance(activity, available, limits ?? Limits, "Caméra 4K", "Vidéo Pro Lille", new DateOnly(2026, 11, 2), price, advance, instalments,
            first ?? new DateOnly(2026, 12, 2), Staff, Today);

    private static Equipment Lease(Activity activity, decimal monthly = 45.00m, int months = 24, DateOnly? first = null, FinancingLimits? limits = null) =>
        Equipment.Lease(activity, limits ?? Limits, "Photocopieur", "Bureau Leasing", new DateOnly(2026, 11, 2), 990.00m, monthly, months,
            first ?? new DateOnly(2026, 12, 1), Staff, Today);

    private static string Rule(Action act) => Assert.Throws<BusinessRuleViolationException>(act).Rule;

    [Fact]
    public void Given_1000_in_3_Then_333_33_333_33_and_333_34()
    {
        Assert.Equal([333.33m, 333.33m, 333.34m], Equipment.Split(1000.00m, 3));
    }

    [Fact]
    public void Given_1000_in_12_Then_eleven_of_83_33_and_a_last_of_83_37()
    {
        var split = Equipment.Split(1000.00m, 12);

        Assert.Equal(Enumerable.Repeat(83.33m, 11).Append(83.37m), split);
        Assert.Equal(1000.00m, split.Sum());
    }

    [Fact]
    public void Given_200_in_3_Then_the_rounded_up_instalments_leave_a_smaller_last_one_66_67_66_67_66_66()
    {
        Assert.Equal([66.67m, 66.67m, 66.66m], Equipment.Split(200.00m, 3));
    }

    [Fact]
    public void Given_a_purchase_of_1000_with_1000_available_Then_it_books_minus_1000_on_the_purchase_date_and_has_no_schedule()
    {
        var activity = AnActivity();

        var equipment = Equipment.Purchase(activity, 1000.00m, "Table de mixage", "Audio Nord", new DateOnly(2026, 11, 2), 1000.00m, activity.CoordinatorId, Today);

        var entry = Assert.Single(equipment.AcquisitionEntries(Now));
        Assert.Equal((BudgetEntryKind.Purchase, -1000.00m, new DateOnly(2026, 11, 2), BudgetSource.Equipment, equipment.Id),
            (entry.Kind, entry.Amount, entry.Date, entry.Source, entry.SourceId));
        Assert.Empty(equipment.Instalments);
        Assert.Equal((FinancingMode.Purchase, 0m, activity.EntityId, activity.OfficeId), (equipment.Mode, equipment.Outstanding, equipment.EntityId, equipment.OfficeId));
    }

    [Fact]
    public void Given_999_99_available_Then_a_purchase_of_1000_is_refused()
    {
        Assert.Equal("BudgetCoversThePurchase", Rule(() =>
            Equipment.Purchase(AnActivity(), 999.99m, "Table de mixage", "Audio Nord", new DateOnly(2026, 11, 2), 1000.00m, Guid.NewGuid(), Today)));
    }

    [Fact]
    public void Given_an_advance_of_1000_in_3_from_2_December_Then_minus_1000_and_plus_1000_on_the_purchase_date_and_a_monthly_schedule()
    {
        var activity = AnActivity();

        var equipment = Advance(activity);

        var entries = equipment.AcquisitionEntries(Now);
        Assert.Equal([(BudgetEntryKind.Purchase, -1000.00m), (BudgetEntryKind.TreasuryAdvance, 1000.00m)], entries.Select(e => (e.Kind, e.Amount)));
        Assert.All(entries, e => Assert.Equal(new DateOnly(2026, 11, 2), e.Date));
        Assert.Equal(0m, entries.Sum(e => e.Amount));
        Assert.Equal([(1, new DateOnly(2026, 12, 2), 333.33m), (2, new DateOnly(2027, 1, 2), 333.33m), (3, new DateOnly(2027, 2, 2), 333.34m)],
            equipment.Instalments.Select(i => (i.Number, i.DueDate, i.Amount)));
        Assert.Equal((1000.00m, 1000.00m), (equipment.Outstanding, equipment.AdvanceAmount!.Value));
    }

    [Fact]
    public void Given_an_advance_of_600_on_a_1000_purchase_Then_the_400_the_budget_pays_must_be_available()
    {
        Assert.Equal("BudgetCoversThePurchase", Rule(() => Advance(AnActivity(), advance: 600.00m, available: 399.99m)));
        var equipment = Advance(AnActivity(), advance: 600.00m, available: 400.00m);
        Assert.Equal(-400.00m, equipment.AcquisitionEntries(Now).Sum(e => e.Amount));
        Assert.Equal([200.00m, 200.00m, 200.00m], equipment.Instalments.Select(i => i.Amount));
    }

    [Fact]
    public void Given_instalments_booked_Then_each_books_its_amount_on_its_due_date_once()
    {
        var equipment = Advance(AnActivity());

        var first = equipment.BookInstalment(1, Now)!;
        var again = equipment.BookInstalment(1, Now);
        var last = equipment.BookInstalment(3, Now)!;

        Assert.Equal((BudgetEntryKind.AdvanceRepayment, -333.33m, new DateOnly(2026, 12, 2), equipment.Id), (first.Kind, first.Amount, first.Date, first.SourceId));
        Assert.Null(again);
        Assert.Equal((-333.34m, new DateOnly(2027, 2, 2)), (last.Amount, last.Date));
        Assert.Equal(333.33m, equipment.Outstanding);
        Assert.Equal([true, false, true], equipment.Instalments.Select(i => i.IsBooked));
        Assert.Throws<NotFoundException>(() => equipment.BookInstalment(4, Now));
    }

    [Fact]
    public void Given_1000_in_3_with_the_first_booked_When_repaid_early_Then_one_entry_of_minus_666_67_today_and_no_instalment_is_booked_again()
    {
        var equipment = Advance(AnActivity());
        equipment.BookInstalment(1, Now);

        var repayment = equipment.RepayEarly(available: 0m, Today, Now);

        Assert.Equal((BudgetEntryKind.AdvanceEarlyRepayment, -666.67m, Today, equipment.Id), (repayment.Kind, repayment.Amount, repayment.Date, repayment.SourceId));
        Assert.Equal(0m, equipment.Outstanding);
        Assert.Null(equipment.BookInstalment(2, Now));
        Assert.Null(equipment.BookInstalment(3, Now));
        Assert.Equal("SomethingIsLeftToRepay", Rule(() => equipment.RepayEarly(0m, Today, Now)));
    }

    [Fact]
    public void Given_a_lease_or_a_budget_short_of_one_cent_Then_no_early_repayment_and_nothing_marked()
    {
        var advance = Advance(AnActivity());

        Assert.Equal("OnlyAnAdvanceIsRepaidEarly", Rule(() => Lease(AnActivity()).RepayEarly(10_000m, Today, Now)));
        Assert.Equal("BudgetCoversTheRepayment", Rule(() => advance.RepayEarly(-0.01m, Today, Now)));
        Assert.Equal(1000.00m, advance.Outstanding);
    }

    [Fact]
    public void Given_a_lease_of_45_over_24_months_Then_24_deductions_of_45_adding_up_to_1080_and_nothing_booked_at_once()
    {
        var equipment = Lease(AnActivity());

        Assert.Empty(equipment.AcquisitionEntries(Now));
        Assert.Equal(24, equipment.Instalments.Count);
        Assert.All(equipment.Instalments, i => Assert.Equal(45.00m, i.Amount));
        Assert.Equal(1080.00m, equipment.Outstanding);
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2028, 11, 1)), (equipment.Instalments[0].DueDate, equipment.Instalments[^1].DueDate));
        var deduction = equipment.BookInstalment(24, Now)!;
        Assert.Equal((BudgetEntryKind.LeaseInstalment, -45.00m, new DateOnly(2028, 11, 1)), (deduction.Kind, deduction.Amount, deduction.Date));
    }

    [Fact]
    public void Given_a_first_due_date_on_31_January_Then_later_ones_fall_on_the_last_day_of_shorter_months()
    {
        var equipment = Lease(AnActivity(), months: 3, first: new DateOnly(2027, 1, 31));

        Assert.Equal([new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 31)], equipment.Instalments.Select(i => i.DueDate));
    }

    [Fact]
    public void Given_the_limits_in_force_Then_61_instalments_or_months_are_refused_and_60_accepted()
    {
        Assert.Equal("MonthsAreWithinTheLimit", Rule(() => Advance(AnActivity(), instalments: 61)));
        Assert.Equal("MonthsAreWithinTheLimit", Rule(() => Lease(AnActivity(), months: 61)));
        Assert.Equal("MonthsAreWithinTheLimit", Rule(() => Lease(AnActivity(), months: 0)));
        Assert.Equal(60, Advance(AnActivity(), instalments: 60).Instalments.Count);
        var stricter = new FinancingLimits(new DateOnly(2027, 1, 1), maxAdvanceInstalments: 36, maxLeaseMonths: 48);
        Assert.Equal("MonthsAreWithinTheLimit", Rule(() => Advance(AnActivity(), instalments: 37, limits: stricter)));
        Assert.Equal("MonthsAreWithinTheLimit", Rule(() => Lease(AnActivity(), months: 49, limits: stricter)));
    }

    [Fact]
    public void Given_inconsistent_terms_Then_the_rule_that_breaks_is_named()
    {
        Assert.Equal("AdvanceIsWithinThePrice", Rule(() => Advance(AnActivity(), advance: 1000.01m)));
        Assert.Equal("ScheduleStartsOnOrAfterThePurchase", Rule(() => Advance(AnActivity(), first: new DateOnly(2026, 11, 1))));
        Assert.Equal("EveryInstalmentIsPositive", Rule(() => Advance(AnActivity(), price: 0.59m, advance: 0.59m, instalments: 60)));
        Assert.Equal("PurchaseIsNotPostDated", Rule(() =>
            Equipment.Purchase(AnActivity(), 5000m, "Micro", "Audio Nord", Today.AddDays(1), 100.00m, Guid.NewGuid(), Today)));
    }

    [Fact]
    public void Given_a_closed_activity_Then_no_equipment_is_recorded()
    {
        var activity = AnActivity();
        activity.Close(0m, 0m, 0m, Today);

        Assert.Equal("ActivityIsOpen", Rule(() => Advance(activity)));
        Assert.Equal("ActivityIsOpen", Rule(() => Lease(activity)));
    }

    [Fact]
    public void Given_instalments_still_to_repay_Then_the_activity_does_not_close()
    {
        var activity = AnActivity();

        Assert.Equal("NoInstalmentIsOutstanding", Rule(() => activity.Close(0m, 0m, 1080.00m, Today)));
        Assert.Equal(ActivityStatus.Open, activity.Status);
    }
}
