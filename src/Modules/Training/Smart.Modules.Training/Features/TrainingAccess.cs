using FluentValidation;
using FluentValidation.Results;
using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.Modules.Training.Domain.Catalogue;
using Smart.Modules.Training.Domain.Sessions;

namespace Smart.Modules.Training.Features;

/// <summary>
/// Training's records under the platform's visibility rule (<see cref="Visibility"/>): the catalogue and the sessions are
/// shared by their entity; a session is managed by its office's advisors and its entity's back office; a registration
/// is its member's and the session's managers'. What a caller may not see does not exist for them (404).
/// </summary>
internal static class TrainingAccess
{
    public static async Task<Session> LoadSessionAsync(this IQuerySession session, ICurrentUser user, Guid sessionId, CancellationToken cancellationToken) =>
        await session.Query<Session>().VisibleInEntityOf(user, s => s.EntityId).SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
        ?? throw new NotFoundException("Session", sessionId);

    public static async Task<TrainingCourse> LoadCourseAsync(this IQuerySession session, ICurrentUser user, Guid courseId, CancellationToken cancellationToken) =>
        await session.Query<TrainingCourse>().VisibleInEntityOf(user, c => c.EntityId).SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken)
        ?? throw new NotFoundException("Training", courseId);

    /// <summary>A session the caller manages: its office's advisor, its entity's operators and admins, a platform admin; 404 for anyone else.</summary>
    public static async Task<Session> LoadManagedSessionAsync(this IQuerySession session, ICurrentUser user, Guid sessionId, CancellationToken cancellationToken)
    {
        var loaded = await session.LoadSessionAsync(user, sessionId, cancellationToken);
        return user.Manages(loaded.EntityId, loaded.OfficeId) ? loaded : throw new NotFoundException("Session", sessionId);
    }

    /// <summary>The sessions the caller manages, as a query: the same rule as <see cref="Manages"/>.</summary>
    public static IQueryable<Session> ManagedBy(this IQueryable<Session> sessions, ICurrentUser user) =>
        user.IsPlatformAdmin() ? sessions
        : (user.IsInRole(SmartRoles.Admin) || user.IsInRole(SmartRoles.Operator)) && user.EntityId is { } entityId ? sessions.Where(s => s.EntityId == entityId)
        : user.IsInRole(SmartRoles.Advisor) && user.OfficeId is { } officeId ? sessions.Where(s => s.OfficeId == officeId)
        : sessions.Where(_ => false);

    public static bool Manages(this ICurrentUser user, Guid entityId, Guid officeId) =>
        user.IsPlatformAdmin()
        || ((user.IsInRole(SmartRoles.Admin) || user.IsInRole(SmartRoles.Operator)) && user.EntityId == entityId)
        || (user.IsInRole(SmartRoles.Advisor) && user.OfficeId == officeId);

    public static bool IsStaff(this ICurrentUser user) =>
        user.IsInRole(SmartRoles.Advisor) || user.IsInRole(SmartRoles.Operator) || user.IsInRole(SmartRoles.Admin);

    /// <summary>A registration of the session that is the caller's own or that they manage; 404 otherwise.</summary>
    public static Registration RegistrationFor(this Session session, ICurrentUser user, Guid registrationId) =>
        session.Find(registrationId) is { } registration
        && (user.Manages(session.EntityId, session.OfficeId) || (registration.MemberId is { } memberId && memberId == user.MemberId))
            ? registration
            : throw new NotFoundException("Registration", registrationId);

    /// <summary>Input the state met refuses (a room and a venue, a missing activity): a 400 naming the field, like a shape error.</summary>
    public static ValidationException Field(string field, string message) => new([new ValidationFailure(field, message)]);
}
