using FluentValidation;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Sessions;
using Smart.Modules.Training.Features.Registrations;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Training.Features.Sessions;

/// <summary>Moves a session to another Spaces room or to an outside venue, on the same half-days.</summary>
public sealed record ChangeSessionPlace(Guid? RoomId, VenueInput? Venue)
{
    internal sealed class Validator : AbstractValidator<ChangeSessionPlace>
    {
        public Validator()
        {
            RuleFor(c => c.RoomId).NotEmpty().When(c => c.Venue is null).WithMessage("A Spaces room or an outside venue.");
            RuleFor(c => c.RoomId).Null().When(c => c.Venue is not null).WithMessage("A Spaces room or an outside venue, not both.");
            RuleFor(c => c.Venue!).SetValidator(new VenueInput.Validator()).When(c => c.Venue is not null);
        }
    }
}

/// <summary>
/// Moves a session to new half-days (as many as it has), in the same place unless another Spaces room or an outside venue
/// is given. Its room is held again for the new half-days.
/// </summary>
public sealed record RescheduleSession(IReadOnlyList<HalfDayInput> HalfDays, Guid? RoomId, VenueInput? Venue)
{
    internal sealed class Validator : AbstractValidator<RescheduleSession>
    {
        public Validator()
        {
            RuleFor(c => c.HalfDays).HasItems(PlanSession.MaxHalfDays);
            RuleForEach(c => c.HalfDays).EachValid(new HalfDayInput.Validator());
            RuleFor(c => c.RoomId).NotEqual(Guid.Empty);
            RuleFor(c => c.RoomId).Null().When(c => c.Venue is not null).WithMessage("A Spaces room or an outside venue, not both.");
            RuleFor(c => c.Venue!).SetValidator(new VenueInput.Validator()).When(c => c.Venue is not null);
        }
    }
}

/// <summary>A move of a session: new half-days (null: the same) and a new place (neither: the same).</summary>
public sealed record MoveSession(Guid SessionId, IReadOnlyList<HalfDayInput>? HalfDays, Guid? RoomId, VenueInput? Venue);

public sealed class MoveSessionHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>A registration racing the move makes the save fail; the move runs again on fresh state.</summary>
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryTimes(8);

    /// <summary>
    /// The rooms left released, the new room asked for, and, when the session moved at once, its confirmed trainees'
    /// updated invitations, for Wolverine to send with the transaction (ADR 0086).
    /// </summary>
    public async Task<OutgoingMessages> HandleAsync(MoveSession command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var target = await session.LoadManagedSessionAsync(user, command.SessionId, cancellationToken);
        var now = clock.GetUtcNow();
        var halfDays = command.HalfDays?.Select(h => h.ToDomain()).OrderBy(h => h.Date).ThenBy(h => h.Start).ToList() ?? target.HalfDays.ToList();
        if (target.InstantOf(halfDays[0].Date, halfDays[0].Start) < now)
        {
            throw TrainingAccess.Field("halfDays", "The session would start in the past.");
        }
        var venue = command.RoomId is { } roomId ? Venue.Room(roomId)
            : command.Venue is { } outside ? Venue.Outside(outside.Name.Trim(), outside.Address.Trim())
            : target.Venue.ResourceId is { } sameRoom ? Venue.Room(sameRoom)
            : target.Venue;
        var outcome = target.Move(halfDays, venue, now);
        session.UpdateRevision(target, target.Version + 1);
        return SessionRooms.After(target, outcome);
    }
}

/// <summary>The messages Spaces gets for a session's rooms, and the invitations its trainees get when it moved.</summary>
internal static class SessionRooms
{
    /// <summary>The room the session (or its move) waits for, asked of Spaces.</summary>
    public static OutgoingMessages Requested(Session session)
    {
        var messages = new OutgoingMessages();
        var (venue, halfDays) = session.PendingChange is { } change ? (change.Venue, change.HalfDays)
            : session.Status == SessionStatus.AwaitingRoom ? (session.Venue, session.HalfDays)
            : (null, []);
        if (venue is { ResourceId: { } roomId, HoldId: { } holdId })
        {
            messages.Add(new HoldRoom(holdId, session.EntityId, roomId, Slots(halfDays), session.Capacity, session.Title, PlanSessionHandler.Origin));
        }
        return messages;
    }

    /// <summary>What a move leads to: the holds left released, the room asked for, and the confirmed trainees' updated invitations.</summary>
    public static OutgoingMessages After(Session session, MoveOutcome outcome)
    {
        var messages = new OutgoingMessages();
        foreach (var hold in outcome.Released)
        {
            messages.Add(new ReleaseRoom(hold.HoldId, hold.ResourceId, Slots(hold.HalfDays)));
        }
        messages.AddRange(Requested(session));
        if (outcome.Moved)
        {
            messages.AddRange(session.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => Invitations.Moved(session, r)));
        }
        return messages;
    }

    private static List<RoomSlot> Slots(IEnumerable<HalfDay> halfDays) => halfDays.Select(h => new RoomSlot(h.Date, h.Start, h.End)).ToList();
}

public static class MoveSessionEndpoints
{
    [WolverinePut("/api/training/sessions/{sessionId:guid}/place", OperationId = "ChangeSessionPlace"), Authorize(SmartPolicies.Staff), ProducesCommandProblems,
     ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Moves a session to another Spaces room or an outside venue (staff), on the same half-days. A confirmed session moving to a room stays where it is until Spaces holds the new room; the room left is then released and the trainees get an updated invitation.")]
    public static async Task<NoContent> Put(Guid sessionId, ChangeSessionPlace change, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new MoveSession(sessionId, null, change.RoomId, change.Venue), ct);
        return TypedResults.NoContent();
    }

    [WolverinePut("/api/training/sessions/{sessionId:guid}/schedule", OperationId = "RescheduleSession"), Authorize(SmartPolicies.Staff), ProducesCommandProblems,
     ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Moves a session to new half-days (as many as it has), in its room (held again) or another room or outside venue (staff). A confirmed session stays as it was until Spaces holds the room for the new half-days, and stays so if it cannot; once moved, the room left is released and its confirmed trainees get an updated .ics invitation (same UIDs, next SEQUENCE).")]
    public static async Task<NoContent> Put(Guid sessionId, RescheduleSession change, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new MoveSession(sessionId, change.HalfDays, change.RoomId, change.Venue), ct);
        return TypedResults.NoContent();
    }
}
