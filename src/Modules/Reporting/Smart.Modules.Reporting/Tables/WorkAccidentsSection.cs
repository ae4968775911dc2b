using Marten;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Projections;
using static Smart.Modules.Reporting.Tables.TableBuilder;

namespace Smart.Modules.Reporting.Tables;

/// <summary>
/// Work accidents of the year (ADR 0108): hours worked (members' contracts and contract-management contracts starting in
/// the year), accidents with and without lost time, calendar days lost (each accident's latest figure), and the frequency
/// and severity rates, recomputed from their formula on every row and on the total.
/// </summary>
internal sealed class WorkAccidentsSection : IReportSection
{
    /// <summary>Frequency rate: accidents with lost time × 1,000,000 ÷ hours worked (the divisor is the reciprocal of the factor).</summary>
    public const decimal FrequencyDivisor = 0.000001m;

    /// <summary>Severity rate: calendar days lost × 1,000 ÷ hours worked.</summary>
    public const decimal SeverityDivisor = 0.001m;

    public int Order => 40;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var cells = await context.Session.Query<AccidentCell>().Where(c => c.EntityId == context.EntityId && c.Year == context.Year).ToListAsync(cancellationToken);
        var memberHours = (await context.Session.Query<ContractCell>().Where(c => c.EntityId == context.EntityId && c.Year == context.Year)
            .ToListAsync(cancellationToken)).Sum(c => c.Hours);
        return [Build(memberHours, cells)];
    }

    public static ReportTable Build(decimal memberHours, IReadOnlyList<AccidentCell> cells)
    {
        var table = new TableBuilder("accidents-travail", "Accidents du travail", "Travailleurs", Quantity("heures", "Heures prestées"),
            Count("avec-arret", "Accidents avec arrêt"), Count("sans-arret", "Accidents sans arrêt"), Count("jours-perdus", "Jours calendrier perdus"),
            Quotient("frequence", "Taux de fréquence", "avec-arret", "heures", FrequencyDivisor, 2),
            Quotient("gravite", "Taux de gravité", "jours-perdus", "heures", SeverityDivisor, 2));
        foreach (var (worker, label) in new[] { (AccidentWorker.Member, "Membres"), (AccidentWorker.GdcEmployee, "Salariés en gestion de contrats") })
        {
            var ofWorker = cells.Where(c => c.Worker == worker).ToList();
            var accidents = ofWorker.SelectMany(c => c.Accidents.Values).ToList();
            var hours = worker == AccidentWorker.Member ? memberHours : ofWorker.Sum(c => c.GdcHours);
            table.Row(label, ("heures", hours), ("avec-arret", accidents.Count(a => a.WithLostTime)), ("sans-arret", accidents.Count(a => !a.WithLostTime)),
                ("jours-perdus", accidents.Sum(a => a.DaysLost)));
        }
        return table.Build("Taux de fréquence : accidents avec arrêt × 1 000 000 ÷ heures prestées. Taux de gravité : jours calendrier perdus × 1 000 ÷ heures " +
            "prestées. Heures des contrats commençant dans l'année ; accidents de l'année de leur date, avec leurs derniers jours perdus connus.");
    }
}
