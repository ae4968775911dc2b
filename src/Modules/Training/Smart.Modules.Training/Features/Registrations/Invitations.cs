using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Smart.BuildingBlocks.Mail;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Training.Domain.Sessions;

namespace Smart.Modules.Training.Features.Registrations;

/// <summary>
/// The e-mails a trainee receives: their seat confirmed (at once, or promoted from the waiting list) or the session
/// moved, with the session's half-days as an iCalendar invitation (RFC 5546 REQUEST, one event per half-day, the
/// session's <see cref="Session.Sequence"/> so a calendar replaces the events it holds); their place on the waiting list,
/// without one. Each e-mail's id is derived from the registration (and the session's sequence for a move), so a handler
/// run again sends the same e-mail.
/// </summary>
internal static class Invitations
{
    private enum Kind : byte
    {
        Confirmed = 0xA5,
        Promoted = 0x5A,
        Waiting = 0x3C,
        Moved = 0xC3,
    }

    public static SendEmail Of(Session session, Registration registration, bool promoted) =>
        Invitation(session, registration, promoted ? Kind.Promoted : Kind.Confirmed);

    /// <summary>The session moved (dates, hours or place): the updated invitation of a confirmed trainee (ADR 0086).</summary>
    public static SendEmail Moved(Session session, Registration registration) => Invitation(session, registration, Kind.Moved);

    /// <summary>The registration waits: its position in line, and that a freed seat brings the invitation (ADR 0086).</summary>
    public static SendEmail Waiting(Session session, Registration registration)
    {
        var content = MailTemplates.Render(typeof(Invitations).Assembly, "WaitingList", new Dictionary<string, object?>
        {
            ["name"] = registration.Name,
            ["title"] = session.Title,
            ["position"] = session.PositionOf(registration),
            ["dates"] = Dates(session),
            ["price"] = registration.Price > 0 ? HtmlPage.Euros(registration.Price) : "",
        });
        return new SendEmail(EmailId(registration.Id, Kind.Waiting, 0), registration.Email, registration.Name, content.Subject, content.Html, content.Text, []);
    }

    private static SendEmail Invitation(Session session, Registration registration, Kind kind)
    {
        var content = MailTemplates.Render(typeof(Invitations).Assembly, "Invitation", new Dictionary<string, object?>
        {
            ["name"] = registration.Name,
            ["title"] = session.Title,
            ["promoted"] = kind == Kind.Promoted,
            ["moved"] = kind == Kind.Moved,
            ["dates"] = Dates(session),
            ["venue"] = Where(session),
            ["price"] = registration.Price > 0 ? HtmlPage.Euros(registration.Price) : "",
            ["free_until"] = $"{DateOnly.FromDateTime(session.StartsAt.AddDays(-registration.FreeCancellationDays).UtcDateTime):dd/MM/yyyy}",
        });
        return new SendEmail(EmailId(registration.Id, kind, kind == Kind.Moved ? session.Sequence : 0), registration.Email, registration.Name,
            content.Subject, content.Html, content.Text,
            [new EmailAttachment("invitation.ics", "text/calendar; method=REQUEST; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(Calendar(session, registration)))]);
    }

    /// <summary>One event per half-day, in the session's time zone, the trainee as attendee; its UID stays when the session moves, its SEQUENCE grows.</summary>
    public static string Calendar(Session session, Registration registration)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Smart//Training//EN", Method = "REQUEST" };
        calendar.AddTimeZone(new VTimeZone(session.TimeZone));
        // Stamped when this version was made: the registration, or the move after it.
        var stamp = session.MovedAt is { } moved && moved > registration.RegisteredAt ? moved : registration.RegisteredAt;
        foreach (var (halfDay, index) in session.HalfDays.Select((h, i) => (h, i + 1)))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{session.Id}-{index}@training.smart.coop",
                Sequence = session.Sequence,
                Summary = session.Title,
                Location = Where(session),
                DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
                DtStart = new CalDateTime(halfDay.Date.Year, halfDay.Date.Month, halfDay.Date.Day, halfDay.Start.Hour, halfDay.Start.Minute, 0, session.TimeZone),
                DtEnd = new CalDateTime(halfDay.Date.Year, halfDay.Date.Month, halfDay.Date.Day, halfDay.End.Hour, halfDay.End.Minute, 0, session.TimeZone),
                Attendees = [new Attendee($"mailto:{registration.Email}") { CommonName = registration.Name, Rsvp = false }],
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static string Dates(Session session) => string.Join(", ", session.HalfDays.Select(h => $"{h.Date:dd/MM/yyyy} {h.Start:HH\\:mm}–{h.End:HH\\:mm}"));

    /// <summary>The room or venue, or that the room is still to be confirmed by Spaces.</summary>
    private static string Where(Session session) => session.Venue.Name is null ? "salle à confirmer" : $"{session.Venue.Name}, {session.Venue.Address}";

    /// <summary>Each kind of e-mail of one registration (each version of a moved session's invitation) has its own stable id.</summary>
    private static Guid EmailId(Guid registrationId, Kind kind, int sequence)
    {
        var bytes = registrationId.ToByteArray();
        bytes[0] ^= (byte)kind;
        bytes[1] ^= (byte)sequence;
        bytes[2] ^= (byte)(sequence >> 8);
        return new Guid(bytes);
    }
}
