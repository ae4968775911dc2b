using FluentValidation;
using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Definitions;
using Smart.Modules.Reporting.Journal;
using Smart.Modules.Reporting.Projections;
using Smart.Modules.Reporting.Tables;
using Wolverine;

namespace Smart.Modules.Reporting.Features.Reports;

/// <summary>An entity's annual activity report for a year, from the read models as the daemon has them.</summary>
public sealed record GetAnnualReport(Guid EntityId, int Year)
{
    /// <summary>The first year a report can be asked for; the last is the current one.</summary>
    public const int FirstYear = 2000;

    internal sealed class Validator : AbstractValidator<GetAnnualReport>
    {
        public Validator(TimeProvider clock) => RuleFor(q => q.Year).ReportYear(clock);
    }
}

internal static class ReportYearRule
{
    /// <summary>A report covers a year from <see cref="GetAnnualReport.FirstYear"/> to the current one.</summary>
    public static IRuleBuilderOptions<T, int> ReportYear<T>(this IRuleBuilder<T, int> year, TimeProvider clock) =>
        year.Must(y => y >= GetAnnualReport.FirstYear && y <= clock.Today().Year)
            .WithMessage(_ => $"A report covers a year from {GetAnnualReport.FirstYear} to {clock.Today().Year}.");
}

public sealed class AnnualReportHandler(ICurrentUser user)
{
    /// <summary>The sections of the report, found in this assembly once, in their order (ADR 0098).</summary>
    private static readonly IReadOnlyList<IReportSection> Sections = typeof(IReportSection).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IReportSection).IsAssignableFrom(t))
        .Select(t => (IReportSection)Activator.CreateInstance(t)!).OrderBy(s => s.Order).ToList();

    public async Task<AnnualReport> HandleAsync(GetAnnualReport query, IQuerySession session, IMessageBus bus, CancellationToken cancellationToken)
    {
        // Staff of the entity (advisors, operators, admins) and platform admins; to anyone else the entity does not exist.
        var staff = user.IsInRole(SmartRoles.Advisor) || user.IsInRole(SmartRoles.Operator) || user.IsInRole(SmartRoles.Admin);
        if (!staff || (user.EntityId != query.EntityId && !user.IsPlatformAdmin())) throw new NotFoundException("Entity", query.EntityId);
        var entity = (await session.FactsAsync(query.EntityId, cancellationToken)).OfType<EntityRecorded>().FirstOrDefault()
            ?? throw new NotFoundException("Entity", query.EntityId);

        var definitions = (await session.LoadAsync<ReportDefinitions>(query.EntityId, cancellationToken))?.On(new DateOnly(query.Year, 12, 31)) ?? DefinitionsVersion.Default;
        var offices = new Dictionary<Guid, string>();
        foreach (var officeId in await OfficesAsync(session, query, cancellationToken))
        {
            if (await bus.InvokeAsync<OfficeReference?>(new FindOfficeById(officeId), cancellationToken) is { } office) offices[officeId] = office.Name;
        }
        var context = new ReportContext(query.EntityId, query.Year, definitions, session, offices);
        var tables = new List<ReportTable>();
        foreach (var section in Sections)
        {
            tables.AddRange(await section.BuildAsync(context, cancellationToken));
        }
        return new AnnualReport(entity.EntityId, entity.Code, query.Year,
            new ReportDefinitionsUsed(definitions.EffectiveFrom == DateOnly.MinValue ? new DateOnly(GetAnnualReport.FirstYear, 1, 1) : definitions.EffectiveFrom,
                definitions.AnnualHoursPerFte, definitions.BillingBandLimits, definitions.MonthlyAverage.ToString(), definitions.HomeCountry),
            tables);
    }

    /// <summary>The offices the report names: its members' and its activities'.</summary>
    private static async Task<IReadOnlyList<Guid>> OfficesAsync(IQuerySession session, GetAnnualReport query, CancellationToken cancellationToken)
    {
        var members = await session.Query<MemberProfile>().Where(m => m.EntityId == query.EntityId).Select(m => m.OfficeId).Distinct().ToListAsync(cancellationToken);
        var activities = await session.Query<ActivityYear>().Where(a => a.EntityId == query.EntityId && a.Year == query.Year).Select(a => a.OfficeId).Distinct()
            .ToListAsync(cancellationToken);
        return members.Union(activities).Where(id => id != Guid.Empty).ToList();
    }
}
