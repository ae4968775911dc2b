using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Sessions;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Training.Features.Figures;

/// <summary>The figures of a school year (2025 for October 2025 to June 2026), for one office when given.</summary>
public sealed record GetTrainingFigures(int SchoolYear, Guid? OfficeId);

/// <summary>People trained and trainee-hours for one audience.</summary>
public sealed record AudienceFigures(TraineeAudience Audience, int Trainees, decimal TraineeHours);

/// <summary>
/// One axis (or the total, <see cref="Axis"/> null): trainings held (distinct trainings with a delivered session), days
/// and hours of those sessions, people trained (registrations attending at least one half-day) per audience,
/// trainee-hours (hours attended), and the average of the feedback ratings.
/// </summary>
public sealed record AxisFigures(TrainingAxis? Axis, int TrainingsHeld, int Sessions, int Days, decimal Hours, int PeopleTrained, int Members, int NonMembers,
    int Staff, decimal TraineeHours, double? AverageRating);

/// <summary>Information sessions and workshops, counted apart: held, and the people registered to them.</summary>
public sealed record OfficeEventFigures(SessionKind Kind, int Held, int Participants);

/// <summary>
/// The table the cooperative publishes each year (per axis and in total), the office events apart, and the summary a
/// French training provider files yearly (trainees and trainee-hours by audience).
/// </summary>
public sealed record TrainingFiguresView(int SchoolYear, Guid? OfficeId, IReadOnlyList<AxisFigures> Axes, AxisFigures Total, IReadOnlyList<OfficeEventFigures> OfficeEvents,
    IReadOnlyList<AudienceFigures> ProviderSummary);

public sealed class TrainingFiguresHandler(ICurrentUser user)
{
    public async Task<TrainingFiguresView> HandleAsync(GetTrainingFigures query, IQuerySession session, CancellationToken cancellationToken)
    {
        var sessions = session.Query<Session>().VisibleInEntityOf(user, s => s.EntityId)
            .Where(s => s.SchoolYear == query.SchoolYear && s.Status == SessionStatus.Delivered);
        if (query.OfficeId is { } officeId) sessions = sessions.Where(s => s.OfficeId == officeId);
        return Compute(query.SchoolYear, query.OfficeId, await sessions.ToListAsync(cancellationToken));
    }

    /// <summary>The figures from the delivered sessions, as pure arithmetic (tested on hand-counted years).</summary>
    internal static TrainingFiguresView Compute(int schoolYear, Guid? officeId, IReadOnlyList<Session> delivered)
    {
        var trainings = delivered.Where(s => s.Kind == SessionKind.Training).ToList();
        var axes = Enum.GetValues<TrainingAxis>().Select(axis => Of(axis, trainings.Where(s => s.Axis == axis).ToList())).ToList();
        var attended = trainings.SelectMany(s => s.Registrations.Where(r => r.Attended.Count > 0).Select(r => (Session: s, Registration: r))).ToList();
        return new TrainingFiguresView(schoolYear, officeId, axes, Of(null, trainings),
            [OfficeEvent(SessionKind.InformationSession, delivered), OfficeEvent(SessionKind.Workshop, delivered)],
            Enum.GetValues<TraineeAudience>().Select(audience => new AudienceFigures(audience,
                attended.Count(a => a.Registration.Audience == audience),
                attended.Where(a => a.Registration.Audience == audience).Sum(a => a.Session.HoursAttended(a.Registration)))).ToList());
    }

    private static AxisFigures Of(TrainingAxis? axis, IReadOnlyList<Session> sessions)
    {
        var attended = sessions.SelectMany(s => s.Registrations.Where(r => r.Attended.Count > 0).Select(r => (Session: s, Registration: r))).ToList();
        var ratings = sessions.SelectMany(s => s.Registrations).Where(r => r.Feedback is not null).SelectMany(r => r.Feedback!.Ratings).ToList();
        return new AxisFigures(axis, sessions.Select(s => s.CourseId).Distinct().Count(), sessions.Count, sessions.Sum(s => s.DayCount), sessions.Sum(s => s.Hours),
            attended.Count, attended.Count(a => a.Registration.Audience == TraineeAudience.Member), attended.Count(a => a.Registration.Audience == TraineeAudience.NonMember),
            attended.Count(a => a.Registration.Audience == TraineeAudience.Staff), attended.Sum(a => a.Session.HoursAttended(a.Registration)),
            ratings.Count == 0 ? null : Math.Round(ratings.Average(r => r.Score), 2, MidpointRounding.ToEven));
    }

    private static OfficeEventFigures OfficeEvent(SessionKind kind, IReadOnlyList<Session> delivered)
    {
        var held = delivered.Where(s => s.Kind == kind).ToList();
        return new OfficeEventFigures(kind, held.Count, held.Sum(s => s.Confirmed));
    }
}

public static class TrainingFiguresEndpoint
{
    [WolverineGet("/api/training/figures", OperationId = "GetTrainingFigures"), Authorize(SmartPolicies.Staff), ProducesValidationProblem]
    [EndpointSummary("A school year's figures (2025 for 2025–2026) of the caller's entity, for an office when given (staff): per axis and in total trainings held, days, hours, people trained by audience, trainee-hours, average rating; office events apart; the training provider's yearly summary.")]
    public static async Task<Ok<TrainingFiguresView>> Get(int? schoolYear, Guid? officeId, IMessageBus bus, CancellationToken ct)
    {
        if (schoolYear is not { } year || year is < Catalogue.AddTraining.FirstSchoolYear or > Catalogue.AddTraining.LastSchoolYear)
        {
            throw TrainingAccess.Field("schoolYear", $"A school year between {Catalogue.AddTraining.FirstSchoolYear} and {Catalogue.AddTraining.LastSchoolYear}.");
        }
        return TypedResults.Ok(await bus.InvokeAsync<TrainingFiguresView>(new GetTrainingFigures(year, officeId), ct));
    }
}
