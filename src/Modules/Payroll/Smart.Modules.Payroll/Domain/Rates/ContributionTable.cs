using Smart.BuildingBlocks.Domain;
using Smart.Modules.Payroll.Contracts;

namespace Smart.Modules.Payroll.Domain.Rates;

/// <summary>What a contribution line applies its rates to.</summary>
public enum ContributionBase
{
    /// <summary>The whole gross salary.</summary>
    Gross,

    /// <summary>The gross salary up to the line's ceiling (the social-security ceiling of the period × the line's multiple).</summary>
    CappedGross,
}

/// <summary>
/// One contribution of a table: its rates apply to the gross, or to the gross capped at <see cref="CeilingMultiple"/>
/// times the social-security ceiling of the pay period (e.g. unemployment insurance: 4 × the ceiling).
/// </summary>
internal sealed class ContributionLine
{
    private ContributionLine()
    {
        Name = null!;
    }

    public ContributionLine(int position, string name, ContributionBase @base, decimal ceilingMultiple, decimal employeeRate, decimal employerRate)
    {
        Position = position;
        Name = name;
        Base = @base;
        CeilingMultiple = @base == ContributionBase.CappedGross ? ceilingMultiple : 0m;
        EmployeeRate = employeeRate;
        EmployerRate = employerRate;
    }

    public int Position { get; private set; }

    public string Name { get; private set; }

    public ContributionBase Base { get; private set; }

    /// <summary>For a capped line, how many social-security ceilings it is capped at; 0 for an uncapped line.</summary>
    public decimal CeilingMultiple { get; private set; }

    public decimal EmployeeRate { get; private set; }

    public decimal EmployerRate { get; private set; }

    /// <summary>The line's cap in euros for a period whose social-security ceiling is <paramref name="periodCeiling"/>; null if uncapped.</summary>
    public decimal? CapFor(decimal periodCeiling) => Base == ContributionBase.CappedGross ? Money.RoundToCents(periodCeiling * CeilingMultiple) : null;
}

/// <summary>
/// The contribution rates of an entity (or of every entity when <see cref="EntityId"/> is null: the group default) for
/// one contract category, in force from <see cref="EffectiveFrom"/> until the next version. Data, not code: installed with the
/// module (<see cref="PayrollConfiguration"/>), new versions added by an administrator from a date.
/// </summary>
internal sealed class ContributionTable : IEffectiveDated
{
    private readonly List<ContributionLine> _lines = [];

    private ContributionTable()
    {
        Name = null!;
    }

    public Guid Id { get; private set; }

    public Guid? EntityId { get; private set; }

