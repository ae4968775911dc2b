using FluentValidation;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Smart.BuildingBlocks.Documents;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Training.Domain.Sessions;
using Smart.Modules.Training.Features.Registrations;
using Smart.Modules.Training.Features.Sessions;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Training.Features.Attendance;

/// <summary>A half-day's sign-in sheet: the confirmed registrations present (the others absent).</summary>
public sealed record SignInSheet(IReadOnlyList<Guid> Present)
{
    internal sealed class Validator : AbstractValidator<SignInSheet>
    {
        public Validator() => RuleFor(c => c.Present).Cascade(CascadeMode.Stop).NotNull().Must(p => p.Count <= PlanSession.MaxCapacity).WithMessage("Too many trainees.");
    }
}

public sealed record RecordAttendance(Guid SessionId, int HalfDay, SignInSheet Sheet);

public sealed record RatingInput(string Question, int Score)
{
    internal sealed class Validator : AbstractValidator<RatingInput>
    {
        public Validator()
        {
            RuleFor(r => r.Question).NotEmpty().MaximumLength(200).HasNoNul();
            RuleFor(r => r.Score).InclusiveBetween(1, 5);
        }
    }
}

/// <summary>A trainee's feedback: a 1–5 rating per question and comments.</summary>
public sealed record GiveFeedback(IReadOnlyList<RatingInput> Ratings, string? Comment)
{
    public const int MaxQuestions = 30;

    internal sealed class Validator : AbstractValidator<GiveFeedback>
    {
        public Validator()
        {
            RuleFor(c => c.Ratings).HasItems(MaxQuestions);
            RuleForEach(c => c.Ratings).EachValid(new RatingInput.Validator());
            RuleFor(c => c.Comment).MaximumLength(4000).HasNoNul();
        }
    }
}

public sealed record RecordFeedback(Guid SessionId, Guid RegistrationId, GiveFeedback Feedback);

public sealed record GetCertificate(Guid SessionId, Guid RegistrationId);

/// <summary>The session was held (staff): its member-trainers are paid through their activities.</summary>
public sealed record DeliverSession(Guid SessionId);

public sealed record DeliveryView(Guid SessionId, IReadOnlyList<Guid> TrainerPayments);

public sealed class AttendanceHandler(ICurrentUser user, TimeProvider clock)
{
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryTimes(5);

    /// <summary>
    /// Each member marked present is told to Governance (<see cref="Contracts.MemberAttended"/>); a sheet of a delivered
    /// session publishes it again as it now is (<see cref="Contracts.SessionDelivered"/>, ADR 0105).
    /// </summary>
    public async Task<OutgoingMessages> HandleAsync(RecordAttendance command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var target = await session.LoadManagedSessionAsync(user, command.SessionId, cancellationToken);
        if (command.HalfDay < 1 || command.HalfDay > target.HalfDays.Count)
        {
            throw TrainingAccess.Field("halfDay", $"The session has {target.HalfDays.Count} half-days, numbered from 1.");
        }
        var unknown = command.Sheet.Present.Where(id => target.Registrations.All(r => r.Id != id || r.Status != Contracts.RegistrationStatus.Confirmed)).ToList();
        if (unknown.Count > 0)
        {
            throw TrainingAccess.Field("present", $"Not a confirmed registration of the session: {unknown[0]}.");
        }
        target.SignIn(command.HalfDay, command.Sheet.Present.ToHashSet(), clock.GetUtcNow());
        session.UpdateRevision(target, target.Version + 1);
        var date = target.HalfDays[command.HalfDay - 1].Date;
        OutgoingMessages messages = [.. target.Registrations.Where(r => r.MemberId is not null && command.Sheet.Present.Contains(r.Id))
            .Select(r => new Contracts.MemberAttended(r.Id, target.Id, r.MemberId!.Value, target.Kind, date))];
        if (target.Status == Contracts.SessionStatus.Delivered) messages.Add(target.ToSessionDelivered());
        return messages;
    }

    public async Task HandleAsync(RecordFeedback command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var target = await session.LoadSessionAsync(user, command.SessionId, cancellationToken);
        var registration = target.RegistrationFor(user, command.RegistrationId);
        target.GiveFeedback(registration, new Feedback(command.Feedback.Ratings.Select(r => new Rating(r.Question.Trim(), r.Score)).ToList(),
            string.IsNullOrWhiteSpace(command.Feedback.Comment) ? null : command.Feedback.Comment.Trim(), clock.GetUtcNow()));
        session.UpdateRevision(target, target.Version + 1);
    }

    /// <summary>
    /// Delivered once: each member-trainer's agreed amount goes to Activities as revenue on their activity, with a salary
    /// requested from it; the session as held is published for the figures (<see cref="Contracts.SessionDelivered"/>).
    /// </summary>
    public async Task<(DeliveryView, OutgoingMessages)> HandleAsync(DeliverSession command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var target = await session.LoadManagedSessionAsync(user, command.SessionId, cancellationToken);
        var paid = target.Deliver(clock.GetUtcNow());
        session.UpdateRevision(target, target.Version + 1);
        var messages = new OutgoingMessages { target.ToSessionDelivered() };
        foreach (var trainer in paid)
        {
            messages.Add(new PayMemberTrainer(trainer.PaymentId, trainer.ActivityId!.Value, trainer.MemberId!.Value, trainer.Amount, target.FirstDay, target.LastDay,
                target.DayCount, $"Formateur·rice : {Truncate(target.Title, 150)}", PlanSessionHandler.Origin));
        }
        return (new DeliveryView(target.Id, paid.Select(t => t.PaymentId).ToList()), messages);
    }

