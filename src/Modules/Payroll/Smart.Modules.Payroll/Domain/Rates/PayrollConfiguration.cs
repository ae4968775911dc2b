using Smart.Modules.Payroll.Domain.Figures;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Contracts;

namespace Smart.Modules.Payroll.Domain.Rates;

/// <summary>
/// Payroll's platform-wide effective-dated configuration, one document read whole (a few versions of each): the
/// social-security ceilings, minimum wages, working-time limits, contract-management fee rates and work-time conventions.
/// A change is a new version from a date, never an edit. Installed with the French figures of 2025–2026 (<see cref="Initial"/>).
/// </summary>
internal sealed class PayrollConfiguration
{
    public const string DocumentId = "payroll";

    private readonly List<SocialSecurityCeiling> _socialSecurityCeilings = [];
    private readonly List<MinimumWage> _minimumWages = [];
    private readonly List<WorkingTimeLimits> _workingTimeLimits = [];
    private readonly List<GdcFeeRates> _gdcFeeRates = [];
    private readonly List<WorkTimeSettings> _workTimeSettings = [];

    private PayrollConfiguration()
    {
        Id = DocumentId;
    }

    public string Id { get; private set; }

    public IReadOnlyList<SocialSecurityCeiling> SocialSecurityCeilings => _socialSecurityCeilings;

    public IReadOnlyList<MinimumWage> MinimumWages => _minimumWages;

    public IReadOnlyList<WorkingTimeLimits> WorkingTimeLimits => _workingTimeLimits;

    public IReadOnlyList<GdcFeeRates> GdcFeeRates => _gdcFeeRates;

    public IReadOnlyList<WorkTimeSettings> WorkTimeSettings => _workTimeSettings;

    public static PayrollConfiguration Initial()
    {
        var configuration = new PayrollConfiguration();
        configuration._socialSecurityCeilings.AddRange([
            new SocialSecurityCeiling(new DateOnly(2025, 1, 1), 3925.00m, 216.00m, 29.00m),
            new SocialSecurityCeiling(new DateOnly(2026, 1, 1), 4005.00m, 220.00m, 30.00m)]);
        configuration._minimumWages.AddRange([new MinimumWage(new DateOnly(2024, 11, 1), 11.88m), new MinimumWage(new DateOnly(2026, 1, 1), 12.02m)]);
        // French labour code: 10 hours a day, 48 a week at most; 35 hours a week is full time.
        configuration._workingTimeLimits.Add(new WorkingTimeLimits(new DateOnly(2013, 1, 1), 10m, 48m, 7m, 35m));
        // DESIGN.md §4: 6.5 % of the payroll mass excl. VAT (2 % guarantee fund, 4.5 % service), VAT 20 % on the fee; due in 7 days.
        configuration._gdcFeeRates.Add(new GdcFeeRates(new DateOnly(2015, 1, 1), 0.02m, 0.045m, 0.20m, 7));
        // French legal full time: 1,607 hours a year; a contract day counts 7 hours (35 h a week).
        configuration._workTimeSettings.Add(new WorkTimeSettings(new DateOnly(2015, 1, 1), 1_607m, 7m));
        return configuration;
    }

    private static readonly DateOnly From2025 = new(2025, 1, 1);

    /// <summary>The group-wide contribution tables of 2025 per category (entity-specific versions are added by administrators).</summary>
    public static IReadOnlyList<ContributionTable> InitialContributionTables() =>
    [
        ContributionTable.Seeded(new Guid("0193f6a0-0000-7000-8000-000000000001"), ContractCategory.Employee, From2025, "Régime général – salariés 2025",
            CommonLines(unemploymentEmployee: 0m, unemploymentEmployer: 0.0405m, provident: 0.0078m)),
        ContributionTable.Seeded(new Guid("0193f6a0-0000-7000-8000-000000000002"), ContractCategory.Artistic, From2025, "Intermittents du spectacle 2025",
            CommonLines(unemploymentEmployee: 0.0240m, unemploymentEmployer: 0.0905m, provident: 0.0078m)),
        ContributionTable.Seeded(new Guid("0193f6a0-0000-7000-8000-000000000003"), ContractCategory.Student, From2025, "Étudiants salariés 2025",
            CommonLines(unemploymentEmployee: 0m, unemploymentEmployer: 0.0405m, provident: 0m)),
    ];

    /// <summary>
    /// The French general-scheme lines (employer ≈ 35.8 %, employee ≈ 21.6 % below the ceiling; artists pay a higher
    /// unemployment insurance). CSG and CRDS are levied on 98.25 % of the gross: their rates here are expressed on the gross.
    /// Lines without any rate are left out.
    /// </summary>
    private static IEnumerable<(string Name, ContributionBase Base, decimal Ceilings, decimal Employee, decimal Employer)> CommonLines(
        decimal unemploymentEmployee, decimal unemploymentEmployer, decimal provident) =>
        new (string Name, ContributionBase Base, decimal Ceilings, decimal Employee, decimal Employer)[]
        {
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
        }.Where(l => l.Employee != 0 || l.Employer != 0);
}
