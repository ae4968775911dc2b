using Smart.BuildingBlocks.Domain;
using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Catalogue;

namespace Smart.Modules.Training.Domain.Sessions;

/// <summary>A half-day of a session, local time of its place (a sign-in sheet each).</summary>
internal sealed record HalfDay(DateOnly Date, TimeOnly Start, TimeOnly End)
{
    public decimal Hours => (decimal)(End - Start).TotalHours;
}

/// <summary>
/// Where a session is held: a Spaces room (asked for under <see cref="HoldId"/>, named once Spaces held it) or an outside
/// venue (<see cref="ResourceId"/> null).
/// </summary>
internal sealed record Venue(Guid? ResourceId, Guid? HoldId, string? Name, string? Address)
{
    public static Venue Room(Guid resourceId) => new(resourceId, Guid.CreateVersion7(), null, null);

    public static Venue Outside(string name, string address) => new(null, null, name, address);

    public bool IsRoom => ResourceId is not null;
}

/// <summary>
/// Who teaches: a member-trainer (paid through their own activity when the session is delivered, under
/// <see cref="PaymentId"/>) or an external trainer, recorded with their fee.
/// </summary>
internal sealed record Trainer(Guid PaymentId, string Name, Guid? MemberId, Guid? ActivityId, decimal Amount)
{
    public bool IsMember => MemberId is not null;
}

/// <summary>What a registration did: its status and the position on the waiting list (0 when confirmed).</summary>
internal sealed record Placement(RegistrationStatus Status, int WaitingPosition);

/// <summary>What a cancellation did: a charge to give back or an invoice to credit, and the registrations promoted from the waiting list.</summary>
internal sealed record CancellationOutcome(bool ReverseCharge, bool CreditInvoice, IReadOnlyList<Registration> Promoted);

/// <summary>A Spaces room held (or asked for) under <see cref="HoldId"/> for those half-days: what a move releases.</summary>
internal sealed record RoomHold(Guid HoldId, Guid ResourceId, IReadOnlyList<HalfDay> HalfDays)
{
    public static RoomHold? Of(Venue venue, IReadOnlyList<HalfDay> halfDays) =>
        venue is { ResourceId: { } resourceId, HoldId: { } holdId } ? new RoomHold(holdId, resourceId, halfDays) : null;
}

/// <summary>New half-days and place asked for a confirmed session, waiting for Spaces to hold the room (ADR 0086).</summary>
internal sealed record ScheduleChange(IReadOnlyList<HalfDay> HalfDays, Venue Venue);

/// <summary>
/// What a change of dates or place did: whether the session moved (its trainees get an updated invitation) and the room
/// holds to release (the room left behind, or a move asked before and now superseded).
/// </summary>
internal sealed record MoveOutcome(bool Moved, IReadOnlyList<RoomHold> Released)
{
    public static readonly MoveOutcome Nothing = new(false, []);
}

/// <summary>
/// A session of a training (or an office's information session or workshop): its half-days, capacity, place, trainers
/// and registrations, as one document with a numeric revision, so two trainees racing for the last seat cannot both
/// take it (the loser runs again on fresh state). No session is confirmed without its room (or an outside venue).
/// </summary>
internal sealed class Session : AggregateRoot
{
    private List<HalfDay> _halfDays = [];
    private List<Trainer> _trainers = [];
    private List<Registration> _registrations = [];

    private Session()
    {
        Title = TimeZone = null!;
        Venue = null!;
        Prices = null!;
        Vat = null!;
    }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public SessionKind Kind { get; private set; }

    public Guid? CourseId { get; private set; }

    public TrainingAxis? Axis { get; private set; }

    public int SchoolYear { get; private set; }

    public string Title { get; private set; }

    public int Capacity { get; private set; }

    public bool WaitingList { get; private set; }

    public string TimeZone { get; private set; }

    public Venue Venue { get; private set; }

    public SessionStatus Status { get; private set; }

    public string? RoomProblem { get; private set; }

    public Prices Prices { get; private set; }

    public TrainingVat Vat { get; private set; }

