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
        return Build(context, cells, await context.PersonsAsync(cancellationToken), await context.MembersAsync(cancellationToken));
    }

    public static IReadOnlyList<ReportTable> Build(ReportContext context, IReadOnlyList<ContractCell> cells, IReadOnlyList<PersonYear> persons,
        IReadOnlyList<MemberProfile> members)
    {
        var hoursPerFte = context.Definitions.AnnualHoursPerFte;
        var fteNote = $"ETP : heures ÷ {hoursPerFte.ToString("#,0.##", Smart.BuildingBlocks.Web.HtmlPage.French)} heures par an. Contrats commençant dans l'année.";

        var byKind = ContractsTable("contrats-types", "Contrats par type et catégorie", "Type – catégorie", Distinct("salaries", "Salariés"), hoursPerFte);
        foreach (var cell in cells.OrderBy(c => c.Kind).ThenBy(c => c.Category))
        {
            byKind.Row($"{Kind(cell.Kind)} – {Category(cell.Category)}", ("salaries", cell.MemberIds.Count), ("contrats", cell.Contracts), ("jours", cell.Days),
                ("heures", cell.Hours), ("brut", cell.Gross));
        }
        byKind.DistinctTotal("salaries", cells.SelectMany(c => c.MemberIds).Distinct().Count());

        var profiles = members.ToDictionary(m => m.Id);
        var salaried = persons.Where(p => p.Contracts > 0).Select(p => (Person: p, Profile: profiles.GetValueOrDefault(p.MemberId))).ToList();
        var byGender = Split("contrats-genre", "Contrats par genre", "Genre", Genders.Labels, p => Genders.Of(p?.Gender), salaried, hoursPerFte);
        var byAge = Split("contrats-age", "Contrats par tranche d'âge", "Âge au 31 décembre", AgeBands.Labels, p => AgeBands.Of(p?.BirthDate, context.Year), salaried,
            hoursPerFte);

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

    private static TableBuilder Split(string key, string title, string labelTitle, IReadOnlyList<string> labels, Func<MemberProfile?, int> band,
        List<(PersonYear Person, MemberProfile? Profile)> salaried, decimal hoursPerFte)
    {
        var table = ContractsTable(key, title, labelTitle, Count("salaries", "Salariés"), hoursPerFte);
        for (var i = 0; i < labels.Count; i++)
        {
            var inBand = salaried.Where(s => band(s.Profile) == i).Select(s => s.Person).ToList();
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
