using Marten;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Journal;
using Smart.Modules.Reporting.Projections;
using static Smart.Modules.Reporting.Tables.TableBuilder;

namespace Smart.Modules.Reporting.Tables;

/// <summary>
/// Invoicing excl. VAT (net: invoiced less credit notes): by module with activities, documents, clients, growth and share;
/// by document type; clients by country; home country and abroad; month by month against the previous year.
/// </summary>
internal sealed class InvoicingSection : IReportSection
{
    public const string ByModule = "facturation-modules";
    public const string Monthly = "facturation-mensuelle";

    public int Order => 20;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var previousYear = context.Year - 1;
        var cells = await context.Session.Query<InvoicingCell>()
            .Where(c => c.EntityId == context.EntityId && (c.Year == context.Year || c.Year == previousYear)).ToListAsync(cancellationToken);
        return Build(context, cells, await context.ActivitiesAsync(cancellationToken));
    }

    public static IReadOnlyList<ReportTable> Build(ReportContext context, IReadOnlyList<InvoicingCell> cells, IReadOnlyList<ActivityYear> activities)
    {
        var year = cells.Where(c => c.Year == context.Year).ToList();
        var previous = cells.Where(c => c.Year == context.Year - 1).ToList();
        const string netNote = "Montants hors TVA ; chiffre d'affaires net : facturé moins avoirs.";

        var byModule = new TableBuilder(ByModule, "Facturation HT par module", "Module",
            Count("activites", "Activités facturées"), Count("documents", "Documents"), Distinct("clients", "Clients"), Money("ca", "Chiffre d'affaires net HT"),
            Money("ca-precedent", "Année précédente"), Growth("evolution", "Évolution", "ca", "ca-precedent"), Share("part", "Part", "ca"));
        foreach (var kind in year.Select(c => c.Kind).Concat(previous.Select(c => c.Kind)).Distinct().OrderBy(k => k is null).ThenBy(k => k))
        {
            var cellsOf = year.Where(c => c.Kind == kind).ToList();
            byModule.Row(Labels.Module(kind),
                ("activites", activities.Count(a => a.Kind == kind && a.Invoices > 0)),
                ("documents", cellsOf.Sum(c => c.Documents)),
                ("clients", cellsOf.SelectMany(c => c.ClientIds).Distinct().Count()),
                ("ca", cellsOf.Sum(c => c.Net)),
                ("ca-precedent", previous.Where(c => c.Kind == kind).Sum(c => c.Net)));
        }
        byModule.DistinctTotal("clients", year.SelectMany(c => c.ClientIds).Distinct().Count());

        var byType = new TableBuilder("facturation-types", "Facturation HT par type de document", "Type de document",
            Count("documents", "Documents"), Money("ca", "Montant HT"), Money("ca-precedent", "Année précédente"), Share("part", "Part", "ca"));
        foreach (var type in Enum.GetValues<RevenueDocumentType>())
        {
            var cellsOf = year.Where(c => c.DocumentType == type).ToList();
            var previousOf = previous.Where(c => c.DocumentType == type).ToList();
            if (cellsOf.Count == 0 && previousOf.Count == 0) continue;
            byType.Row(DocumentType(type), ("documents", cellsOf.Sum(c => c.Documents)), ("ca", cellsOf.Sum(c => c.Net)), ("ca-precedent", previousOf.Sum(c => c.Net)));
        }

        var byCountry = new TableBuilder("facturation-pays", "Clients et facturation HT par pays", "Pays du client",
            Distinct("clients", "Clients"), Count("documents", "Documents"), Money("ca", "Chiffre d'affaires net HT"), Share("part", "Part", "ca"));
        foreach (var country in year.GroupBy(c => c.Country).OrderByDescending(g => g.Sum(c => c.Net)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            byCountry.Row(country.Key.Length == 0 ? "Non renseigné" : country.Key,
                ("clients", country.SelectMany(c => c.ClientIds).Distinct().Count()), ("documents", country.Sum(c => c.Documents)), ("ca", country.Sum(c => c.Net)));
        }
        byCountry.DistinctTotal("clients", year.SelectMany(c => c.ClientIds).Distinct().Count());

        var home = context.Definitions.HomeCountry;
        var abroad = new TableBuilder("facturation-etranger", "Facturation HT en France et à l'étranger", "Clients",
            Distinct("clients", "Clients"), Money("ca", "Chiffre d'affaires net HT"), Share("part", "Part", "ca"));
        foreach (var (label, inside) in new (string, Func<InvoicingCell, bool>)[]
                 {
                     ($"{home} (pays de l'entité)", c => c.Country == home),
                     ("Étranger", c => c.Country.Length > 0 && c.Country != home),
                     ("Non renseigné", c => c.Country.Length == 0),
                 })
        {
            var cellsOf = year.Where(inside).ToList();
            abroad.Row(label, ("clients", cellsOf.SelectMany(c => c.ClientIds).Distinct().Count()), ("ca", cellsOf.Sum(c => c.Net)));
        }
        abroad.DistinctTotal("clients", year.SelectMany(c => c.ClientIds).Distinct().Count());

        var monthly = new TableBuilder(Monthly, "Facturation HT mois par mois", "Mois",
            Money("ca", $"{context.Year}"), Money("ca-precedent", $"{context.Year - 1}"), Growth("evolution", "Évolution", "ca", "ca-precedent"));
        for (var month = 1; month <= 12; month++)
        {
            monthly.Row(Labels.Months[month - 1], ("ca", year.Where(c => c.Month == month).Sum(c => c.Net)), ("ca-precedent", previous.Where(c => c.Month == month).Sum(c => c.Net)));
        }

        return
        [
            byModule.Build(netNote + " Un client de deux modules compte une fois au total."), byType.Build(netNote), byCountry.Build(netNote),
            abroad.Build(netNote), monthly.Build(netNote),
        ];
    }

    private static string DocumentType(RevenueDocumentType type) => type switch
    {
        RevenueDocumentType.Invoice => "Factures",
        RevenueDocumentType.QuotedInvoice => "Factures sur devis",
        RevenueDocumentType.CreditNote => "Avoirs",
        _ => "Factures aux employeurs (gestion de contrats)",
    };
}