    /// <summary>A move of a confirmed session waiting for its new room; the session stays as it was until Spaces holds it.</summary>
    public ScheduleChange? PendingChange { get; private set; }

    /// <summary>
    /// How many times the session moved: the SEQUENCE of its invitations (RFC 5546), so a calendar replaces the events it
    /// holds under the same UIDs.
    /// </summary>
    public int Sequence { get; private set; }

    /// <summary>When it last moved: the DTSTAMP of the invitations sent since.</summary>
    public DateTimeOffset? MovedAt { get; private set; }

    /// <summary>The first day, stored for queries by date.</summary>
    public DateOnly FirstDay { get; private set; }

    public IReadOnlyList<HalfDay> HalfDays => _halfDays;

    public IReadOnlyList<Trainer> Trainers => _trainers;

    public IReadOnlyList<Registration> Registrations => _registrations;

    public DateOnly LastDay => _halfDays[^1].Date;

    public int DayCount => _halfDays.Select(h => h.Date).Distinct().Count();

    public decimal Hours => _halfDays.Sum(h => h.Hours);

    public int Confirmed => _registrations.Count(r => r.Status == RegistrationStatus.Confirmed);

    public IEnumerable<Registration> WaitingLine => _registrations.Where(r => r.Status == RegistrationStatus.Waiting).OrderBy(r => r.RegisteredAt);

    public static Session OfCourse(TrainingCourse course, Guid officeId, IEnumerable<HalfDay> halfDays, int capacity, bool waitingList, string timeZone,
        Venue venue, IEnumerable<Trainer> trainers)
    {
        var session = New(course.EntityId, officeId, SessionKind.Training, course.Title, halfDays, capacity, waitingList, timeZone, venue, trainers);
        session.CourseId = course.Id;
        session.Axis = course.Axis;
        session.Prices = course.Prices;
        session.Vat = course.Vat;
        CheckRule(new HeldInItsSchoolYear(course.SchoolYear, session.FirstDay, session.LastDay));
        return session;
    }

    /// <summary>An office's information session or workshop: free.</summary>
    public static Session OfOffice(Guid entityId, Guid officeId, SessionKind kind, string title, IEnumerable<HalfDay> halfDays, int capacity, bool waitingList,
        string timeZone, Venue venue, IEnumerable<Trainer> trainers)
    {
        var session = New(entityId, officeId, kind, title, halfDays, capacity, waitingList, timeZone, venue, trainers);
        session.Prices = Prices.Free;
        session.Vat = new TrainingVat(true, 0m, null);
        return session;
    }

    private static Session New(Guid entityId, Guid officeId, SessionKind kind, string title, IEnumerable<HalfDay> halfDays, int capacity, bool waitingList,
        string timeZone, Venue venue, IEnumerable<Trainer> trainers)
    {
        var days = InOrder(halfDays);
        var session = new Session
        {
            Id = Guid.CreateVersion7(),
            EntityId = entityId,
            OfficeId = officeId,
            Kind = kind,
            Title = title.Trim(),
            Capacity = capacity,
            WaitingList = waitingList,
            TimeZone = timeZone,
            _halfDays = days,
            FirstDay = days[0].Date,
            SchoolYear = TrainingCourse.SchoolYearOf(days[0].Date),
            _trainers = trainers.ToList(),
        };
        session.Place(venue);
        return session;
    }

    private static List<HalfDay> InOrder(IEnumerable<HalfDay> halfDays)
    {
        var days = halfDays.OrderBy(h => h.Date).ThenBy(h => h.Start).ToList();
        CheckRule(new HalfDaysDoNotOverlap(days));
        return days;
    }

    /// <summary>A room is asked for (the session waits for Spaces' answer); an outside venue confirms it at once.</summary>
    private void Place(Venue venue)
    {
        Venue = venue;
        RoomProblem = null;
        Status = venue.IsRoom ? SessionStatus.AwaitingRoom : SessionStatus.Confirmed;
    }

