using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Contracts;

namespace Smart.Modules.Reporting.Definitions;

/// <summary>Over which months a person's average monthly invoicing is taken (ADR 0097).</summary>
public enum MonthlyAverage
{
    /// <summary>The year's net invoicing ÷ 12: a person invoicing 6,000 € in March alone averages 500 € a month.</summary>
    CalendarMonths,

    /// <summary>The year's net invoicing ÷ the months in which they issued an invoice: the same person averages 6,000 €.</summary>
    InvoicedMonths,
}

/// <summary>
/// A version of the definitions an entity's annual report is computed with, from a date (ADR 0097): the annual hours of
/// one full-time equivalent, the upper limits of the billing bands (each band runs from the previous limit, included, to
/// its own, excluded; the last band is above the last limit), how the monthly average is taken, and the entity's home
/// country (revenue from clients elsewhere is revenue abroad).
/// </summary>
internal sealed record DefinitionsVersion(DateOnly EffectiveFrom, decimal AnnualHoursPerFte, IReadOnlyList<decimal> BillingBandLimits, MonthlyAverage MonthlyAverage,
    string HomeCountry) : IEffectiveDated
{
    /// <summary>What applies before an entity's admins set anything: 1,607 hours, bands 0–500, 500–1,500, 1,500–3,000, > 3,000 €.</summary>
    public static readonly DefinitionsVersion Default = new(DateOnly.MinValue, 1607m, [500m, 1500m, 3000m], MonthlyAverage.CalendarMonths, "FR");

    /// <summary>Full-time equivalents of <paramref name="hours"/> worked.</summary>
    public decimal Fte(decimal hours) => hours / AnnualHoursPerFte;

    /// <summary>A person's average monthly invoicing in a year.</summary>
    public decimal MonthlyInvoicing(decimal yearlyNet, int monthsInvoiced) => MonthlyAverage switch
    {
        MonthlyAverage.InvoicedMonths => monthsInvoiced == 0 ? 0m : yearlyNet / monthsInvoiced,
        _ => yearlyNet / 12m,
    };

    /// <summary>The index of the band of an average monthly invoicing (0 for the first band; a negative average is in it).</summary>
    public int BillingBand(decimal monthlyAverage)
    {
        var band = 0;
        while (band < BillingBandLimits.Count && monthlyAverage >= BillingBandLimits[band]) band++;
        return band;
    }

    /// <summary>"0–500 €", "500–1 500 €", …, "> 3 000 €".</summary>
    public IReadOnlyList<string> BillingBandLabels() =>
        BillingBandLimits.Select((limit, i) => $"{Euros(i == 0 ? 0 : BillingBandLimits[i - 1])}–{Euros(limit)} €")
            .Append($"> {Euros(BillingBandLimits[^1])} €").ToList();

    private static string Euros(decimal amount) => amount.ToString("#,0.##", Smart.BuildingBlocks.Web.HtmlPage.French);
}

/// <summary>An entity's versions of the report definitions (document id: the entity's); none set, the defaults apply.</summary>
internal sealed class ReportDefinitions : AggregateRoot
{
    private List<DefinitionsVersion> _versions = [];

    private ReportDefinitions()
    {
    }

    public IReadOnlyList<DefinitionsVersion> Versions => _versions;

    public static ReportDefinitions For(Guid entityId) => new() { Id = entityId };

    /// <summary>The version of that date replaced, or a new one added.</summary>
    public void Set(DefinitionsVersion version) =>
        _versions = _versions.Where(v => v.EffectiveFrom != version.EffectiveFrom).Append(version).OrderBy(v => v.EffectiveFrom).ToList();

    /// <summary>The version in force on a date, the defaults before the first one.</summary>
    public DefinitionsVersion On(DateOnly date) => _versions.InForceOn(date) ?? DefinitionsVersion.Default;
}

/// <summary>The age bands of the report, as the cooperative's reports print them (ADR 0097): age on the 31 December of the year.</summary>
internal static class AgeBands
{
    public static readonly IReadOnlyList<string> Labels = ["< 20 ans", "20–29 ans", "30–40 ans", "41–50 ans", "51 ans et plus", "Non renseigné"];

    /// <summary>The band of someone born on <paramref name="birthDate"/> at the end of <paramref name="year"/>; the last one when unknown.</summary>
    public static int Of(DateOnly? birthDate, int year)
    {
        if (birthDate is not { } born) return Labels.Count - 1;
        var age = year - born.Year; // on 31 December every birthday of the year has passed
        return age switch
        {
            < 20 => 0,
            < 30 => 1,
            <= 40 => 2,
            <= 50 => 3,
            _ => 4,
        };
    }
}

/// <summary>Genders as the report prints them; not told is "Non renseigné".</summary>
internal static class Genders
{
    public static readonly IReadOnlyList<string> Labels = ["Femmes", "Hommes", "Autre", "Non renseigné"];

    public static int Of(Gender? gender) => gender switch
    {
        Gender.Female => 0,
        Gender.Male => 1,
        Gender.Other => 2,
        _ => 3,
    };
    /// <summary>A contract-management employee's gender, as the employer registered it.</summary>
    public static int Of(EmployeeGender? gender) => gender switch
    {
        EmployeeGender.Female => 0,
        EmployeeGender.Male => 1,
        EmployeeGender.Other => 2,
        _ => 3,
    };
}
