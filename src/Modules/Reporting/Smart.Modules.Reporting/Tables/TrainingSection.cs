using Marten;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Projections;
using Smart.Modules.Training.Contracts;
using static Smart.Modules.Reporting.Tables.TableBuilder;

namespace Smart.Modules.Reporting.Tables;

/// <summary>
/// Training in the year (sessions whose last day falls in it, as last published): the trainings by axis — sessions,
/// days, hours, people trained by audience, each person once. The offices' information sessions and workshops are in
/// <see cref="OfficesSection"/>.
/// </summary>
internal sealed class TrainingSection : IReportSection
{
    public int Order => 40;

    public static readonly IReadOnlyList<string> AxisLabels =
    [
        "1. De l'idée au projet", "2. Gérer son projet financièrement", "3. Promouvoir son projet", "4. Outils et ressources",
        "5. Coopérer pour transformer la société", "6. Prévention et sécurité",
    ];

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var sessions = await context.Session.Query<DeliveredSession>().Where(s => s.EntityId == context.EntityId && s.Year == context.Year).ToListAsync(cancellationToken);
        return Build(context, sessions);
    }

    public static IReadOnlyList<ReportTable> Build(ReportContext context, IReadOnlyList<DeliveredSession> sessions)
    {
        var trainings = sessions.Where(s => s.Kind == SessionKind.Training).ToList();
        var byAxis = new TableBuilder("formation-axes", "Formations par axe", "Axe", Count("formations", "Formations données"), Quantity("jours", "Jours"),
            Quantity("heures", "Heures"), Distinct("personnes", "Personnes formées"), Distinct("membres", "Membres"), Distinct("non-membres", "Non-membres"),
            Distinct("personnel", "Personnel"));
        foreach (var axis in Enum.GetValues<TrainingAxis>())
        {
            AxisRow(byAxis, AxisLabels[(int)axis - 1], trainings.Where(s => s.Axis == axis).ToList());
        }
        var withoutAxis = trainings.Where(s => s.Axis is null).ToList();
        if (withoutAxis.Count > 0) AxisRow(byAxis, "Axe non renseigné", withoutAxis);
        byAxis.DistinctTotal("personnes", People(trainings, null)).DistinctTotal("membres", People(trainings, TraineeAudience.Member))
            .DistinctTotal("non-membres", People(trainings, TraineeAudience.NonMember)).DistinctTotal("personnel", People(trainings, TraineeAudience.Staff));

        return
        [
            byAxis.Build("Sessions dont le dernier jour tombe dans l'année, dans leur dernière version publiée. Une personne est comptée une fois : par son numéro de membre, sinon par son e-mail."),
        ];
    }

    private static void AxisRow(TableBuilder table, string label, List<DeliveredSession> sessions) =>
        table.Row(label, ("formations", sessions.Count), ("jours", sessions.Sum(s => s.Days)), ("heures", sessions.Sum(s => s.Hours)),
            ("personnes", People(sessions, null)), ("membres", People(sessions, TraineeAudience.Member)),
            ("non-membres", People(sessions, TraineeAudience.NonMember)), ("personnel", People(sessions, TraineeAudience.Staff)));

    /// <summary>The distinct people trained in <paramref name="sessions"/> (of one audience, or all): by member id, else by lower-cased e-mail.</summary>
    public static int People(IEnumerable<DeliveredSession> sessions, TraineeAudience? audience) =>
        sessions.SelectMany(s => s.Trainees).Where(t => audience is null || t.Audience == audience).Select(PersonKey).Distinct().Count();

    public static string PersonKey(SessionTrainee trainee) =>
        trainee.MemberId is { } memberId ? memberId.ToString() : trainee.Email.Trim().ToLowerInvariant();
}
