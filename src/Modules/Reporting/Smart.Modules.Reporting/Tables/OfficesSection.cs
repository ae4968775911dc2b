using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Projections;
using Smart.Modules.Training.Contracts;
using static Smart.Modules.Reporting.Tables.TableBuilder;

namespace Smart.Modules.Reporting.Tables;

/// <summary>
/// The offices (ADR 0113, 0115, 0122): its advisors on 31 December, what each did in the year — information sessions and workshops, their participants,
/// new members, active activities, net revenue — and its members by typology with its local budget, both by Governance's
/// member life rules (the thresholds in force on 31 December over the calendar year; each invoice's contribution shared
/// by the rules in force on its date).
/// </summary>
internal sealed class OfficesSection : IReportSection
{
    public int Order => 70;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var sessions = await context.Session.Query<DeliveredSession>().Where(s => s.EntityId == context.EntityId && s.Year == context.Year).ToListAsync(cancellationToken);
        var contributions = await context.Session.Query<OfficeContributionYear>().Where(c => c.EntityId == context.EntityId && c.Year == context.Year)
            .ToListAsync(cancellationToken);
        var rules = await context.Session.LoadAsync<MemberLifeRulesHistory>(MemberLifeRulesHistory.Key(context.EntityId), cancellationToken);
        var advisors = await context.Session.LoadAsync<OfficeAdvisors>(OfficeAdvisors.Key(context.EntityId), cancellationToken) ?? new OfficeAdvisors();
        return Build(context, await context.MembersAsync(cancellationToken), await context.PersonsAsync(cancellationToken),
            await context.ActivitiesAsync(cancellationToken), sessions, contributions, rules?.Versions ?? [], advisors);
    }

    public static IReadOnlyList<ReportTable> Build(ReportContext context, IReadOnlyList<MemberProfile> members, IReadOnlyList<PersonYear> persons,
        IReadOnlyList<ActivityYear> activities, IReadOnlyList<DeliveredSession> sessions, IReadOnlyList<OfficeContributionYear> contributions,
        IReadOnlyList<MemberLifeRulesVersion> rules, OfficeAdvisors advisors)
    {
        var yearEnd = new DateOnly(context.Year, 12, 31);
        var registered = members.Where(m => m.RegisteredOn <= yearEnd).ToList();
        var free = sessions.Where(s => s.Kind != SessionKind.Training).ToList();
        var activeActivities = activities.Where(a => a.Documents > 0).ToList();

        var offices = new TableBuilder("bureaux", "Bureaux", "Bureau", Count("conseillers", "Conseillers"), Count("seances", "Séances d'information"), Count("ateliers", "Ateliers"),
            Distinct("participants", "Participants"), Count("nouveaux", "Nouveaux inscrits"), Count("activites", "Activités actives"),
            Money("ca", "Chiffre d'affaires net HT"));
        var officeIds = registered.Select(m => m.OfficeId).Concat(activities.Select(a => a.OfficeId)).Concat(free.Select(s => s.OfficeId))
            .Concat(contributions.Select(c => c.OfficeId)).Concat(advisors.Assignments.Values.Where(a => a.IsInForceOn(yearEnd)).Select(a => a.OfficeId)).Distinct().OrderBy(context.OfficeName, StringComparer.Ordinal).ToList();
        foreach (var office in officeIds)
        {
            var held = free.Where(s => s.OfficeId == office).ToList();
            offices.Row(context.OfficeName(office),
                ("conseillers", advisors.On(office, yearEnd)),
                ("seances", held.Count(s => s.Kind == SessionKind.InformationSession)),
                ("ateliers", held.Count(s => s.Kind == SessionKind.Workshop)),
                ("participants", TrainingSection.People(held, null)),
                ("nouveaux", registered.Count(m => m.OfficeId == office && m.RegisteredOn.Year == context.Year)),
                ("activites", activeActivities.Count(a => a.OfficeId == office)),
                ("ca", activities.Where(a => a.OfficeId == office).Sum(a => a.Net)));
        }
        offices.DistinctTotal("participants", TrainingSection.People(free, null));

        return
        [
            offices.Build("Conseillers affectés au bureau le 31 décembre (une personne conseille un seul bureau à la fois). Séances gratuites des bureaux (participants présents au moins une fois, comptés une fois). Activité active : au moins un document "
                + "dans l'année. Chiffre d'affaires net : facturé moins avoirs, hors TVA."),
            Typology(context, registered, persons, contributions, rules, officeIds),
        ];
    }

    /// <summary>
    /// Members registered by 31 December by typology over the calendar year, by the entity's rules in force that day, and
    /// each office's local budget. Without rules (none published yet) nobody is classified and the note says so.
    /// </summary>
    private static ReportTable Typology(ReportContext context, List<MemberProfile> registered, IReadOnlyList<PersonYear> persons,
        IReadOnlyList<OfficeContributionYear> contributions, IReadOnlyList<MemberLifeRulesVersion> rules, List<Guid> officeIds)
    {
        var table = new TableBuilder("typologie-bureaux", "Typologie des membres et budget local par bureau", "Bureau",
            Count("inscrits", "Membres inscrits"), Count("inactifs", "Inactifs"), Count("occasionnels", "Occasionnels"), Count("actifs", "Actifs"),
            Share("part", "Part des actifs", "actifs"), Money("budget", "Budget local"));
        var yearEnd = new DateOnly(context.Year, 12, 31);
        if (rules.InForceOn(yearEnd) is not { } inForce)
        {
            return table.Build("Aucune règle de vie des membres de l'entité n'est en vigueur au 31 décembre : typologie et budget local non calculés.");
        }

        var figures = persons.ToDictionary(p => p.MemberId);
        var rule = inForce.Typology();
        var typologies = registered.Select(m => (m.OfficeId, Typology: figures.GetValueOrDefault(m.Id) is { } p
            ? rule.Classify(p.InvoicedNet, p.Invoices, p.Contracts) : MemberTypology.Inactive)).ToList();
        foreach (var office in officeIds)
        {
            var inOffice = typologies.Where(t => t.OfficeId == office).ToList();
            table.Row(context.OfficeName(office),
                ("inscrits", inOffice.Count),
                ("inactifs", inOffice.Count(t => t.Typology == MemberTypology.Inactive)),
                ("occasionnels", inOffice.Count(t => t.Typology == MemberTypology.Occasional)),
                ("actifs", inOffice.Count(t => t.Typology == MemberTypology.Active)),
                ("budget", contributions.Where(c => c.OfficeId == office).Sum(c => c.LocalBudget(rules))));
        }
        var share = inForce.LocalBudgetShare.ToString("0.##%", Smart.BuildingBlocks.Web.HtmlPage.French);
        return table.Build($"Typologie sur l'année civile : actif à partir de {inForce.ActiveRevenue.ToString("#,0.##", Smart.BuildingBlocks.Web.HtmlPage.French)} € "
            + $"de chiffre d'affaires net HT ou {inForce.ActiveContracts} contrats, occasionnel avec au moins une facture ou un contrat (règles de l'entité au 31 décembre). "
            + $"Budget local : part de la contribution sur les factures des membres du bureau, moins les avoirs ({share} au 31 décembre), selon les règles en vigueur à la date de chaque facture.");
    }
}
