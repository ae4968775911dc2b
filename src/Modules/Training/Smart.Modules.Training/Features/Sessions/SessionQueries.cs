using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Sessions;
using Smart.Modules.Training.Features.Registrations;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Training.Features.Sessions;

public sealed record GetSession(Guid SessionId);

public sealed record ListSessions(int? SchoolYear, Guid? OfficeId, DateOnly? From);

public sealed record TrainerView(string Name, Guid? MemberId, Guid? ActivityId, decimal Amount);

public sealed record SessionView(Guid Id, Guid EntityId, Guid OfficeId, SessionKind Kind, Guid? TrainingId, TrainingAxis? Axis, int SchoolYear, string Title,
    IReadOnlyList<HalfDayInput> HalfDays, int Days, decimal Hours, int Capacity, bool WaitingList, SessionStatus Status, Guid? RoomId, string? VenueName,
    string? VenueAddress, string? RoomProblem, int Confirmed, int Waiting, IReadOnlyList<TrainerView> Trainers, IReadOnlyList<RegistrationView> Registrations,
    int Version)
{
    /// <summary>Trainers' pay and the list of trainees are shown to the session's managers; a member sees their own registration only.</summary>
    internal static SessionView From(Session s, ICurrentUser user)
    {
        var manages = user.Manages(s.EntityId, s.OfficeId);
        return new SessionView(s.Id, s.EntityId, s.OfficeId, s.Kind, s.CourseId, s.Axis, s.SchoolYear, s.Title,
            s.HalfDays.Select(h => new HalfDayInput(h.Date, h.Start, h.End)).ToList(), s.DayCount, s.Hours, s.Capacity, s.WaitingList, s.Status,
            s.Venue.ResourceId, s.Venue.Name, s.Venue.Address, s.RoomProblem, s.Confirmed, s.WaitingLine.Count(),
            s.Trainers.Select(t => new TrainerView(t.Name, manages ? t.MemberId : null, manages ? t.ActivityId : null, manages ? t.Amount : 0m)).ToList(),
            s.Registrations.Where(r => manages || (r.MemberId is { } m && m == user.MemberId)).Select(r => RegistrationView.From(s, r)).ToList(), s.Version);
    }
}

public sealed class SessionQueriesHandler(ICurrentUser user)
{
    public async Task<SessionView> HandleAsync(GetSession query, IQuerySession session, CancellationToken cancellationToken) =>
        SessionView.From(await session.LoadSessionAsync(user, query.SessionId, cancellationToken), user);

    public async Task<IReadOnlyList<SessionView>> HandleAsync(ListSessions query, IQuerySession session, CancellationToken cancellationToken)
    {
        var sessions = session.Query<Session>().VisibleInEntityOf(user, s => s.EntityId);
        if (query.SchoolYear is { } year) sessions = sessions.Where(s => s.SchoolYear == year);
        if (query.OfficeId is { } officeId) sessions = sessions.Where(s => s.OfficeId == officeId);
        if (query.From is { } from) sessions = sessions.Where(s => s.FirstDay >= from);
        return (await sessions.OrderBy(s => s.FirstDay).Take(500).ToListAsync(cancellationToken)).Select(s => SessionView.From(s, user)).ToList();
    }
}

public static class SessionQueryEndpoints
{
    [WolverineGet("/api/training/sessions/{sessionId:guid}", OperationId = "GetSession"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A session of the caller's entity: half-days, place and its status, seats taken and waiting; its trainees for staff, the caller's own registration for a member.")]
    public static async Task<Ok<SessionView>> Get(Guid sessionId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<SessionView>(new GetSession(sessionId), ct));

    [WolverineGet("/api/training/sessions", OperationId = "ListSessions"), ProducesValidationProblem]
    [EndpointSummary("The sessions of the caller's entity, by first day (500 at most), for a school year, an office, from a date when given.")]
    public static async Task<Ok<IReadOnlyList<SessionView>>> List(int? schoolYear, Guid? officeId, DateOnly? from, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<SessionView>>(new ListSessions(schoolYear, officeId, from), ct));
}
