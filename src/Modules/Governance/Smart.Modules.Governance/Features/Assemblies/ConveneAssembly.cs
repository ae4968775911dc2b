using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Mail;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Assemblies;
using Smart.Modules.Governance.Domain.Shareholding;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Assemblies;

/// <summary>Sends the convocation to every shareholder with a voting right: an e-mail with the agenda and an iCalendar invitation, at least the notice's days before.</summary>
public sealed record ConveneAssembly(Guid AssemblyId);

public sealed record ConvocationSent(Guid AssemblyId, DateOnly ConvenedOn, int Recipients);

public sealed class ConveneAssemblyHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The e-mails leave through the outbox with the assembly's new status and its ballot box key: all or nothing.</summary>
    public async Task<(ConvocationSent, OutgoingMessages)> HandleAsync(ConveneAssembly command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var assembly = await session.LoadVisibleAssemblyAsync(command.AssemblyId, user, cancellationToken);
        var rules = await session.GovernanceRulesOnAsync(assembly.EntityId, assembly.Date, cancellationToken);
        var today = clock.Today();
        assembly.Convene(rules.ConvocationNoticeDays, today);
        session.UpdateRevision(assembly, assembly.Version + 1);
        session.Insert(BallotBoxKey.For(assembly.Id));

        var date = assembly.Date;
        var recipients = (await session.Query<Shareholder>().Where(s => s.EntityId == assembly.EntityId && s.AdmittedOn <= date && s.Shares > 0)
            .ToListAsync(cancellationToken)).Where(s => s.HasVotingRightOn(date)).ToList();
        var mails = new OutgoingMessages();
        mails.AddRange(recipients.Select(s => ConvocationEmail.For(assembly, s, clock.GetUtcNow())));
        return (new ConvocationSent(assembly.Id, today, recipients.Count), mails);
    }
}

/// <summary>The convocation e-mail (French, <c>Templates/AssemblyConvocation</c>) with its invitation (RFC 5545, METHOD:REQUEST).</summary>
internal static class ConvocationEmail
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static SendEmail For(Assembly assembly, Shareholder to, DateTimeOffset now)
    {
        var content = MailTemplates.Render(typeof(ConvocationEmail).Assembly, "AssemblyConvocation", new Dictionary<string, object?>
        {
            ["name"] = to.Name,
            ["title"] = assembly.Title,
            ["place"] = assembly.Place,
            ["first"] = French(assembly.FirstConvocationAt),
            ["second"] = French(assembly.SecondConvocationAt),
            ["agenda"] = assembly.Agenda,
            ["resolutions"] = assembly.Resolutions.Select(r => $"{r.Number}. {r.Title} ({(r.Kind == ResolutionKind.Ordinary ? "ordinaire" : "extraordinaire")})").ToList(),
        });
        return new SendEmail(Guid.CreateVersion7(), to.Email, to.Name, content.Subject, content.Html, content.Text,
            [new EmailAttachment("convocation.ics", "text/calendar; method=REQUEST; charset=utf-8", Encoding.UTF8.GetBytes(Invitation(assembly, to, now)))]);
    }

    public static string Invitation(Assembly assembly, Shareholder to, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Smart//Governance//FR", Method = "REQUEST" };
        var start = assembly.FirstConvocationAt.UtcDateTime;
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{assembly.Id}@governance.smart.coop",
            Summary = assembly.Title,
            Location = assembly.Place,
            Description = string.Join("\n", assembly.Agenda.Select((item, i) => $"{i + 1}. {item}")),
            DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
            DtStart = new CalDateTime(start, "UTC"),
            DtEnd = new CalDateTime(start.AddMinutes(assembly.DurationMinutes), "UTC"),
            Organizer = new Organizer("mailto:assemblees@smart.coop") { CommonName = "Smart — assemblées générales" },
            Attendees = [new Attendee($"mailto:{to.Email}") { CommonName = to.Name, Rsvp = true, Role = "REQ-PARTICIPANT" }],
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>Paris time, as shareholders read it: "samedi 12/06/2027 à 10:00".</summary>
    private static string French(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Paris);
        return local.ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture);
    }
}

public static class ConveneAssemblyEndpoint
{
    [WolverinePost("/api/governance/assemblies/{assemblyId:guid}/convocation", OperationId = "ConveneAssembly"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Convenes the assembly: every shareholder with a voting right gets the convocation by e-mail with an .ics invitation, at least the configured days before; votes open (admins).")]
    public static async Task<Ok<ConvocationSent>> Post(Guid assemblyId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ConvocationSent>(new ConveneAssembly(assemblyId), ct));
}