    /// <summary>
    /// New half-days and/or a new place, before the session starts (ADR 0086). A confirmed session moving to a room keeps
    /// its dates and place until Spaces holds the new room (<see cref="PendingChange"/>): its trainees are never told of
    /// a move that may not happen. Otherwise (an outside venue, or no room confirmed yet) it moves at once. The number
    /// of half-days is kept: each is an event of the trainees' invitations, updated under its UID.
    /// </summary>
    public MoveOutcome Move(IEnumerable<HalfDay> halfDays, Venue venue, DateTimeOffset now)
    {
        CheckRule(new NotDeliveredYet(Status));
        CheckRule(new NotStartedBeforeMoving(StartsAt, now));
        var days = InOrder(halfDays);
        CheckRule(new KeepsItsHalfDays(_halfDays.Count, days.Count));
        if (CourseId is not null) CheckRule(new HeldInItsSchoolYear(SchoolYear, days[0].Date, days[^1].Date));
        var released = new List<RoomHold>();
        if (PendingChange is { } superseded && RoomHold.Of(superseded.Venue, superseded.HalfDays) is { } asked) released.Add(asked);
        PendingChange = null;
        if (venue.IsRoom && Status == SessionStatus.Confirmed)
        {
            PendingChange = new ScheduleChange(days, venue);
            RoomProblem = null;
            return new MoveOutcome(false, released);
        }
        if (RoomHold.Of(Venue, _halfDays) is { } left) released.Add(left);
        var told = Told;
        _halfDays = days;
        FirstDay = days[0].Date;
        if (CourseId is null) SchoolYear = TrainingCourse.SchoolYearOf(FirstDay);
        Place(venue);
        return new MoveOutcome(Changed(told, now), released);
    }

    /// <summary>
    /// Spaces held a room: the one asked for last confirms the session; the one of a <see cref="PendingChange"/> moves it
    /// there (the room held before to release). An answer to an older request changes nothing (null).
    /// </summary>
    public MoveOutcome? RoomHeld(Guid holdId, string roomName, string placeName, string address, DateTimeOffset now)
    {
        var told = Told;
        var name = $"{roomName}, {placeName}";
        if (PendingChange is { } change && change.Venue.HoldId == holdId)
        {
            var left = RoomHold.Of(Venue, _halfDays);
            _halfDays = change.HalfDays.ToList();
            FirstDay = _halfDays[0].Date;
            Venue = change.Venue with { Name = name, Address = address };
            PendingChange = null;
            return new MoveOutcome(Changed(told, now), left is null ? [] : [left]);
        }
        if (Venue.HoldId != holdId || Status != SessionStatus.AwaitingRoom) return null;
        Venue = Venue with { Name = name, Address = address };
        Status = SessionStatus.Confirmed;
        return new MoveOutcome(Changed(told, now), []);
    }

    /// <summary>The room asked for is not to be had: a session waiting for it is left to staff; a move asked for is dropped, the session stays as it was.</summary>
    public bool RoomUnavailable(Guid holdId, string reason)
    {
        if (PendingChange is { } change && change.Venue.HoldId == holdId)
        {
            PendingChange = null;
            RoomProblem = $"Not moved: {reason}";
            return true;
        }
        if (Venue.HoldId != holdId || Status != SessionStatus.AwaitingRoom) return false;
        Status = SessionStatus.RoomUnavailable;
        RoomProblem = reason;
        return true;
    }

    /// <summary>What the trainees' invitations say: the half-days and the place.</summary>
    private (List<HalfDay> HalfDays, string? Name, string? Address) Told => (_halfDays, Venue.Name, Venue.Address);

    /// <summary>Whether the invitations sent are out of date; if so their next version is numbered and stamped.</summary>
    private bool Changed((List<HalfDay> HalfDays, string? Name, string? Address) told, DateTimeOffset now)
    {
        if (told.HalfDays.SequenceEqual(_halfDays) && told.Name == Venue.Name && told.Address == Venue.Address) return false;
        Sequence++;
        MovedAt = now;
        return true;
    }

