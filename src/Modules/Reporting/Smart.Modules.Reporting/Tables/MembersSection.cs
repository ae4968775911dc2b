using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Definitions;
using Smart.Modules.Reporting.Projections;
using static Smart.Modules.Reporting.Tables.TableBuilder;

namespace Smart.Modules.Reporting.Tables;

/// <summary>
/// Members: registered (by the 31 December), new (registered in the year) and active (at least one document in the year:
/// an invoice, an expense or a contract) by gender and by age band. The offices' figures are in <see cref="OfficesSection"/>.
/// </summary>
internal sealed class MembersSection : IReportSection
{
    public int Order => 10;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var members = await context.MembersAsync(cancellationToken);
        var persons = await context.PersonsAsync(cancellationToken);
        return Build(context, members, persons);
    }

    public static IReadOnlyList<ReportTable> Build(ReportContext context, IReadOnlyList<MemberProfile> members, IReadOnlyList<PersonYear> persons)
    {
        var yearEnd = new DateOnly(context.Year, 12, 31);
        var registered = members.Where(m => m.RegisteredOn <= yearEnd).ToList();
        var profiles = members.ToDictionary(m => m.Id);
        var active = persons.Where(p => p.Documents > 0).Select(p => profiles.GetValueOrDefault(p.MemberId) ?? new MemberProfile { Id = p.MemberId }).ToList();

        return
        [
            Split("membres-genre", "Membres par genre", "Genre", Genders.Labels, m => Genders.Of(m.Gender), context, registered, active)
                .Build("Actif : au moins un document dans l'année (facture, note de frais, contrat)."),
            Split("membres-age", "Membres par tranche d'âge", "Âge au 31 décembre", AgeBands.Labels, m => AgeBands.Of(m.BirthDate, context.Year), context, registered, active)
                .Build(),
        ];
    }

    private static TableBuilder Split(string key, string title, string labelTitle, IReadOnlyList<string> labels, Func<MemberProfile, int> band, ReportContext context,
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
        return table;
    }
}
