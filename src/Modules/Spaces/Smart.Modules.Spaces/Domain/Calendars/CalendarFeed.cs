using System.Security.Cryptography;

namespace Smart.Modules.Spaces.Domain.Calendars;

/// <summary>
/// A subscribable iCalendar feed of a resource's bookings or of a member's own: whoever holds <see cref="Token"/> reads
/// it without logging in (calendar applications cannot), so the token is long, random and the only way in.
/// </summary>
internal sealed class CalendarFeed
{
    private CalendarFeed()
    {
        Token = null!;
    }

    public Guid Id { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid? ResourceId { get; private set; }

    public Guid? MemberId { get; private set; }

    /// <summary>192 random bits, in hexadecimal.</summary>
    public string Token { get; private set; }

    public static CalendarFeed OfResource(Guid entityId, Guid resourceId) => New(entityId, resourceId, null);

    public static CalendarFeed OfMember(Guid entityId, Guid memberId) => New(entityId, null, memberId);

    private static CalendarFeed New(Guid entityId, Guid? resourceId, Guid? memberId) => new()
    {
        Id = Guid.CreateVersion7(),
        EntityId = entityId,
        ResourceId = resourceId,
        MemberId = memberId,
        Token = NewToken(),
    };

    /// <summary>Revokes the address: a new token, and the old one leads nowhere (404) from now on.</summary>
    public void Renew() => Token = NewToken();

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