    /// <summary>The certificate of attendance: the hours of the half-days attended, as a printable document.</summary>
    public async Task<PrintableDocument> HandleAsync(GetCertificate query, IQuerySession session, CancellationToken cancellationToken)
    {
        var target = await session.LoadSessionAsync(user, query.SessionId, cancellationToken);
        var registration = target.RegistrationFor(user, query.RegistrationId);
        BusinessRules.Check(new AttendedSomething(registration.Attended.Count > 0));
        return Certificates.Render(target, registration);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private sealed record AttendedSomething(bool Attended) : IBusinessRule
    {
        public bool IsBroken() => !Attended;

        public string Message => "The trainee attended no half-day: there is nothing to certify.";
    }
}

internal static class Certificates
{
    public static PrintableDocument Render(Session session, Registration registration)
    {
        var hours = session.HoursAttended(registration);
        List<DocumentBlock> blocks =
        [
            new ParagraphBlock($"Smart atteste que {registration.Name} a suivi la formation « {session.Title} » du {FrenchFormat.Date(session.FirstDay)} au "
                + $"{FrenchFormat.Date(session.LastDay)}, {session.Venue.Name}."),
            new FactsBlock([new DocumentFact("Durée suivie", $"{HoursText(hours)} sur {HoursText(session.Hours)}")]),
            new TableBlock([new DocumentColumn("Demi-journée", 3), new DocumentColumn("Heures", 1, Numeric: true), new DocumentColumn("Présence", 1.5)],
                session.HalfDays.Select((halfDay, i) => new DocumentRow(
                [
                    $"{FrenchFormat.Date(halfDay.Date)} {halfDay.Start:HH\\:mm}–{halfDay.End:HH\\:mm}", HoursText(halfDay.Hours),
                    registration.Attended.Contains(i + 1) ? "présent·e" : "absent·e",
                ])).ToList()),
        ];
        if (session.Vat.Mention is { } mention) blocks.Add(new ParagraphBlock(mention, TextStyle.Small));
        return new PrintableDocument("Attestation de présence", $"attestation-{registration.Id:N}", blocks);
    }

    /// <summary>10.5 → "10,5 h".</summary>
    public static string HoursText(decimal hours) => hours.ToString("0.##", HtmlPage.French) + " h";
}

public static class AttendanceEndpoints
{
    [WolverinePut("/api/training/sessions/{sessionId:guid}/attendance/{halfDay:int}", OperationId = "RecordAttendance"), Authorize(SmartPolicies.Staff), ProducesCommandProblems]
    [EndpointSummary("The sign-in sheet of a half-day (1 for the first), once it has begun (staff): the confirmed trainees present, the others absent.")]
    public static async Task<NoContent> PutAttendance(Guid sessionId, int halfDay, SignInSheet sheet, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new RecordAttendance(sessionId, halfDay, sheet), ct);
        return TypedResults.NoContent();
    }

    [WolverinePost("/api/training/sessions/{sessionId:guid}/registrations/{registrationId:guid}/feedback", OperationId = "GiveFeedback"), ProducesCommandProblems]
    [EndpointSummary("A trainee's feedback on a session they attended: a 1–5 rating per question and comments (given again, it replaces the first).")]
    public static async Task<NoContent> PostFeedback(Guid sessionId, Guid registrationId, GiveFeedback feedback, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new RecordFeedback(sessionId, registrationId, feedback), ct);
        return TypedResults.NoContent();
    }

    [WolverinePost("/api/training/sessions/{sessionId:guid}/delivery", OperationId = "DeliverSession"), Authorize(SmartPolicies.Staff), ProducesCommandProblems]
    [EndpointSummary("Records that a session was held, once it ended (staff): each member-trainer's agreed amount goes as revenue to their activity, with their salary requested from it.")]
    public static async Task<Ok<DeliveryView>> PostDelivery(Guid sessionId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<DeliveryView>(new DeliverSession(sessionId), ct));

    [WolverineGet("/api/training/sessions/{sessionId:guid}/registrations/{registrationId:guid}/certificate", OperationId = "GetCertificate"),
     ProducesProblem(StatusCodes.Status404NotFound), ProducesProblem(StatusCodes.Status409Conflict)]
    [EndpointSummary("The certificate of attendance of a registration, as a printable HTML page stating the hours attended.")]
    public static async Task<ContentHttpResult> GetCertificate(Guid sessionId, Guid registrationId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Html(await bus.InvokeAsync<PrintableDocument>(new GetCertificate(sessionId, registrationId), ct));

    [WolverineGet("/api/training/sessions/{sessionId:guid}/registrations/{registrationId:guid}/certificate/pdf", OperationId = "GetCertificatePdf"),
     ProducesResponseType<byte[]>(StatusCodes.Status200OK, DocumentPdf.ContentType), ProducesProblem(StatusCodes.Status404NotFound), ProducesProblem(StatusCodes.Status409Conflict)]
    [EndpointSummary("The certificate of attendance of a registration as an A4 PDF.")]
    public static async Task<FileContentHttpResult> GetCertificatePdf(Guid sessionId, Guid registrationId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Pdf(await bus.InvokeAsync<PrintableDocument>(new GetCertificate(sessionId, registrationId), ct));
}
