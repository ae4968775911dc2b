using Marten;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Projections;
using static Smart.Modules.Reporting.Tables.TableBuilder;

namespace Smart.Modules.Reporting.Tables;

/// <summary>
/// Collections of the year (ADR 0111): invoices issued and their amount VAT included, automatic reminders, amounts
/// recovered after a reminder, provisions booked and reversed, write-offs — by office and by month; the reminders by step
/// and channel with their rate per calendar and per working day; days sales outstanding by office.
/// </summary>
internal sealed class CollectionsSection : IReportSection
{
    public int Order => 35;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        // Every year up to the reported one: the receivables open on 31 December are what all of them left unpaid.
        var cells = await context.Session.Query<CollectionsCell>().Where(c => c.EntityId == context.EntityId && c.Year <= context.Year).ToListAsync(cancellationToken);
        return Build(context.Year, cells, context.OfficeName);
    }

    public static IReadOnlyList<ReportTable> Build(int year, IReadOnlyList<CollectionsCell> cells, Func<Guid, string> officeName)
    {
        var inYear = cells.Where(c => c.Year == year).ToList();
        var byOffice = Activity("recouvrement-bureaux", "Recouvrement par bureau", "Bureau");
        foreach (var office in inYear.GroupBy(c => c.OfficeId).OrderBy(g => officeName(g.Key), StringComparer.Ordinal)) ActivityRow(byOffice, officeName(office.Key), [.. office]);
        var byMonth = Activity("recouvrement-mensuel", "Recouvrement mois par mois", "Mois");
        for (var month = 1; month <= 12; month++) ActivityRow(byMonth, Labels.Months[month - 1], [.. inYear.Where(c => c.Month == month)]);
        return [byOffice.Build(ActivityNote), byMonth.Build(ActivityNote), Reminders(year, inYear), Dso(year, cells, officeName)];
    }

    public static int DaysIn(int year) => DateTime.IsLeapYear(year) ? 366 : 365;

    /// <summary>Monday to Friday of the year (public holidays differ by country and region: not taken off).</summary>
    public static int WorkingDays(int year) =>
        Enumerable.Range(0, DaysIn(year)).Select(d => new DateOnly(year, 1, 1).AddDays(d)).Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    private const string ActivityNote = "Montants TTC. Factures d'activités et factures employeurs (gestion de contrats) ; chaque fait compté au mois de sa date. " +
        "Recouvré après relance : paiements soldant une facture qui avait reçu au moins une relance automatique avant le paiement. " +
        "Provisions reprises : sur paiement, avoir ou passage en perte.";

    private static TableBuilder Activity(string key, string title, string labelTitle) =>
        new(key, title, labelTitle, Count("factures", "Factures émises"), Money("facture", "Montant facturé TTC"), Count("relances", "Relances automatiques"),
            Money("recouvre", "Recouvré après relance"), Money("provisions", "Provisions dotées"), Money("reprises", "Provisions reprises"),
            Count("pertes", "Créances passées en perte"), Money("perdu", "Montant passé en perte"));

    private static void ActivityRow(TableBuilder table, string label, IReadOnlyList<CollectionsCell> cells) =>
        table.Row(label, ("factures", cells.Sum(c => c.Invoices)), ("facture", cells.Sum(c => c.Invoiced)), ("relances", cells.Sum(c => c.ReminderCount)),
            ("recouvre", cells.Sum(c => c.RecoveredAfterReminder)), ("provisions", cells.Sum(c => c.ProvisionsBooked)), ("reprises", cells.Sum(c => c.ProvisionsReversed)),
            ("pertes", cells.Sum(c => c.WriteOffs)), ("perdu", cells.Sum(c => c.WrittenOff)));

    private static ReportTable Reminders(int year, IReadOnlyList<CollectionsCell> inYear)
    {
        var days = DaysIn(year);
        var workingDays = WorkingDays(year);
        var table = new TableBuilder("relances-etapes", "Relances automatiques par étape et canal", "Étape", Count("relances", "Relances"),
            Share("part", "Part", "relances"), Quotient("par-jour", "Par jour calendaire", "relances", null, days, 2),
            Quotient("par-jour-ouvre", "Par jour ouvré", "relances", null, workingDays, 2));
        var counts = inYear.SelectMany(c => c.Reminders).GroupBy(r => r.Key).Select(g => (Key: g.Key, Count: g.Sum(r => r.Value)))
            .Select(r => (Step: int.Parse(r.Key.Split('|')[0], System.Globalization.CultureInfo.InvariantCulture), Channel: Enum.Parse<ReminderChannel>(r.Key.Split('|')[1]), r.Count))
            .OrderBy(r => r.Step).ThenBy(r => r.Channel);
        foreach (var (step, channel, count) in counts) table.Row($"Étape {step} — {Channel(channel)}", ("relances", count));
        return table.Build(FormattableString.Invariant($"Par jour calendaire : relances ÷ {days} jours de l'année (44 773 relances en 2018 ÷ 365 = 122,7 par jour). ") +
            FormattableString.Invariant($"Par jour ouvré : relances ÷ {workingDays} jours du lundi au vendredi, jours fériés non déduits."));
    }

    private static ReportTable Dso(int year, IReadOnlyList<CollectionsCell> cells, Func<Guid, string> officeName)
    {
        // DSO = open receivables on 31 December ÷ the year's invoicing VAT included (after credit notes) × the year's days: the
        // quotient column divides by 1 ÷ days. Employer invoices are left out: Collections publishes no payment of them, so
        // they would look unpaid for ever.
        var activity = cells.Where(c => c.Source == InvoiceSource.ActivityInvoice).ToList();
        var table = new TableBuilder("recouvrement-dso", "Délai moyen de recouvrement (DSO) par bureau", "Bureau",
            Money("facture", "Facturé TTC dans l'année, avoirs déduits"), Money("encours", "Créances ouvertes au 31 décembre"),
            Quotient("dso", "DSO (jours)", "encours", "facture", 1m / DaysIn(year), 1));
        foreach (var office in activity.GroupBy(c => c.OfficeId).Where(g => g.Any(c => c.Year == year) || g.Sum(c => c.OpenChange) != 0).OrderBy(g => officeName(g.Key), StringComparer.Ordinal))
        {
            table.Row(officeName(office.Key), ("facture", office.Where(c => c.Year == year).Sum(c => c.Invoiced - c.Credited)), ("encours", office.Sum(c => c.OpenChange)));
        }
        return table.Build(FormattableString.Invariant($"DSO = créances ouvertes au 31 décembre ÷ facturé TTC de l'année (avoirs déduits) × {DaysIn(year)} jours. ") +
            "Créances ouvertes : facturé TTC de toutes les années jusqu'au 31 décembre, moins avoirs, paiements soldant les factures et pertes. " +
            "Factures d'activités seulement : les paiements des factures employeurs ne sont pas publiés par le recouvrement.");
    }

    private static string Channel(ReminderChannel channel) => channel switch
    {
        ReminderChannel.Email => "e-mail",
        ReminderChannel.Letter => "courrier",
        ReminderChannel.CollectorTask => "appel d'un chargé de recouvrement",
        _ => "transmission au contentieux",
    };
}
