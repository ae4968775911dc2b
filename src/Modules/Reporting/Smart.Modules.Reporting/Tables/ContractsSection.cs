using Marten;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Definitions;
using Smart.Modules.Reporting.Projections;
using static Smart.Modules.Reporting.Tables.TableBuilder;

namespace Smart.Modules.Reporting.Tables;

/// <summary>
/// Contracts starting in the year: salaried persons, contracts, days, hours, FTE (hours ÷ the annual hours of one FTE),
/// days per contract, contracts per person, gross pay — by kind and category, by gender, by age band; and the persons
/// active in the year by band of average monthly invoicing.
/// </summary>
internal sealed class ContractsSection : IReportSection
{
    public int Order => 30;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var cells = await context.Session.Query<ContractCell>().Where(c => c.EntityId == context.EntityId && c.Year == context.Year).ToListAsync(cancellationToken);
        var gdcCells = await context.Session.Query<GdcContractCell>().Where(c => c.EntityId == context.EntityId && c.Year == context.Year).ToListAsync(cancellationToken);
        var gdcEmployees = await context.Session.Query<GdcEmployeeYear>().Where(e => e.EntityId == context.EntityId && e.Year == context.Year)
            .ToListAsync(cancellationToken);
        return Build(context, cells, await context.PersonsAsync(cancellationToken), await context.MembersAsync(cancellationToken), gdcCells, gdcEmployees);
    }

    /// <summary>
    /// Members' contracts, then contract-management (GDC) employees' as rows of their own in the table by kind; in the
    /// tables by gender and age a GDC employee counts in their band like a member (ADR 0113).
    /// </summary>
    public static IReadOnlyList<ReportTable> Build(ReportContext context, IReadOnlyList<ContractCell> cells, IReadOnlyList<PersonYear> persons,
        IReadOnlyList<MemberProfile> members, IReadOnlyList<GdcContractCell> gdcCells, IReadOnlyList<GdcEmployeeYear> gdcEmployees)
    {
        var hoursPerFte = context.Definitions.AnnualHoursPerFte;
        var fteNote = $"ETP : heures ÷ {hoursPerFte.ToString("#,0.##", Smart.BuildingBlocks.Web.HtmlPage.French)} heures par an. Contrats commençant dans l'année, "
            + "des membres et des salariés de la gestion de contrats (GDC).";

        var byKind = ContractsTable("contrats-types", "Contrats par type et catégorie", "Type – catégorie", Distinct("salaries", "Salariés"), hoursPerFte);
        foreach (var cell in cells.OrderBy(c => c.Kind).ThenBy(c => c.Category))
        {
            byKind.Row($"{Kind(cell.Kind)} – {Category(cell.Category)}", ("salaries", cell.MemberIds.Count), ("contrats", cell.Contracts), ("jours", cell.Days),
                ("heures", cell.Hours), ("brut", cell.Gross));
        }
        foreach (var cell in gdcCells.OrderBy(c => c.Kind).ThenBy(c => c.Category))
        {
            var kind = cell.Kind is { } k ? Kind(k) : "type non renseigné";
            var category = cell.Category is { } c ? Category(c) : "catégorie non renseignée";
            byKind.Row($"{GdcLabel} – {kind} – {category}", ("salaries", cell.EmployeeIds.Count), ("contrats", cell.Contracts), ("jours", cell.Days),
                ("heures", cell.Hours), ("brut", cell.Gross));
        }
        byKind.DistinctTotal("salaries", cells.SelectMany(c => c.MemberIds).Distinct().Count() + gdcCells.SelectMany(c => c.EmployeeIds).Distinct().Count());

        var profiles = members.ToDictionary(m => m.Id);
        var salaried = persons.Where(p => p.Contracts > 0)
            .Select(p => (Profile: profiles.GetValueOrDefault(p.MemberId), Person: p))
            .Select(s => new Salaried(Genders.Of(s.Profile?.Gender), AgeBands.Of(s.Profile?.BirthDate, context.Year), s.Person.Contracts, s.Person.Days,
                s.Person.Hours, s.Person.Gross))
            .Concat(gdcEmployees.Select(e => new Salaried(Genders.Of(e.Gender), AgeBands.Of(e.BirthDate, context.Year), e.Contracts, e.Days, e.Hours, e.Gross)))
            .ToList();
        var byGender = Split("contrats-genre", "Contrats par genre", "Genre", Genders.Labels, s => s.GenderBand, salaried, hoursPerFte);
        var byAge = Split("contrats-age", "Contrats par tranche d'âge", "Âge au 31 décembre", AgeBands.Labels, s => s.AgeBand, salaried, hoursPerFte);

        var definitions = context.Definitions;
        var bands = definitions.BillingBandLabels();
        var active = persons.Where(p => p.Documents > 0).ToList();
        var billing = new TableBuilder("tranches-facturation", "Personnes actives par tranche de facturation mensuelle moyenne", "Facturation mensuelle moyenne HT",
            Count("personnes", "Personnes"), Share("part", "Part", "personnes"), Money("ca", "Chiffre d'affaires net HT"));
        for (var band = 0; band < bands.Count; band++)
        {
            var inBand = active.Where(p => definitions.BillingBand(definitions.MonthlyInvoicing(p.InvoicedNet, p.MonthsInvoiced.Count)) == band).ToList();
            billing.Row(bands[band], ("personnes", inBand.Count), ("ca", inBand.Sum(p => p.InvoicedNet)));
        }
        var average = definitions.MonthlyAverage == MonthlyAverage.CalendarMonths ? "chiffre d'affaires net de l'année ÷ 12" : "chiffre d'affaires net ÷ mois facturés";

        return
        [
            byKind.Build(fteNote), byGender.Build(fteNote), byAge.Build(fteNote),
            billing.Build($"Moyenne mensuelle : {average}. Personnes ayant au moins un document dans l'année."),
        ];
    }

    private static TableBuilder ContractsTable(string key, string title, string labelTitle, ReportColumn persons, decimal hoursPerFte) =>
        new(key, title, labelTitle, persons, Count("contrats", "Contrats"), Quantity("jours", "Jours"), Quantity("heures", "Heures"),
            Quotient("etp", "ETP", "heures", null, hoursPerFte), Quotient("jours-contrat", "Jours par contrat", "jours", "contrats"),
            Quotient("contrats-salarie", "Contrats par salarié", "contrats", "salaries"), Money("brut", "Salaire brut"));

    /// <summary>GDC rows' label prefix in the table by kind.</summary>
    public const string GdcLabel = "Gestion de contrats (GDC)";

    /// <summary>A salaried person of the year (a member, or a GDC employee) in their gender and age bands, with their contracts' figures.</summary>
    private sealed record Salaried(int GenderBand, int AgeBand, int Contracts, decimal Days, decimal Hours, decimal Gross);

    private static TableBuilder Split(string key, string title, string labelTitle, IReadOnlyList<string> labels, Func<Salaried, int> band,
        List<Salaried> salaried, decimal hoursPerFte)
    {
        var table = ContractsTable(key, title, labelTitle, Count("salaries", "Salariés"), hoursPerFte);
        for (var i = 0; i < labels.Count; i++)
        {
            var inBand = salaried.Where(s => band(s) == i).ToList();
            table.Row(labels[i], ("salaries", inBand.Count), ("contrats", inBand.Sum(p => p.Contracts)), ("jours", inBand.Sum(p => p.Days)),
                ("heures", inBand.Sum(p => p.Hours)), ("brut", inBand.Sum(p => p.Gross)));
        }
        return table;
    }

    private static string Kind(ContractKind kind) => kind switch
    {
        ContractKind.Cdd => "CDD",
        ContractKind.Cddu => "CDDU",
        _ => kind.ToString().ToUpperInvariant(),
    };

    private static string Category(ContractCategory category) => category switch
    {
        ContractCategory.Artistic => "artistique",
        ContractCategory.Employee => "employé",
        _ => "étudiant",
    };
}
