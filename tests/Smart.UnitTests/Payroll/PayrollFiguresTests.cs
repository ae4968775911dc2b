using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Accidents;
using Smart.Modules.Payroll.Domain.Figures;

namespace Smart.UnitTests.Payroll;

public sealed class PayrollFiguresTests
{
    private static readonly WorkTimeSettings Settings = new(new DateOnly(2020, 1, 1), 1_607m, 7m);
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 31);
    private static readonly Guid Camille = Guid.NewGuid();
    private static readonly Guid Hugo = Guid.NewGuid();

    [Fact]
    public void Given_three_contracts_of_two_workers_in_2026_Then_70_hours_10_days_1_5_contracts_per_worker_split_by_gender_and_age()
    {
        ContractFacts[] contracts =
        [
            new(Guid.NewGuid(), Camille, Gender.Female, new DateOnly(1990, 5, 1), new DateOnly(2026, 1, 5), Days: 5m, Hours: null), // 35 h
            new(Guid.NewGuid(), Camille, Gender.Female, new DateOnly(1990, 5, 1), new DateOnly(2026, 2, 10), Days: null, Hours: 14m), // 2 days
            new(Guid.NewGuid(), Hugo, Gender.Male, new DateOnly(2008, 3, 1), new DateOnly(2026, 6, 1), Days: 3m, Hours: null), // 21 h, 17 on 1 January
            new(Guid.NewGuid(), Guid.NewGuid(), null, null, new DateOnly(2025, 12, 20), Days: 4m, Hours: null), // starts before the period
        ];

        var figures = PayrollFigures.Compute(From, To, contracts, [], Settings);

        Assert.Equal((3, 2, 10m, 70m), (figures.Contracts, figures.Workers, figures.Days, figures.Hours));
        // 70 / 1,607 = 0.0436 → 0.04; 10 / 3 = 3.333 → 3.33; 3 / 2 = 1.5.
        Assert.Equal((0.04m, 3.33m, 1.50m), (figures.Fte, figures.AverageDaysPerContract, figures.ContractsPerWorker));
        Assert.Equal([new FigureSplit("Female", 2, 1, 7m, 49m), new FigureSplit("Male", 1, 1, 3m, 21m)], figures.ByGender);
        Assert.Equal([new FigureSplit("<20", 1, 1, 3m, 21m), new FigureSplit("30-40", 2, 1, 7m, 49m)], figures.ByAgeBand);
        Assert.Equal((0m, 0m), (figures.FrequencyRate!.Value, figures.SeverityRate!.Value));
        Assert.Null(PayrollFigures.Compute(From, To, [], [], Settings).FrequencyRate); // no hour worked: no rate
    }

    [Fact]
    public void Given_2_accidents_with_lost_time_and_30_days_lost_over_160700_hours_Then_frequency_12_45_severity_0_19_and_100_FTE()
    {
        ContractFacts[] contracts = [new(Guid.NewGuid(), Camille, Gender.Female, null, new DateOnly(2026, 1, 5), null, 160_700m)];
        AccidentFacts[] accidents = [new(new DateOnly(2026, 2, 1), 10), new(new DateOnly(2026, 3, 1), 20), new(new DateOnly(2026, 4, 1), 0), new(new DateOnly(2025, 4, 1), 9)];

        var figures = PayrollFigures.Compute(From, To, contracts, accidents, Settings);

        // 2 × 1,000,000 / 160,700 = 12.4455 → 12.45; 30 × 1,000 / 160,700 = 0.1867 → 0.19 (half-even to 2 decimals).
        Assert.Equal((3, 2, 30), (figures.Accidents, figures.AccidentsWithLostTime, figures.DaysLost));
        Assert.Equal((12.45m, 0.19m, 100.00m), (figures.FrequencyRate, figures.SeverityRate, figures.Fte));
    }

    [Theory]
    [InlineData(2007, 1, 2, "<20")] // 18 on 2026-01-01
    [InlineData(2006, 1, 1, "20-30")] // 20
    [InlineData(1996, 1, 2, "20-30")] // 29
    [InlineData(1996, 1, 1, "30-40")] // 30
    [InlineData(1986, 1, 1, "30-40")] // 40
    [InlineData(1985, 1, 1, "41-50")] // 41
    [InlineData(1976, 1, 1, "41-50")] // 50
    [InlineData(1975, 1, 1, "51+")] // 51
    public void Age_bands_follow_DESIGN_on_the_first_day_of_the_period(int year, int month, int day, string band) =>
        Assert.Equal(band, PayrollFigures.AgeBand(new DateOnly(year, month, day), From));

    [Fact]
    public void Given_an_accident_outside_the_contract_or_in_the_future_Then_it_is_refused()
    {
        var contract = new AccidentContract(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Camille, AccidentWorker.Member, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12));
        var today = new DateOnly(2026, 3, 11);

        var accident = WorkAccident.Record(contract, new DateOnly(2026, 3, 10), 4, "Chute d'une échelle pendant le montage", today);

        Assert.Equal((4, true, Camille), (accident.DaysLost, accident.WithLostTime, accident.WorkerId));
        Assert.Equal("AccidentHappensDuringTheContract", Assert.Throws<BusinessRuleViolationException>(() =>
            WorkAccident.Record(contract, new DateOnly(2026, 3, 9), 0, "Avant le contrat", today)).Rule);
        Assert.Equal("AccidentIsNotInTheFuture", Assert.Throws<BusinessRuleViolationException>(() =>
            WorkAccident.Record(contract, new DateOnly(2026, 3, 12), 0, "Demain", today)).Rule);
    }

    [Fact]
    public void Given_an_accident_with_4_days_lost_When_they_become_11_then_11_again_then_0_Then_two_changes_and_the_last_is_without_lost_time()
    {
        var contractId = Guid.NewGuid();
        var contract = new AccidentContract(contractId, Guid.NewGuid(), Guid.NewGuid(), Camille, AccidentWorker.Member, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12));
        var accident = WorkAccident.Record(contract, new DateOnly(2026, 3, 10), 4, " Chute d'une échelle ", new DateOnly(2026, 3, 11));
        var recorded = accident.ToRecorded(AccidentWorker.Member);
        Assert.Equal((AccidentWorker.Member, 4, true), (recorded.Worker, recorded.DaysLost, recorded.WithLostTime));
        Assert.True(accident.IsRepeatOf(new DateOnly(2026, 3, 10), 4, "Chute d'une échelle"));
        Assert.False(accident.IsRepeatOf(new DateOnly(2026, 3, 10), 5, "Chute d'une échelle"));

        var longer = accident.ChangeDaysLost(11, AccidentWorker.Member, new DateOnly(2026, 3, 20))!;
        Assert.Equal((contractId, 4, 11, true, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 20)),
            (longer.ContractId, longer.PreviousDaysLost, longer.DaysLost, longer.WithLostTime, longer.Date, longer.ChangedOn));
        Assert.Null(accident.ChangeDaysLost(11, AccidentWorker.Member, new DateOnly(2026, 3, 21)));
        var corrected = accident.ChangeDaysLost(0, AccidentWorker.Member, new DateOnly(2026, 3, 22))!;
        Assert.Equal((11, 0, false), (corrected.PreviousDaysLost, corrected.DaysLost, corrected.WithLostTime));
    }
}