    /// <summary>When the session starts, as an instant (the first half-day's start in its time zone).</summary>
    public DateTimeOffset StartsAt => InstantOf(_halfDays[0].Date, _halfDays[0].Start);

    public DateTimeOffset EndsAt => InstantOf(_halfDays[^1].Date, _halfDays[^1].End);

    public DateTimeOffset InstantOf(DateOnly date, TimeOnly time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// A seat while fewer than <see cref="Capacity"/> are confirmed; otherwise the waiting list when the session keeps
    /// one, or a 409. Refused twice for the same person, once the session started, or when it was delivered.
    /// </summary>
    public Placement Register(Registration registration, DateTimeOffset now)
    {
        CheckRule(new NotDeliveredYet(Status));
        CheckRule(new NotStartedYet(StartsAt, now));
        CheckRule(new NotRegisteredTwice(_registrations.Any(r => r.IsActive
            && (registration.MemberId is { } memberId ? r.MemberId == memberId : r.MemberId is null && r.Email.Equals(registration.Email, StringComparison.OrdinalIgnoreCase)))));
        var full = Confirmed >= Capacity;
        if (full) CheckRule(new SessionIsFull(Capacity, WaitingList));
        _registrations.Add(registration);
        if (full) return new Placement(RegistrationStatus.Waiting, WaitingLine.Count());
        registration.Confirm();
        return new Placement(RegistrationStatus.Confirmed, 0);
    }

    /// <summary>Position on the waiting list, 1 for the next one promoted; 0 when not waiting.</summary>
    public int PositionOf(Registration registration) =>
        registration.Status == RegistrationStatus.Waiting ? WaitingLine.TakeWhile(r => r.Id != registration.Id).Count() + 1 : 0;

    public Registration? Find(Guid registrationId) => _registrations.SingleOrDefault(r => r.Id == registrationId);

    /// <summary>
    /// Frees the seat; free (a charge given back, an invoice credited) until the registration's notice before the start, later the price is
    /// kept. The first in line take the seats freed, each charged then.
    /// </summary>
    public CancellationOutcome Cancel(Registration registration, DateTimeOffset now)
    {
        CheckRule(new RegistrationIsActive(registration.Status));
        CheckRule(new NotDeliveredYet(Status));
        var (reverse, credit) = registration.Cancel(StartsAt, now);
        var promoted = new List<Registration>();
        foreach (var waiting in WaitingLine.ToList())
        {
            if (Confirmed >= Capacity) break;
            waiting.Confirm();
            promoted.Add(waiting);
        }
        return new CancellationOutcome(reverse, credit, promoted);
    }

    /// <summary>The sign-in sheet of a half-day (1 for the first): who of the confirmed trainees was there, once it has begun.</summary>
    public void SignIn(int halfDay, IReadOnlyCollection<Guid> present, DateTimeOffset now)
    {
        var sheet = _halfDays[halfDay - 1];
        CheckRule(new HalfDayHasBegun(sheet, InstantOf(sheet.Date, sheet.Start), now));
        foreach (var registration in _registrations.Where(r => r.Status == RegistrationStatus.Confirmed))
        {
            registration.MarkAttendance(halfDay, present.Contains(registration.Id));
        }
    }

    /// <summary>The hours of the half-days a trainee attended: what the certificate states.</summary>
    public decimal HoursAttended(Registration registration) => registration.Attended.Sum(i => _halfDays[i - 1].Hours);

    public void GiveFeedback(Registration registration, Feedback feedback)
    {
        CheckRule(new AttendedBeforeFeedback(registration.Attended.Count > 0));
        registration.GiveFeedback(feedback);
    }

    /// <summary>The session was held: its member-trainers are to be paid through their activities.</summary>
    public IReadOnlyList<Trainer> Deliver(DateTimeOffset now)
    {
        CheckRule(new NotDeliveredYet(Status));
        CheckRule(new ConfirmedBeforeDelivery(Status));
        CheckRule(new EndedBeforeDelivery(EndsAt, now));
        Status = SessionStatus.Delivered;
        return _trainers.Where(t => t.IsMember && t.Amount > 0).ToList();
    }

    /// <summary>The session as held, for the platform's figures: its trainees are the registrations that attended a half-day.</summary>
    public SessionDelivered ToSessionDelivered() => new(Id, EntityId, OfficeId, Kind, CourseId, Title, Axis, SchoolYear, FirstDay, LastDay, DayCount,
        _halfDays.Count, Hours, Confirmed,
        _registrations.Where(r => r.Attended.Count > 0)
            .Select(r => new SessionTrainee(r.Id, r.Audience, r.MemberId, r.Email.ToLowerInvariant(), r.Attended.Count, HoursAttended(r))).ToList());

    private sealed record HalfDaysDoNotOverlap(IReadOnlyList<HalfDay> Days) : IBusinessRule
    {
        public bool IsBroken() => Days.Zip(Days.Skip(1)).Any(p => p.First.Date == p.Second.Date && p.Second.Start < p.First.End);

        public string Message => "Two half-days of the session overlap.";
    }

    private sealed record HeldInItsSchoolYear(int SchoolYear, DateOnly First, DateOnly Last) : IBusinessRule
    {
        public bool IsBroken() => First < TrainingCourse.SchoolYearStart(SchoolYear) || Last > TrainingCourse.SchoolYearEnd(SchoolYear);

        public string Message => $"The training is in the {SchoolYear}–{SchoolYear + 1} catalogue: its sessions are held from October {SchoolYear} to June {SchoolYear + 1}.";
    }

    private sealed record NotDeliveredYet(SessionStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status == SessionStatus.Delivered;

        public string Message => "The session was delivered: it changes no more.";
    }

    private sealed record NotStartedYet(DateTimeOffset StartsAt, DateTimeOffset Now) : IBusinessRule
    {
        public bool IsBroken() => Now >= StartsAt;

        public string Message => "The session has started: registrations are closed.";
    }

    private sealed record NotStartedBeforeMoving(DateTimeOffset StartsAt, DateTimeOffset Now) : IBusinessRule
    {
        public bool IsBroken() => Now >= StartsAt;

        public string Message => "The session has started: it no longer moves.";
    }

    private sealed record KeepsItsHalfDays(int Count, int Asked) : IBusinessRule
    {
        public bool IsBroken() => Count != Asked;

        public string Message => $"The session has {Count} half-days: it moves with {Count}, not {Asked}.";
    }

    private sealed record NotRegisteredTwice(bool Registered) : IBusinessRule
    {
        public bool IsBroken() => Registered;

        public string Message => "This trainee is already registered for the session.";
    }

    private sealed record SessionIsFull(int Capacity, bool WaitingList) : IBusinessRule
    {
        public bool IsBroken() => !WaitingList;

        public string Message => $"The session is full ({Capacity} trainees) and keeps no waiting list.";
    }

    private sealed record RegistrationIsActive(RegistrationStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status == RegistrationStatus.Cancelled;

        public string Message => "The registration is already cancelled.";
    }

    private sealed record HalfDayHasBegun(HalfDay Sheet, DateTimeOffset StartsAt, DateTimeOffset Now) : IBusinessRule
    {
        public bool IsBroken() => Now < StartsAt;

        public string Message => $"The half-day of {Sheet.Date:yyyy-MM-dd} {Sheet.Start:HH\\:mm} has not begun: nobody signed in yet.";
    }

    private sealed record AttendedBeforeFeedback(bool Attended) : IBusinessRule
    {
        public bool IsBroken() => !Attended;

        public string Message => "Only a trainee who attended gives feedback.";
    }

    private sealed record ConfirmedBeforeDelivery(SessionStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status != SessionStatus.Confirmed;

        public string Message => "The session has no room confirmed: it cannot have been delivered.";
    }

    private sealed record EndedBeforeDelivery(DateTimeOffset EndsAt, DateTimeOffset Now) : IBusinessRule
    {
        public bool IsBroken() => Now < EndsAt;

        public string Message => "The session has not ended yet.";
    }
}
