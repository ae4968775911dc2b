using FluentValidation;
using FluentValidation.Results;
using Smart.BuildingBlocks.Security;
using Smart.Modules.Spaces.Domain.Bookings;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Residencies;
using Smart.Modules.Spaces.Domain.Resources;

namespace Smart.Modules.Spaces.Features;

/// <summary>
/// Spaces' records under the platform's visibility rule (<see cref="Visibility"/>): places and resources are shared by
/// their entity; a booking or a residency is its member's, their office's advisors' and their entity's staff's.
/// </summary>
internal static class SpacesVisibility
{
    public static IQueryable<Place> VisibleTo(this IQueryable<Place> places, ICurrentUser user) => places.VisibleInEntityOf(user, p => p.EntityId);

    public static IQueryable<Resource> VisibleTo(this IQueryable<Resource> resources, ICurrentUser user) => resources.VisibleInEntityOf(user, r => r.EntityId);

    public static IQueryable<Booking> VisibleTo(this IQueryable<Booking> bookings, ICurrentUser user) =>
        bookings.VisibleTo(user, b => b.EntityId, b => b.OfficeId, b => b.MemberId!.Value);

    public static IQueryable<Residency> VisibleTo(this IQueryable<Residency> residencies, ICurrentUser user) =>
        residencies.VisibleTo(user, r => r.EntityId, r => r.OfficeId, r => r.MemberId);

    /// <summary>Back-office staff of the entity (or a platform admin): they manage places and book for outsiders.</summary>
    public static bool IsBackOffice(this ICurrentUser user) => user.IsInRole(SmartRoles.Operator) || user.IsInRole(SmartRoles.Admin);
}

/// <summary>Input the domain refuses for the state it meets (a past date, a closed hour): a 400 naming the field, like a shape error.</summary>
internal static class InputErrors
{
    public static ValidationException Field(string field, string message) => new([new ValidationFailure(field, message)]);
}
