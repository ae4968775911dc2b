using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Sessions;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Training.Features.Sessions;

public sealed record HalfDayInput(DateOnly Date, TimeOnly Start, TimeOnly End)
{
    internal HalfDay ToDomain() => new(Date, Start, End);

    internal sealed class Validator : AbstractValidator<HalfDayInput>
    {
        public Validator()
        {
            RuleFor(h => h.Date).IsBusinessDate();
            RuleFor(h => h.End).GreaterThan(h => h.Start).WithMessage("Ends after it starts, the same day.");
            RuleFor(h => h).Must(h => h.End - h.Start <= TimeSpan.FromHours(5)).WithName("end").WithMessage("A half-day lasts 5 hours at most.");
        }
    }
}

/// <summary>An outside venue (a partner's room, a library).</summary>
public sealed record VenueInput(string Name, string Address)
{
    internal sealed class Validator : AbstractValidator<VenueInput>
    {
        public Validator()
        {
            RuleFor(v => v.Name).NotEmpty().MaximumLength(200).HasNoNul();
            RuleFor(v => v.Address).NotEmpty().MaximumLength(300).HasNoNul();
        }
    }
}

/// <summary>
/// A trainer: a member with the activity their pay goes through and the agreed amount, or an external trainer (no
/// member) with their fee.
/// </summary>
public sealed record TrainerInput(string Name, Guid? MemberId, Guid? ActivityId, decimal Amount)
{
    internal sealed class Validator : AbstractValidator<TrainerInput>
    {
        public Validator()
        {
            RuleFor(t => t.Name).NotEmpty().MaximumLength(200).HasNoNul();
            RuleFor(t => t.MemberId).NotEmpty().When(t => t.ActivityId is not null).WithMessage("A member-trainer is paid through their activity: give both.");
            RuleFor(t => t.ActivityId).NotEmpty().When(t => t.MemberId is not null).WithMessage("A member-trainer is paid through their activity: give both.");
            RuleFor(t => t.Amount).InclusiveBetween(0m, 100_000m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        }
    }
}

/// <summary>
/// Plans a session in an office: of a training of the catalogue, or an information session or workshop (free, with its
/// own title). Held in a Spaces room (<see cref="RoomId"/>, asked for by message: the session is confirmed when Spaces
/// has booked it) or at an outside <see cref="Venue"/> (confirmed at once). Half-days in the place's local time.
/// </summary>
public sealed record PlanSession(SessionKind Kind, Guid? TrainingId, string? Title, Guid OfficeId, IReadOnlyList<HalfDayInput> HalfDays, int Capacity,
    bool WaitingList, Guid? RoomId, VenueInput? Venue, IReadOnlyList<TrainerInput> Trainers, string TimeZone = PlanSession.DefaultTimeZone)
{
    public const string DefaultTimeZone = "Europe/Paris";
    public const int MaxHalfDays = 40;
    public const int MaxCapacity = 500;
    public const int MaxTrainers = 10;

    public static PlanSession Example => new(SessionKind.Training, Guid.CreateVersion7(), null, Guid.CreateVersion7(),
        [new(new DateOnly(2026, 3, 16), new TimeOnly(9, 0), new TimeOnly(12, 30)), new(new DateOnly(2026, 3, 16), new TimeOnly(13, 30), new TimeOnly(17, 0))],
        12, true, Guid.CreateVersion7(), null, [new("Camille Martin", Guid.CreateVersion7(), Guid.CreateVersion7(), 400.00m)]);

    internal sealed class Validator : AbstractValidator<PlanSession>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.TrainingId).NotEmpty().When(c => c.Kind == SessionKind.Training).WithMessage("A training session is of a training of the catalogue.");
            RuleFor(c => c.TrainingId).Null().When(c => c.Kind != SessionKind.Training).WithMessage("Information sessions and workshops are not in the catalogue.");
            RuleFor(c => c.Title).NotEmpty().When(c => c.Kind != SessionKind.Training).WithMessage("An information session or workshop needs a title.");
            RuleFor(c => c.Title).MaximumLength(200).HasNoNul();
            RuleFor(c => c.OfficeId).NotEmpty();
            RuleFor(c => c.HalfDays).HasItems(MaxHalfDays);
            RuleForEach(c => c.HalfDays).EachValid(new HalfDayInput.Validator());
            RuleFor(c => c.Capacity).InclusiveBetween(1, MaxCapacity);
            RuleFor(c => c.RoomId).NotEmpty().When(c => c.Venue is null).WithMessage("A Spaces room or an outside venue.");
            RuleFor(c => c.RoomId).Null().When(c => c.Venue is not null).WithMessage("A Spaces room or an outside venue, not both.");
            RuleFor(c => c.Venue!).SetValidator(new VenueInput.Validator()).When(c => c.Venue is not null);
            RuleFor(c => c.Trainers).Cascade(CascadeMode.Stop).NotNull().Must(t => t.Count <= MaxTrainers).WithMessage($"At most {MaxTrainers} trainers.");
            RuleForEach(c => c.Trainers).EachValid(new TrainerInput.Validator());
            RuleFor(c => c.TimeZone).NotEmpty().MaximumLength(64)
                .Must(zone => TimeZoneInfo.TryFindSystemTimeZoneById(zone ?? "", out _)).WithMessage("An IANA time zone, e.g. Europe/Paris.");
        }
    }
}

