using Marten;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Definitions;
using Smart.Modules.Reporting.Projections;

namespace Smart.Modules.Reporting.Tables;

/// <summary>
/// What a section of the report is computed from: the entity, the year, the definitions in force on its 31 December,
/// Reporting's store and the offices' names (Governance's, asked over the bus).
/// </summary>
internal sealed record ReportContext(Guid EntityId, int Year, DefinitionsVersion Definitions, IQuerySession Session, IReadOnlyDictionary<Guid, string> OfficeNames)
{
    public string OfficeName(Guid officeId) => OfficeNames.GetValueOrDefault(officeId) ?? "Bureau non renseigné";

    public Task<IReadOnlyList<MemberProfile>> MembersAsync(CancellationToken cancellationToken) =>
        Session.Query<MemberProfile>().Where(m => m.EntityId == EntityId).ToListAsync(cancellationToken);

    public Task<IReadOnlyList<PersonYear>> PersonsAsync(CancellationToken cancellationToken) =>
        Session.Query<PersonYear>().Where(p => p.EntityId == EntityId && p.Year == Year).ToListAsync(cancellationToken);

    public Task<IReadOnlyList<ActivityYear>> ActivitiesAsync(CancellationToken cancellationToken) =>
        Session.Query<ActivityYear>().Where(a => a.EntityId == EntityId && a.Year == Year).ToListAsync(cancellationToken);
}

/// <summary>
/// A section of the report: its tables, in the order they print. A new section is a class implementing this in the
/// module's assembly (found by scanning, ADR 0098); its tables are made with <see cref="TableBuilder"/>.
/// </summary>
internal interface IReportSection
{
    /// <summary>Where the section prints (10, 20, 30… leaves room between).</summary>
    int Order { get; }

    Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext context, CancellationToken cancellationToken);
}

/// <summary>French labels of the values the tables are split by.</summary>
internal static class Labels
{
    public static string Module(ActivityKind? kind) => kind switch
    {
        ActivityKind.CreativeProjects => "Projets créatifs",
        ActivityKind.Audiovisual => "Audiovisuel",
        ActivityKind.LivePerformance => "Spectacle vivant",
        ActivityKind.Training => "Formation",
        ActivityKind.ContractManagement => "Gestion de contrats",
        _ => "Non renseigné",
    };

    public static readonly IReadOnlyList<string> Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
}
