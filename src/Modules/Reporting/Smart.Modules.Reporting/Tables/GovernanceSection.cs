using Marten;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Projections;
using static Smart.Modules.Reporting.Tables.TableBuilder;

namespace Smart.Modules.Reporting.Tables;

/// <summary>
/// Shareholders and assemblies: shareholders holding shares on 31 December, not gone, and their shares, by SmartFr category and by
/// voting college, with the capital subscribed, paid and refunded in the year and the capital outstanding at the year's
/// end; then each assembly closed in the year.
/// </summary>
internal sealed class GovernanceSection : IReportSection
{
    public int Order => 60;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var shareholders = await context.Session.Query<ShareholderYear>()
            .Where(s => s.EntityId == context.EntityId && s.Year <= context.Year).ToListAsync(cancellationToken);
        var assemblies = await context.Session.Query<AssemblyYear>()
            .Where(a => a.EntityId == context.EntityId && a.Year == context.Year).ToListAsync(cancellationToken);
        return Build(context.Year, shareholders, assemblies);
    }

    public static IReadOnlyList<ReportTable> Build(int year, IReadOnlyList<ShareholderYear> shareholders, IReadOnlyList<AssemblyYear> assemblies)
    {
        // A shareholder's position on 31 December is the one after its last movement up to that year.
        var positions = shareholders.GroupBy(s => s.ShareholderId).Select(g => g.MaxBy(s => s.Year)!).ToList();
        var inYear = shareholders.Where(s => s.Year == year).ToList();
        return
        [
            Capital("actionnaires-categories", "Actionnaires par catégorie", "Catégorie", Enum.GetValues<ShareholderCategory>().Select(c => (ShareholdingLabels.Category(c),
                (Func<ShareholderYear, bool>)(s => s.Category == c))), positions, inYear),
            Capital("actionnaires-colleges", "Actionnaires par collège de vote", "Collège", Enum.GetValues<VotingCollege>().Select(c => (ShareholdingLabels.College(c),
                (Func<ShareholderYear, bool>)(s => s.College == c))), positions, inYear),
            Assemblies(assemblies),
        ];
    }

    private static ReportTable Capital(string key, string title, string labelTitle, IEnumerable<(string Label, Func<ShareholderYear, bool> In)> rows,
        List<ShareholderYear> positions, List<ShareholderYear> inYear)
    {
        var table = new TableBuilder(key, title, labelTitle,
            Count("actionnaires", "Actionnaires au 31 décembre"), Count("parts", "Parts détenues"), Money("souscrit", "Capital souscrit dans l'année"),
            Money("libere", "Capital libéré dans l'année"), Money("rembourse", "Capital remboursé dans l'année"), Money("encours", "Capital au 31 décembre"));
        foreach (var (label, isIn) in rows)
        {
            var held = positions.Where(s => isIn(s) && s.SharesHeld > 0 && s.ExitedOn is null).ToList();
            var moved = inYear.Where(isIn).ToList();
            table.Row(label, ("actionnaires", held.Count), ("parts", held.Sum(s => s.SharesHeld)), ("souscrit", moved.Sum(s => s.SubscribedInYear)),
                ("libere", moved.Sum(s => s.PaidInYear)), ("rembourse", moved.Sum(s => s.RefundedInYear)), ("encours", positions.Where(isIn).Sum(s => s.Outstanding)));
        }
        return table.Build("Actionnaires au 31 décembre : ceux qui détiennent des parts et ne sont pas sortis. Catégorie et collège : ceux du dernier mouvement. "
            + "Capital au 31 décembre : souscrit moins remboursé (celui d'un actionnaire sorti reste dû jusqu'à son remboursement).");
    }

    private static ReportTable Assemblies(IReadOnlyList<AssemblyYear> assemblies)
    {
        var table = new TableBuilder("assemblees", "Assemblées générales", "Assemblée",
            Count("droits", "Droits de vote"), Count("votants", "Participants (votants)"), Count("electroniques", "Votants électroniques"),
            Count("procurations", "Représentés par procuration"), Count("soumises", "Résolutions soumises au vote"), Count("adoptees", "Résolutions adoptées"));
        foreach (var a in assemblies.OrderBy(a => a.Date))
        {
            table.Row($"{a.Date:dd/MM/yyyy} — {ShareholdingLabels.Kind(a.Kind)}, {ShareholdingLabels.Convocation(a.HeldOn)}",
                ("droits", a.VotingRights), ("votants", a.Participants), ("electroniques", a.ElectronicVoters), ("procurations", a.RepresentedByProxy),
                ("soumises", a.ResolutionsPutToVote), ("adoptees", a.ResolutionsAdopted));
        }
        return table.Build();
    }
}

/// <summary>French labels of Governance's shareholding values.</summary>
internal static class ShareholdingLabels
{
    public static string Category(ShareholderCategory category) => category switch
    {
        ShareholderCategory.ActivityCoordinator => "Porteurs et porteuses de projet",
        ShareholderCategory.AffiliatedOrOccasionalUser => "Usagers affiliés ou occasionnels",
        ShareholderCategory.ContractManagementEmployer => "Employeurs en gestion de contrats",
        ShareholderCategory.PermanentStaff => "Salariés permanents",
        ShareholderCategory.Client => "Clients",
        ShareholderCategory.SectorPartner => "Partenaires sectoriels",
        ShareholderCategory.TerritorialPartner => "Partenaires territoriaux",
        ShareholderCategory.ProfessionalPartner => "Partenaires professionnels",
        _ => "Partenaires économiques",
    };

    public static string College(VotingCollege college) => college switch
    {
        VotingCollege.Beneficiaries => "Bénéficiaires",
        VotingCollege.ServiceProducers => "Producteurs du service",
        VotingCollege.PartnersAndClients => "Partenaires et clients",
        _ => "Partenaires économiques et collectivités",
    };

    public static string Kind(AssemblyKind kind) => kind switch
    {
        AssemblyKind.Ordinary => "ordinaire",
        AssemblyKind.Extraordinary => "extraordinaire",
        _ => "mixte",
    };

    public static string Convocation(AssemblyConvocation convocation) => convocation == AssemblyConvocation.First ? "première convocation" : "seconde convocation";
}