/// <summary>The session to plan, with its office and the member-trainers' activities as Governance and Activities answered (null when unknown).</summary>
public sealed record PlanSessionInOffice(PlanSession Session, OfficeReference? Office, IReadOnlyList<ActivityStanding?> TrainerActivities);

public sealed class PlanSessionHandler(ICurrentUser user, TimeProvider clock)
{
    public const string Origin = "Training";

    /// <summary>The session, and its room request for Wolverine to send with the transaction.</summary>
    public async Task<(Guid, OutgoingMessages)> HandleAsync(PlanSessionInOffice command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var request = command.Session;
        // An office of another entity, or another office for an advisor, does not exist for the caller.
        var office = command.Office is { } o && user.Manages(o.EntityId, o.OfficeId) ? o : throw new NotFoundException("Office", request.OfficeId);
        var trainers = request.Trainers.Select((t, i) => TrainerOf(t, command.TrainerActivities[i], office.EntityId)).ToList();
        var venue = request.RoomId is { } roomId ? Venue.Room(roomId) : Venue.Outside(request.Venue!.Name.Trim(), request.Venue.Address.Trim());
        var halfDays = request.HalfDays.Select(h => h.ToDomain());
        Session planned;
        if (request.Kind == SessionKind.Training)
        {
            var course = await session.LoadCourseAsync(user, request.TrainingId!.Value, cancellationToken);
            if (course.EntityId != office.EntityId) throw new NotFoundException("Training", course.Id);
            planned = Session.OfCourse(course, office.OfficeId, halfDays, request.Capacity, request.WaitingList, request.TimeZone, venue, trainers);
        }
        else
        {
            planned = Session.OfOffice(office.EntityId, office.OfficeId, request.Kind, request.Title!, halfDays, request.Capacity, request.WaitingList, request.TimeZone,
                venue, trainers);
        }
        if (planned.StartsAt < clock.GetUtcNow())
        {
            throw TrainingAccess.Field("halfDays", "The session starts in the past.");
        }
        session.Insert(planned);
        return (planned.Id, SessionRooms.Requested(planned));
    }

    /// <summary>The member-trainer's activity must be theirs, in the session's entity; another one does not exist for the caller.</summary>
    private static Trainer TrainerOf(TrainerInput input, ActivityStanding? activity, Guid entityId)
    {
        if (input.MemberId is not { } memberId) return new Trainer(Guid.CreateVersion7(), input.Name.Trim(), null, null, input.Amount);
        if (activity is null || activity.CoordinatorId != memberId || activity.EntityId != entityId)
        {
            throw new NotFoundException("Activity", input.ActivityId!.Value);
        }
        return new Trainer(Guid.CreateVersion7(), input.Name.Trim(), memberId, activity.ActivityId, input.Amount);
    }
}

public static class PlanSessionEndpoints
{
    [WolverinePost("/api/training/sessions", OperationId = "PlanSession"), Authorize(SmartPolicies.Staff), ProducesCommandProblems]
    [EndpointSummary("Plans a session of a training, or an office's information session or workshop (staff): half-days, capacity, waiting list, trainers, and a Spaces room (asked for by message: confirmed once booked) or an outside venue.")]
    public static async Task<Created<ResourceCreated>> Post(PlanSession command, IMessageBus bus, CancellationToken ct)
    {
        var office = await bus.InvokeAsync<OfficeReference?>(new FindOfficeById(command.OfficeId), ct);
        // Activities owns activities: it answers for each member-trainer's before Training decides.
        var activities = new List<ActivityStanding?>();
        foreach (var trainer in command.Trainers)
        {
            activities.Add(trainer.ActivityId is { } id ? await bus.InvokeAsync<ActivityStanding?>(new GetActivityStanding(id), ct) : null);
        }
        return await bus.CreateAsync(new PlanSessionInOffice(command, office, activities), "/api/training/sessions/", ct);
    }
}