    public ContractCategory Category { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public string Name { get; private set; }

    public IReadOnlyList<ContributionLine> Lines => _lines;

    public decimal TotalEmployeeRate => _lines.Sum(l => l.EmployeeRate);

    public decimal TotalEmployerRate => _lines.Sum(l => l.EmployerRate);

    /// <summary>A new version from <paramref name="effectiveFrom"/>, never before <paramref name="today"/>: payslips already issued keep their rates.</summary>
    public static ContributionTable Create(Guid? entityId, ContractCategory category, DateOnly effectiveFrom, string name,
        IEnumerable<(string Name, ContributionBase Base, decimal CeilingMultiple, decimal EmployeeRate, decimal EmployerRate)> lines, bool versionOnThatDate,
        DateOnly today)
    {
        BusinessRules.Check(new TableIsNotRetroactive(effectiveFrom, today));
        BusinessRules.Check(new OneVersionPerDate(effectiveFrom, versionOnThatDate));
        var table = new ContributionTable { Id = Guid.CreateVersion7(), EntityId = entityId, Category = category, EffectiveFrom = effectiveFrom, Name = name };
        table._lines.AddRange(lines.Select((l, i) => new ContributionLine(i + 1, l.Name, l.Base, l.CeilingMultiple, l.EmployeeRate, l.EmployerRate)));
        BusinessRules.Check(new TableHasLines(table._lines.Count));
        return table;
    }

    /// <summary>A version the module ships with (the reference figures of its first install), whatever today is.</summary>
    public static ContributionTable Seeded(Guid id, ContractCategory category, DateOnly effectiveFrom, string name,
        IEnumerable<(string Name, ContributionBase Base, decimal CeilingMultiple, decimal EmployeeRate, decimal EmployerRate)> lines)
    {
        var table = new ContributionTable { Id = id, Category = category, EffectiveFrom = effectiveFrom, Name = name };
        table._lines.AddRange(lines.Select((l, i) => new ContributionLine(i + 1, l.Name, l.Base, l.CeilingMultiple, l.EmployeeRate, l.EmployerRate)));
        return table;
    }

    private sealed record TableIsNotRetroactive(DateOnly EffectiveFrom, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => EffectiveFrom < Today;

        public string Message => $"A contribution table cannot take effect on {EffectiveFrom:yyyy-MM-dd}, before today ({Today:yyyy-MM-dd}).";
    }

    private sealed record OneVersionPerDate(DateOnly EffectiveFrom, bool Exists) : IBusinessRule
    {
        public bool IsBroken() => Exists;

        public string Message => $"A version of this contribution table already takes effect on {EffectiveFrom:yyyy-MM-dd}.";
    }

    private sealed record TableHasLines(int Count) : IBusinessRule
    {
        public bool IsBroken() => Count == 0;

        public string Message => "A contribution table needs at least one line.";
    }
}

/// <summary>
/// The social-security ceiling ("plafond de la sécurité sociale"), effective-dated: a period's ceiling is the daily
/// (or hourly) ceiling times the days (or hours) worked, never more than the monthly ceiling per calendar month spanned.
/// </summary>
public sealed class SocialSecurityCeiling : IEffectiveDated
{
    private SocialSecurityCeiling()
    {
    }

    public SocialSecurityCeiling(DateOnly effectiveFrom, decimal perMonth, decimal perDay, decimal perHour)
    {
        EffectiveFrom = effectiveFrom;
        PerMonth = perMonth;
        PerDay = perDay;
        PerHour = perHour;
    }

    public DateOnly EffectiveFrom { get; private set; }

    public decimal PerMonth { get; private set; }

    public decimal PerDay { get; private set; }

    public decimal PerHour { get; private set; }

    public decimal ForPeriod(DateOnly start, DateOnly end, decimal? days, decimal hours)
    {
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month + 1;
        var prorated = days is { } d ? PerDay * d : PerHour * hours;
        return Money.RoundToCents(Math.Min(prorated, PerMonth * months));
    }
}

/// <summary>The legal minimum gross hourly wage (SMIC), effective-dated.</summary>
public sealed class MinimumWage : IEffectiveDated
{
    private MinimumWage()
    {
    }

    public MinimumWage(DateOnly effectiveFrom, decimal hourlyRate)
    {
        EffectiveFrom = effectiveFrom;
        HourlyRate = hourlyRate;
    }

    public DateOnly EffectiveFrom { get; private set; }

    public decimal HourlyRate { get; private set; }
}

/// <summary>
/// Working-time limits, effective-dated: the most hours a day and a week, the hours a worked day counts for when a
/// contract is given in days, and the weekly hours of a full-time contract.
/// </summary>
public sealed class WorkingTimeLimits : IEffectiveDated
{
    private WorkingTimeLimits()
    {
    }

    public WorkingTimeLimits(DateOnly effectiveFrom, decimal maxHoursPerDay, decimal maxHoursPerWeek, decimal hoursPerWorkedDay, decimal fullTimeHoursPerWeek)
    {
        EffectiveFrom = effectiveFrom;
        MaxHoursPerDay = maxHoursPerDay;
        MaxHoursPerWeek = maxHoursPerWeek;
        HoursPerWorkedDay = hoursPerWorkedDay;
        FullTimeHoursPerWeek = fullTimeHoursPerWeek;
    }

    public DateOnly EffectiveFrom { get; private set; }

    public decimal MaxHoursPerDay { get; private set; }

    public decimal MaxHoursPerWeek { get; private set; }

    public decimal HoursPerWorkedDay { get; private set; }

    public decimal FullTimeHoursPerWeek { get; private set; }
}
