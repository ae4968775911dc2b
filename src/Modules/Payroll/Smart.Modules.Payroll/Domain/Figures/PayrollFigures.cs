using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Payroll.Domain.Figures;

/// <summary>
/// Work-time conventions in force from a date: the yearly hours of one full-time equivalent (1,607 in France) and the
/// hours of a contract day, to turn a contract given in days into hours and the other way round. Installed with the module (<see cref="Rates.PayrollConfiguration"/>).
/// </summary>
internal sealed class WorkTimeSettings : IEffectiveDated
{
    private WorkTimeSettings()
    {
    }

    public WorkTimeSettings(DateOnly effectiveFrom, decimal fullTimeYearlyHours, decimal hoursPerDay)
    {
        EffectiveFrom = effectiveFrom;
        FullTimeYearlyHours = fullTimeYearlyHours;
        HoursPerDay = hoursPerDay;
    }

    public DateOnly EffectiveFrom { get; private set; }

    public decimal FullTimeYearlyHours { get; private set; }

    public decimal HoursPerDay { get; private set; }

}

/// <summary>A contract as the figures see it: who worked, when, how long. Exactly one of days and hours may be given.</summary>
internal sealed record ContractFacts(Guid ContractId, Guid WorkerId, Gender? Gender, DateOnly? BirthDate, DateOnly WorkStart, decimal? Days, decimal? Hours);

/// <summary>A work accident on a contract: lost time when at least one calendar day was lost.</summary>
internal sealed record AccidentFacts(DateOnly Date, int DaysLost);

public sealed record FigureSplit(string Key, int Contracts, int Workers, decimal Days, decimal Hours);

public sealed record PayrollFiguresResult(
    DateOnly From,
    DateOnly To,
    int Contracts,
    int Workers,
    decimal Days,
    decimal Hours,
    decimal Fte,
    decimal AverageDaysPerContract,
    decimal ContractsPerWorker,
    IReadOnlyList<FigureSplit> ByGender,
    IReadOnlyList<FigureSplit> ByAgeBand,
    int Accidents,
    int AccidentsWithLostTime,
    int DaysLost,
    decimal? FrequencyRate,
    decimal? SeverityRate);

/// <summary>
/// The payroll figures of a period, as the cooperative's annual report shows them. A contract counts in the period
/// its work starts in, whole. A contract in days has days × hours-per-day hours; one in hours has hours ÷ hours-per-day
/// days. FTE = hours ÷ yearly full-time hours. Frequency rate = accidents with lost time × 1,000,000 ÷ hours; severity
/// rate = days lost × 1,000 ÷ hours (none when no hour was worked). Every ratio is rounded half-even to 2 decimals.
/// Workers fall in the gender and age band they had on the first day of the period.
/// </summary>
internal static class PayrollFigures
{
    public static readonly string[] AgeBands = ["<20", "20-30", "30-40", "41-50", "51+", "Unknown"];

    /// <summary>DESIGN.md's bands: under 20, 20 to 29, 30 to 40, 41 to 50, 51 and over.</summary>
    public static string AgeBand(DateOnly? birthDate, DateOnly on)
    {
        if (birthDate is not { } birth) return "Unknown";
        var age = on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);
        return age switch
        {
            < 20 => "<20",
            < 30 => "20-30",
            <= 40 => "30-40",
            <= 50 => "41-50",
            _ => "51+",
        };
    }

    public static PayrollFiguresResult Compute(DateOnly from, DateOnly to, IReadOnlyList<ContractFacts> contracts, IReadOnlyList<AccidentFacts> accidents,
        WorkTimeSettings settings)
    {
        var measured = contracts.Where(c => from <= c.WorkStart && c.WorkStart <= to)
            .Select(c => (Contract: c, Days: c.Days ?? (c.Hours ?? 0m) / settings.HoursPerDay, Hours: c.Hours ?? (c.Days ?? 0m) * settings.HoursPerDay))
            .ToList();
        var days = measured.Sum(m => m.Days);
        var hours = measured.Sum(m => m.Hours);
        var workers = measured.Select(m => m.Contract.WorkerId).Distinct().Count();
        var inPeriod = accidents.Where(a => from <= a.Date && a.Date <= to).ToList();
        var withLostTime = inPeriod.Count(a => a.DaysLost > 0);
        var daysLost = inPeriod.Sum(a => a.DaysLost);

        List<FigureSplit> Split(Func<ContractFacts, string> key, IEnumerable<string> keys) => keys
            .Select(k => measured.Where(m => key(m.Contract) == k).ToList())
            .Zip(keys, (group, k) => new FigureSplit(k, group.Count, group.Select(m => m.Contract.WorkerId).Distinct().Count(),
                Round(group.Sum(m => m.Days)), Round(group.Sum(m => m.Hours))))
            .Where(s => s.Contracts > 0)
            .ToList();

        return new PayrollFiguresResult(
            from,
            to,
            measured.Count,
            workers,
            Round(days),
            Round(hours),
            Round(hours / settings.FullTimeYearlyHours),
            measured.Count == 0 ? 0m : Round(days / measured.Count),
            workers == 0 ? 0m : Round((decimal)measured.Count / workers),
            Split(c => (c.Gender ?? Gender.Undisclosed).ToString(), Enum.GetNames<Gender>()),
            Split(c => AgeBand(c.BirthDate, from), AgeBands),
            inPeriod.Count,
            withLostTime,
            daysLost,
            hours == 0 ? null : Round(withLostTime * 1_000_000m / hours),
            hours == 0 ? null : Round(daysLost * 1_000m / hours));
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.ToEven);
}
