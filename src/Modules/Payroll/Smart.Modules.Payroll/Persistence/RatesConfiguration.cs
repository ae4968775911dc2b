using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smart.Modules.Payroll.Domain.Rates;

namespace Smart.Modules.Payroll.Persistence;

/// <summary>
/// Payroll's effective-dated configuration, seeded by the migration with French figures of 2025–2026 (a change is a new
/// version from a date): contribution tables for the whole group (entity null) per category, the social-security ceiling,
/// the minimum wage and the working-time limits.
/// </summary>
internal sealed class ContributionTableConfiguration : IEntityTypeConfiguration<ContributionTable>
{
    private static readonly DateOnly From2025 = new(2025, 1, 1);

    public static readonly Guid EmployeeTable2025 = new("0193f6a0-0000-7000-8000-000000000001");
    public static readonly Guid ArtisticTable2025 = new("0193f6a0-0000-7000-8000-000000000002");
    public static readonly Guid StudentTable2025 = new("0193f6a0-0000-7000-8000-000000000003");

    public void Configure(EntityTypeBuilder<ContributionTable> builder)
    {
        builder.ToTable("contribution_tables");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Name).HasMaxLength(200);
        // NULLS NOT DISTINCT: one group-wide version per category and date as well.
        builder.HasIndex(t => new { t.EntityId, t.Category, t.EffectiveFrom }).IsUnique().AreNullsDistinct(false);
        builder.Ignore(t => t.TotalEmployeeRate);
        builder.Ignore(t => t.TotalEmployerRate);
        builder.OwnsMany(t => t.Lines, lines =>
        {
            lines.ToTable("contribution_lines");
            lines.WithOwner().HasForeignKey("ContributionTableId");
            lines.HasKey("ContributionTableId", nameof(ContributionLine.Position));
            lines.Property(l => l.Name).HasMaxLength(200);
            lines.Property(l => l.Base).HasConversion<string>().HasMaxLength(20);
            lines.Property(l => l.CeilingMultiple).HasPrecision(6, 2);
            lines.Property(l => l.EmployeeRate).HasPrecision(7, 6);
            lines.Property(l => l.EmployerRate).HasPrecision(7, 6);
            lines.HasData(
                Lines(EmployeeTable2025, CommonLines(unemploymentEmployee: 0m, unemploymentEmployer: 0.0405m, provident: 0.0078m))
                    .Concat(Lines(ArtisticTable2025, CommonLines(unemploymentEmployee: 0.0240m, unemploymentEmployer: 0.0905m, provident: 0.0078m)))
                    .Concat(Lines(StudentTable2025, CommonLines(unemploymentEmployee: 0m, unemploymentEmployer: 0.0405m, provident: 0m))));
        });
        builder.Navigation(t => t.Lines).HasField("_lines");
        builder.HasData(
            new { Id = EmployeeTable2025, EntityId = (Guid?)null, Category = ContractCategory.Employee, EffectiveFrom = From2025, Name = "Régime général – salariés 2025" },
            new { Id = ArtisticTable2025, EntityId = (Guid?)null, Category = ContractCategory.Artistic, EffectiveFrom = From2025, Name = "Intermittents du spectacle 2025" },
            new { Id = StudentTable2025, EntityId = (Guid?)null, Category = ContractCategory.Student, EffectiveFrom = From2025, Name = "Étudiants salariés 2025" });
    }

    /// <summary>
    /// The French general-scheme lines (employer ≈ 35.8 %, employee ≈ 21.6 % below the ceiling; artists pay a higher
    /// unemployment insurance). CSG and CRDS are levied on 98.25 % of the gross: their rates here are expressed on the gross.
    /// </summary>
    private static (string Name, ContributionBase Base, decimal Ceilings, decimal Employee, decimal Employer)[] CommonLines(
        decimal unemploymentEmployee, decimal unemploymentEmployer, decimal provident) =>
    [
        ("Assurance maladie, maternité, invalidité, décès", ContributionBase.Gross, 0m, 0m, 0.0700m),
        ("Assurance vieillesse plafonnée", ContributionBase.CappedGross, 1m, 0.0690m, 0.0855m),
        ("Assurance vieillesse déplafonnée", ContributionBase.Gross, 0m, 0.0040m, 0.0211m),
        ("Allocations familiales", ContributionBase.Gross, 0m, 0m, 0.0345m),
        ("Accidents du travail", ContributionBase.Gross, 0m, 0m, 0.0150m),
        ("Contribution solidarité autonomie", ContributionBase.Gross, 0m, 0m, 0.0030m),
        ("FNAL", ContributionBase.CappedGross, 1m, 0m, 0.0010m),
        ("Assurance chômage", ContributionBase.CappedGross, 4m, unemploymentEmployee, unemploymentEmployer),
        ("AGS (garantie des salaires)", ContributionBase.CappedGross, 4m, 0m, 0.0025m),
        ("Retraite complémentaire AGIRC-ARRCO T1", ContributionBase.CappedGross, 1m, 0.0315m, 0.0472m),
        ("Contribution d'équilibre général T1", ContributionBase.CappedGross, 1m, 0.0086m, 0.0129m),
        ("Formation professionnelle et taxe d'apprentissage", ContributionBase.Gross, 0m, 0m, 0.0168m),
        ("Prévoyance", ContributionBase.Gross, 0m, provident, provident),
        ("CSG déductible", ContributionBase.Gross, 0m, 0.0668m, 0m),
        ("CSG non déductible et CRDS", ContributionBase.Gross, 0m, 0.0285m, 0m),
    ];

    private static IEnumerable<object> Lines(Guid tableId, IEnumerable<(string Name, ContributionBase Base, decimal Ceilings, decimal Employee, decimal Employer)> lines) =>
        lines.Where(l => l.Employee != 0 || l.Employer != 0).Select((l, i) => (object)new
        {
            ContributionTableId = tableId,
            Position = i + 1,
            l.Name,
            l.Base,
            CeilingMultiple = l.Ceilings,
            EmployeeRate = l.Employee,
            EmployerRate = l.Employer,
        });
}

