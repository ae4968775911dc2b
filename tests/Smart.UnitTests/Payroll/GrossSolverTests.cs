using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Contracts;

namespace Smart.UnitTests.Payroll;

public sealed class GrossSolverTests
{
    private static readonly DateOnly From = new(2026, 1, 1);

    /// <summary>Employer 25 % on the gross and 10 % capped at one ceiling; employee 7 % capped and 14 % on the gross.</summary>
    private static ContributionTable Table() => ContributionTable.Create(null, ContractCategory.Employee, From, "Test",
    [
        ("Uncapped", ContributionBase.Gross, 0m, 0.14m, 0.25m),
        ("Capped", ContributionBase.CappedGross, 1m, 0.07m, 0.10m),
    ], versionOnThatDate: false, From);

    private static IReadOnlyList<CappedLine> Lines(decimal ceiling) => CappedLine.For(Table(), ceiling);

    [Fact]
    public void Given_a_budget_above_the_ceilings_cost_Then_the_gross_is_solved_on_the_second_segment_exactly()
    {
        // Below 3,925.00 the cost is 1.35 G (5,298.75 at the ceiling); above, 1.25 G + 392.50: G = 9,607.50 / 1.25.
        var figures = PayFigures.Compute(10000.00m, Lines(3925.00m), incomeTaxRate: 0.075m);

        Assert.Equal(7686.00m, figures.Gross);
        Assert.Equal((1921.50m, 392.50m), (figures.Lines[0].EmployerAmount, figures.Lines[1].EmployerAmount));
        Assert.Equal((3925.00m, 274.75m), (figures.Lines[1].Base, figures.Lines[1].EmployeeAmount));
        Assert.Equal(10000.00m, figures.EmployerCost);
        Assert.Equal((1076.04m + 274.75m, 6335.21m), (figures.EmployeeContributions, figures.Net));
        Assert.Equal((475.14m, 5860.07m), (figures.IncomeTax, figures.NetPaid));
    }

    [Fact]
    public void Given_a_budget_below_the_ceilings_cost_Then_the_gross_is_on_the_first_segment()
    {
        var figures = PayFigures.Compute(1350.00m, Lines(3925.00m), 0m);

        Assert.Equal((1000.00m, 250.00m, 100.00m, 1350.00m), (figures.Gross, figures.Lines[0].EmployerAmount, figures.Lines[1].EmployerAmount, figures.EmployerCost));
        Assert.Equal((210.00m, 790.00m, 790.00m), (figures.EmployeeContributions, figures.Net, figures.NetPaid));
    }

    [Fact]
    public void Given_a_budget_no_gross_reaches_to_the_cent_Then_the_largest_gross_below_is_taken_and_the_cent_stays_unspent()
    {
        // 740.74 costs 740.74 + 185.18 + 74.07 = 999.99; 740.75 costs 740.75 + 185.19 + 74.08 = 1,000.02.
        var lines = Lines(3925.00m);

        Assert.Equal(740.74m, GrossSolver.Solve(1000.00m, lines));
        Assert.Equal(999.99m, GrossSolver.Cost(740.74m, lines));
        Assert.Equal(1000.02m, GrossSolver.Cost(740.75m, lines));
        Assert.Equal(740.75m, GrossSolver.Solve(1000.02m, lines));
    }

    [Fact]
    public void Given_a_one_day_ceiling_of_220_Then_the_capped_line_stops_at_220()
    {
        // Cost = 1.25 G + 22.00 above 220.00: G = (800.00 − 22.00) / 1.25 = 622.40.
        var figures = PayFigures.Compute(800.00m, Lines(220.00m), 0m);

        Assert.Equal((622.40m, 220.00m, 22.00m, 800.00m), (figures.Gross, figures.Lines[1].Base, figures.Lines[1].EmployerAmount, figures.EmployerCost));
    }

    [Fact]
    public void Given_every_budget_from_100_to_300_Then_the_cost_never_exceeds_the_budget_and_misses_it_by_less_than_the_next_cents_cost()
    {
        var lines = Lines(220.00m);
        for (var budget = 100.00m; budget <= 300.00m; budget += 0.01m)
        {
            var gross = GrossSolver.Solve(budget, lines);
            Assert.True(GrossSolver.Cost(gross, lines) <= budget, $"{budget}");
            Assert.True(GrossSolver.Cost(gross + 0.01m, lines) > budget, $"{budget}");
        }
    }

    [Fact]
    public void Given_the_social_security_ceiling_of_2026_Then_a_period_is_capped_by_days_hours_and_months()
    {
        var ceiling = new SocialSecurityCeiling(From, 4005.00m, 220.00m, 30.00m);

        Assert.Equal(220.00m, ceiling.ForPeriod(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10), 1m, 7m));
        Assert.Equal(240.00m, ceiling.ForPeriod(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10), null, 8m));
        Assert.Equal(4005.00m, ceiling.ForPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 22m, 154m));
        Assert.Equal(4840.00m, ceiling.ForPeriod(new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 30), 22m, 154m));
    }
}
