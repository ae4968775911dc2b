using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Definitions;
using Smart.Modules.Reporting.Projections;
using static Smart.Modules.Reporting.Tables.TableBuilder;

namespace Smart.Modules.Reporting.Tables;

/// <summary>
/// Members and activities: registered (by the 31 December), new (registered in the year) and active (at least one
/// document in the year: an invoice, an expense or a contract) — by office (with the office's active activities and net
/// revenue), by gender and by age band.
/// </summary>
internal sealed class MembersSection : IReportSection
{
    public int Order => 10;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var members = await context.MembersAsync(cancellationToken);
        var persons = await context.PersonsAsync(cancellationToken);
        var activities = await context.ActivitiesAsync(cancellationToken);
        return Build(context, members, persons, activities);
    }

    public static IReadOnlyList<ReportTable> Build(ReportContext context, IReadOnlyList<MemberProfile> members, IReadOnlyList<PersonYear> persons,
        IReadOnlyList<ActivityYear> activities)
    {
        var yearEnd = new DateOnly(context.Year, 12, 31);
        var registered = members.Where(m => m.RegisteredOn <= yearEnd).ToList();
        var profiles = members.ToDictionary(m => m.Id);
        var active = persons.Where(p => p.Documents > 0).Select(p => profiles.GetValueOrDefault(p.MemberId) ?? new MemberProfile { Id = p.MemberId }).ToList();
        var activeActivities = activities.Where(a => a.Documents > 0).ToList();

        var byOffice = new TableBuilder("membres-bureaux", "Membres et activités par bureau", "Bureau",
            Count("inscrits", "Membres inscrits"), Count("nouveaux", "Nouveaux inscrits"), Count("actifs", "Membres actifs"),
            Count("activites", "Activités actives"), Money("ca", "Chiffre d'affaires net HT"));
        var offices = registered.Select(m => m.OfficeId).Concat(active.Select(m => m.OfficeId)).Concat(activities.Select(a => a.OfficeId)).Distinct()
            .OrderBy(context.OfficeName, StringComparer.Ordinal);
        foreach (var office in offices)
        {
            byOffice.Row(context.OfficeName(office),
                ("inscrits", registered.Count(m => m.OfficeId == office)),
                ("nouveaux", registered.Count(m => m.OfficeId == office && m.RegisteredOn.Year == context.Year)),
                ("actifs", active.Count(m => m.OfficeId == office)),
                ("activites", activeActivities.Count(a => a.OfficeId == office)),
                ("ca", activities.Where(a => a.OfficeId == office).Sum(a => a.Net)));
        }

        return
        [
            byOffice.Build("Actif : au moins un document dans l'année (facture, note de frais, contrat). Chiffre d'affaires net : facturé moins avoirs, hors TVA."),
            Split("membres-genre", "Membres par genre", "Genre", Genders.Labels, m => Genders.Of(m.Gender), context, registered, active),
            Split("membres-age", "Membres par tranche d'âge", "Âge au 31 décembre", AgeBands.Labels, m => AgeBands.Of(m.BirthDate, context.Year), context, registered, active),
        ];
    }

    private static ReportTable Split(string key, string title, string labelTitle, IReadOnlyList<string> labels, Func<MemberProfile, int> band, ReportContext context,
        List<MemberProfile> registered, List<MemberProfile> active)
    {
        var table = new TableBuilder(key, title, labelTitle,
            Count("inscrits", "Membres inscrits"), Count("nouveaux", "Nouveaux inscrits"), Count("actifs", "Membres actifs"), Share("part", "Part des actifs", "actifs"));
        for (var i = 0; i < labels.Count; i++)
        {
            table.Row(labels[i],
                ("inscrits", registered.Count(m => band(m) == i)),
                ("nouveaux", registered.Count(m => band(m) == i && m.RegisteredOn.Year == context.Year)),
                ("actifs", active.Count(m => band(m) == i)));
        }
        return table.Build();
    }
}