internal sealed class SocialSecurityCeilingConfiguration : IEntityTypeConfiguration<SocialSecurityCeiling>
{
    public void Configure(EntityTypeBuilder<SocialSecurityCeiling> builder)
    {
        builder.ToTable("social_security_ceilings");
        builder.HasKey(c => c.EffectiveFrom);
        builder.Property(c => c.PerMonth).HasPrecision(10, 2);
        builder.Property(c => c.PerDay).HasPrecision(10, 2);
        builder.Property(c => c.PerHour).HasPrecision(10, 2);
        builder.HasData(
            new SocialSecurityCeiling(new DateOnly(2025, 1, 1), 3925.00m, 216.00m, 29.00m),
            new SocialSecurityCeiling(new DateOnly(2026, 1, 1), 4005.00m, 220.00m, 30.00m));
    }
}

internal sealed class MinimumWageConfiguration : IEntityTypeConfiguration<MinimumWage>
{
    public void Configure(EntityTypeBuilder<MinimumWage> builder)
    {
        builder.ToTable("minimum_wages");
        builder.HasKey(w => w.EffectiveFrom);
        builder.Property(w => w.HourlyRate).HasPrecision(8, 4);
        builder.HasData(
            new MinimumWage(new DateOnly(2024, 11, 1), 11.88m),
            new MinimumWage(new DateOnly(2026, 1, 1), 12.02m));
    }
}

internal sealed class WorkingTimeLimitsConfiguration : IEntityTypeConfiguration<WorkingTimeLimits>
{
    public void Configure(EntityTypeBuilder<WorkingTimeLimits> builder)
    {
        builder.ToTable("working_time_limits");
        builder.HasKey(l => l.EffectiveFrom);
        builder.Property(l => l.MaxHoursPerDay).HasPrecision(5, 2);
        builder.Property(l => l.MaxHoursPerWeek).HasPrecision(5, 2);
        builder.Property(l => l.HoursPerWorkedDay).HasPrecision(5, 2);
        builder.Property(l => l.FullTimeHoursPerWeek).HasPrecision(5, 2);
        // French labour code: 10 hours a day, 48 a week at most; 35 hours a week is full time.
        builder.HasData(new WorkingTimeLimits(new DateOnly(2013, 1, 1), 10m, 48m, 7m, 35m));
    }
}
