using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Smart.BuildingBlocks.Mail;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Training.Domain.Sessions;

namespace Smart.Modules.Training.Features.Registrations;

/// <summary>
/// The e-mail a trainee receives when their seat is confirmed (at once, or promoted from the waiting list), with the
/// session's half-days as an iCalendar invitation (RFC 5546 REQUEST, one event per half-day). The e-mail's id is derived
/// from the registration, so a handler run again sends the same e-mail.
/// </summary>
internal static class Invitations
{
    public static SendEmail Of(Session session, Registration registration, bool promoted)
    {
        var content = MailTemplates.Render(typeof(Invitations).Assembly, "Invitation", new Dictionary<string, object?>
        {
            ["name"] = registration.Name,
            ["title"] = session.Title,
            ["promoted"] = promoted,
            ["dates"] = string.Join(", ", session.HalfDays.Select(h => $"{h.Date:dd/MM/yyyy} {h.Start:HH\\:mm}–{h.End:HH\\:mm}")),
            ["venue"] = Where(session),
            ["price"] = registration.Price > 0 ? HtmlPage.Euros(registration.Price) : "",
            ["free_until"] = $"{DateOnly.FromDateTime(session.StartsAt.AddDays(-registration.FreeCancellationDays).UtcDateTime):dd/MM/yyyy}",
        });
        return new SendEmail(EmailId(registration.Id, promoted), registration.Email, registration.Name, content.Subject, content.Html, content.Text,
            [new EmailAttachment("invitation.ics", "text/calendar; method=REQUEST; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(Calendar(session, registration)))]);
    }

    /// <summary>One event per half-day, in the session's time zone, the trainee as attendee.</summary>
    public static string Calendar(Session session, Registration registration)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Smart//Training//EN", Method = "REQUEST" };
        calendar.AddTimeZone(new VTimeZone(session.TimeZone));
        foreach (var (halfDay, index) in session.HalfDays.Select((h, i) => (h, i + 1)))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{session.Id}-{index}@training.smart.coop",
                Summary = session.Title,
                Location = Where(session),
                DtStamp = new CalDateTime(registration.RegisteredAt.UtcDateTime, "UTC"),
                DtStart = new CalDateTime(halfDay.Date.Year, halfDay.Date.Month, halfDay.Date.Day, halfDay.Start.Hour, halfDay.Start.Minute, 0, session.TimeZone),
                DtEnd = new CalDateTime(halfDay.Date.Year, halfDay.Date.Month, halfDay.Date.Day, halfDay.End.Hour, halfDay.End.Minute, 0, session.TimeZone),
                Attendees = [new Attendee($"mailto:{registration.Email}") { CommonName = registration.Name, Rsvp = false }],
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>The room or venue, or that the room is still to be confirmed by Spaces.</summary>
    private static string Where(Session session) => session.Venue.Name is null ? "salle à confirmer" : $"{session.Venue.Name}, {session.Venue.Address}";

    /// <summary>A confirmation and a promotion of one registration are two e-mails, each with its own stable id.</summary>
    private static Guid EmailId(Guid registrationId, bool promoted)
    {
        var bytes = registrationId.ToByteArray();
        bytes[0] ^= promoted ? (byte)0x5A : (byte)0xA5;
        return new Guid(bytes);
    }
}
