using System.Text.Json;
using FluentValidation;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Sessions;
using Smart.Modules.Training.Features.Sessions;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Training.Features.Registrations;

/// <summary>
/// Registrations across sessions, latest sessions first, a page at a time: the caller's own (<see cref="Mine"/>, or a
/// member asking), or for staff those of the sessions they manage, of one member when <see cref="MemberId"/> is given.
/// </summary>
public sealed record ListRegistrations(bool Mine, Guid? MemberId, RegistrationStatus? Status, int? SchoolYear, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListRegistrations>
    {
        public Validator()
        {
            RuleFor(q => q.MemberId).NotEqual(Guid.Empty);
            RuleFor(q => q.Status).IsInEnum();
            RuleFor(q => q.SchoolYear).InclusiveBetween(2000, 2999);
            RuleFor(q => q.Page).InclusiveBetween(1, 10_000);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }
}

/// <summary>
/// A registration with its session: the half-days and place, where the trainee stands (confirmed, waiting at a position,
/// cancelled; whether they attended and for how many hours), the price and the activity charged (or a non-member's invoice number).
/// </summary>
public sealed record RegistrationSummary(Guid Id, Guid SessionId, SessionKind Kind, Guid? TrainingId, string Title, DateOnly FirstDay, DateOnly LastDay,
    IReadOnlyList<HalfDayInput> HalfDays, string? VenueName, string? VenueAddress, SessionStatus SessionStatus, TraineeAudience Audience, Guid? MemberId,
    string Name, RegistrationStatus Status, int WaitingPosition, bool Attended, decimal HoursAttended, decimal Price, decimal Charged, Guid? ActivityId,
    string? InvoiceNumber, DateTimeOffset RegisteredAt, DateTimeOffset? CancelledAt)
{
    internal static RegistrationSummary From(Session s, Registration r) => new(r.Id, s.Id, s.Kind, s.CourseId, s.Title, s.FirstDay, s.LastDay,
        s.HalfDays.Select(h => new HalfDayInput(h.Date, h.Start, h.End)).ToList(), s.Venue.Name, s.Venue.Address, s.Status, r.Audience, r.MemberId, r.Name,
        r.Status, s.PositionOf(r), r.Attended.Count > 0, s.HoursAttended(r), r.Price, r.Charged, r.ActivityId, r.InvoiceNumber, r.RegisteredAt, r.CancelledAt);
}

public sealed class RegistrationQueriesHandler(ICurrentUser user)
{
    /// <summary>Sessions holding a registration of the member: JSON containment, answered by the sessions' GIN index (ADR 0071).</summary>
    private const string HoldsMemberSql = "d.data @> ?::jsonb";

    public async Task<PagedResult<RegistrationSummary>> HandleAsync(ListRegistrations query, IQuerySession session, CancellationToken cancellationToken)
    {
        var staff = !query.Mine && (user.IsStaff() || user.IsPlatformAdmin());
        // A member sees their own registrations only: another member's do not exist for them.
        if (!staff && query.MemberId is { } asked && asked != user.MemberId) throw new NotFoundException("Member", asked);
        var memberId = staff ? query.MemberId : user.MemberId;
        if (!staff && memberId is null) return new PagedResult<RegistrationSummary>([], query.Page, query.PageSize, 0);

        var sessions = staff ? session.Query<Session>().ManagedBy(user) : session.Query<Session>().VisibleInEntityOf(user, s => s.EntityId);
        if (memberId is { } id)
        {
            var holds = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                [nameof(Session.Registrations)] = new[] { new Dictionary<string, Guid> { [nameof(Registration.MemberId)] = id } },
            });
            sessions = sessions.Where(s => s.MatchesSql(HoldsMemberSql, holds));
        }
        if (query.SchoolYear is { } year) sessions = sessions.Where(s => s.SchoolYear == year);
        var registrations = (await sessions.OrderByDescending(s => s.FirstDay).ThenBy(s => s.Id).ToListAsync(cancellationToken))
            .SelectMany(s => s.Registrations
                .Where(r => (memberId is null || r.MemberId == memberId) && (query.Status is null || r.Status == query.Status))
                .OrderBy(r => r.RegisteredAt)
                .Select(r => (Session: s, Registration: r)))
            .ToList();
        var page = registrations.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(p => RegistrationSummary.From(p.Session, p.Registration)).ToList();
        return new PagedResult<RegistrationSummary>(page, query.Page, query.PageSize, registrations.Count);
    }
}

public static class RegistrationQueryEndpoints
{
    [WolverineGet("/api/training/registrations/mine", OperationId = "ListMyRegistrations"), ProducesValidationProblem]
    [EndpointSummary("The caller's own registrations, latest sessions first, a page at a time: the session's dates and place, confirmed / waiting (with the position) / cancelled, attended, the price and the activity charged (or a non-member's invoice number).")]
    public static async Task<Ok<PagedResult<RegistrationSummary>>> Mine(RegistrationStatus? status, int? schoolYear, int? page, int? pageSize, IMessageBus bus,
        CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<RegistrationSummary>>(new ListRegistrations(true, null, status, schoolYear, page ?? 1, pageSize ?? 50), ct));

    [WolverineGet("/api/training/registrations", OperationId = "ListRegistrations"), ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Registrations, latest sessions first, a page at a time: staff see those of the sessions they manage (of one member when memberId is given), a member their own (another member's: 404).")]
    public static async Task<Ok<PagedResult<RegistrationSummary>>> List(Guid? memberId, RegistrationStatus? status, int? schoolYear, int? page, int? pageSize,
        IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<RegistrationSummary>>(new ListRegistrations(false, memberId, status, schoolYear, page ?? 1, pageSize ?? 50), ct));
}
