using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Definitions;
using Smart.Modules.Reporting.Journal;
using Smart.Modules.Reporting.Projections;
using Smart.Modules.Reporting.Tables;
using Wolverine;
using Wolverine.Http;
using static Smart.Modules.Reporting.Tables.TableBuilder;

namespace Smart.Modules.Reporting.Features.Reports;

/// <summary>
/// The cooperative-wide view of a year (ADR 0115): one row per entity, and a total where a person active or salaried in
/// two entities counts once. Platform admins only; to anyone else it does not exist (404).
/// </summary>
public sealed record GetCooperativeReport(int Year)
{
    internal sealed class Validator : AbstractValidator<GetCooperativeReport>
    {
        public Validator(TimeProvider clock) => RuleFor(q => q.Year).ReportYear(clock);
    }
}

public sealed class CooperativeReportHandler(ICurrentUser user)
{
    public async Task<AnnualReport> HandleAsync(GetCooperativeReport query, IQuerySession session, CancellationToken cancellationToken)
    {
        if (!user.IsPlatformAdmin()) throw new NotFoundException("Report", query.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var entities = await session.Events.QueryRawEventDataOnly<EntityRecorded>().ToListAsync(cancellationToken);
        var members = await session.Query<MemberProfile>().ToListAsync(cancellationToken);
        var persons = await session.Query<PersonYear>().Where(p => p.Year == query.Year).ToListAsync(cancellationToken);
        var activities = await session.Query<ActivityYear>().Where(a => a.Year == query.Year).ToListAsync(cancellationToken);
        var gdc = await session.Query<GdcEmployeeYear>().Where(e => e.Year == query.Year).ToListAsync(cancellationToken);
        return new AnnualReport(Guid.Empty, CooperativeReport.Code, query.Year, ReportDefinitionsUsedOf(DefinitionsVersion.Default),
            [CooperativeReport.ByEntity(query.Year, entities, members, persons, activities, gdc)]);
    }

    private static ReportDefinitionsUsed ReportDefinitionsUsedOf(DefinitionsVersion d) =>
        new(new DateOnly(GetAnnualReport.FirstYear, 1, 1), d.AnnualHoursPerFte, d.BillingBandLimits, d.MonthlyAverage.ToString(), d.HomeCountry);
}

/// <summary>The table by entity of the cooperative-wide view.</summary>
internal static class CooperativeReport
{
    /// <summary>What stands for the entity's code on the cooperative-wide report.</summary>
    public const string Code = "Coopérative";

    /// <summary>
    /// Members registered by 31 December, persons active (a document in the year) and salaried (a contract starting in it,
    /// GDC employees included), net revenue, by entity. Members are registered in one entity each, so they add up; the same
    /// person may work in several, so active and salaried persons are counted once on the total.
    /// </summary>
    public static ReportTable ByEntity(int year, IReadOnlyList<EntityRecorded> entities, IReadOnlyList<MemberProfile> members, IReadOnlyList<PersonYear> persons,
        IReadOnlyList<ActivityYear> activities, IReadOnlyList<GdcEmployeeYear> gdc)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var table = new TableBuilder("entites", "Activité par entité", "Entité", Count("inscrits", "Membres inscrits"), Distinct("actifs", "Personnes actives"),
            Distinct("salaries", "Salariés"), Money("ca", "Chiffre d'affaires net HT"));
        foreach (var entity in entities.DistinctBy(e => e.EntityId).OrderBy(e => e.Code, StringComparer.Ordinal))
        {
            var own = persons.Where(p => p.EntityId == entity.EntityId).ToList();
            table.Row(entity.Code,
                ("inscrits", members.Count(m => m.EntityId == entity.EntityId && m.RegisteredOn <= yearEnd)),
                ("actifs", own.Count(p => p.Documents > 0)),
                ("salaries", Salaried(own, gdc.Where(e => e.EntityId == entity.EntityId)).Count()),
                ("ca", activities.Where(a => a.EntityId == entity.EntityId).Sum(a => a.Net)));
        }
        table.DistinctTotal("actifs", persons.Where(p => p.Documents > 0).Select(p => p.MemberId).Distinct().Count())
            .DistinctTotal("salaries", Salaried(persons, gdc).Count());
        return table.Build("Une personne active ou salariée dans plusieurs entités compte dans chacune et une fois au total (par son numéro de membre; un salarié "
            + "de la gestion de contrats par son identifiant d'employé).");
    }

    private static IEnumerable<Guid> Salaried(IEnumerable<PersonYear> persons, IEnumerable<GdcEmployeeYear> gdc) =>
        persons.Where(p => p.Contracts > 0).Select(p => p.MemberId).Concat(gdc.Select(e => e.EmployeeId)).Distinct();
}

/// <summary>The cooperative-wide report, for platform admins; anyone else gets 404. A year before 2000 or after the current one is a 400.</summary>
public static class CooperativeReportEndpoints
{
    [WolverineGet("/api/reporting/reports/{year:int}", OperationId = "GetCooperativeReport"), ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The cooperative-wide view of a year (platform admins): a table by entity where a person working in two entities counts once in the total.")]
    public static async Task<Ok<AnnualReport>> Get(int year, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<AnnualReport>(new GetCooperativeReport(year), ct));
}
