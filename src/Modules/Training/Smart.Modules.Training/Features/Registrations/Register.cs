using FluentValidation;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Members;
using Smart.Modules.Training.Domain.Rules;
using Smart.Modules.Training.Domain.Sessions;
using Smart.Modules.Training.Features.Sessions;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Training.Features.Registrations;

/// <summary>A non-member's billing address (their invoice is addressed there).</summary>
public sealed record TraineeAddressInput(string Line1, string? Line2, string PostalCode, string City, string Country)
{
    internal BillingAddress ToDomain() =>
        new(Line1.Trim(), string.IsNullOrWhiteSpace(Line2) ? null : Line2.Trim(), PostalCode.Trim(), City.Trim(), Country.ToUpperInvariant());

    internal sealed class Validator : AbstractValidator<TraineeAddressInput>
    {
        public Validator()
        {
            RuleFor(a => a.Line1).NotEmpty().MaximumLength(200).HasNoNul();
            RuleFor(a => a.Line2).MaximumLength(200).HasNoNul();
            RuleFor(a => a.PostalCode).NotEmpty().MaximumLength(20).HasNoNul();
            RuleFor(a => a.City).NotEmpty().MaximumLength(100).HasNoNul();
            RuleFor(a => a.Country).NotEmpty().Matches("^[A-Za-z]{2}$").WithMessage("An ISO 3166 alpha-2 country code, e.g. FR.");
        }
    }
}

/// <summary>
/// Someone registered by staff: a non-member (invoiced through the entity's programme activity when the session is
/// priced: their billing address is then required) or a member of staff.
/// </summary>
public sealed record TraineeInput(string Name, string Email, TraineeAudience Audience, TraineeAddressInput? Address = null)
{
    internal sealed class Validator : AbstractValidator<TraineeInput>
    {
        public Validator()
        {
            RuleFor(t => t.Name).NotEmpty().MaximumLength(200).HasNoNul();
            RuleFor(t => t.Email).NotEmpty().MaximumLength(254).EmailAddress().HasNoNul();
            RuleFor(t => t.Audience).IsInEnum().NotEqual(TraineeAudience.Member).WithMessage("A member registers themselves, with one of their activities.");
            RuleFor(t => t.Address!).SetValidator(new TraineeAddressInput.Validator()).When(t => t.Address is not null);
        }
    }
}

/// <summary>
/// Registers for a session: the caller, a member, charged the member price to one of their activities (none needed when
/// free); or, by staff, a non-member or a member of staff. A full session puts the registration on its waiting list
/// when it keeps one.
/// </summary>
public sealed record RegisterForSession(Guid? ActivityId, TraineeInput? Trainee)
{
    internal sealed class Validator : AbstractValidator<RegisterForSession>
    {
        public Validator()
        {
            RuleFor(c => c.ActivityId).Null().When(c => c.Trainee is not null).WithMessage("Only a member's own registration charges an activity.");
            RuleFor(c => c.ActivityId).NotEqual(Guid.Empty);
            RuleFor(c => c.Trainee!).SetValidator(new TraineeInput.Validator()).When(c => c.Trainee is not null);
        }
    }
}

/// <summary>The registration to make, with the charged activity as Activities answered for it (null when unknown or none).</summary>
public sealed record PlaceRegistration(Guid RegistrationId, Guid SessionId, RegisterForSession Registration, ActivityStanding? Activity);

public sealed record RegistrationView(Guid Id, Guid SessionId, TraineeAudience Audience, Guid? MemberId, Guid? ActivityId, string Name, string Email,
    RegistrationStatus Status, int WaitingPosition, decimal Price, decimal Charged, int FreeCancellationDays, DateTimeOffset RegisteredAt,
    DateTimeOffset? CancelledAt, IReadOnlyList<int> HalfDaysAttended, decimal HoursAttended, double? AverageRating, decimal Invoiced, string? InvoiceNumber)
{
    internal static RegistrationView From(Session s, Registration r) => new(r.Id, s.Id, r.Audience, r.MemberId, r.ActivityId, r.Name, r.Email, r.Status,
        s.PositionOf(r), r.Price, r.Charged, r.FreeCancellationDays, r.RegisteredAt, r.CancelledAt, r.Attended, s.HoursAttended(r), r.Feedback?.Average,
        r.Invoiced, r.InvoiceNumber);
}

public sealed class PlaceRegistrationHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>Each round of a race saves one registration of the session; the others run again on fresh state and find their seat or their place in line.</summary>
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryTimes(8);

    /// <summary>The registration, its charge and its invitation, for Wolverine to send with the transaction.</summary>
    public async Task<(RegistrationView, OutgoingMessages)> HandleAsync(PlaceRegistration command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var target = await session.LoadSessionAsync(user, command.SessionId, cancellationToken);
        var now = clock.GetUtcNow();
        var registration = await NewAsync(session, target, command, now, cancellationToken);
        target.Register(registration, now);
        // The revision read plus one: of two callers saving this session at once, one fails and runs again.
        session.UpdateRevision(target, target.Version + 1);
        return (RegistrationView.From(target, registration), Registrations.Placed(target, registration, promoted: false));
    }

    private async Task<Registration> NewAsync(IDocumentSession session, Session target, PlaceRegistration command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = command.Registration;
        var rules = await session.LoadAsync<TrainingRules>(target.EntityId, cancellationToken) ?? TrainingRules.For(target.EntityId);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (request.Trainee is { } trainee)
        {
            BusinessRules.Check(new OthersAreRegisteredByStaff(user.Manages(target.EntityId, target.OfficeId)));
            var price = target.Vat.InclVat(target.Prices.For(trainee.Audience));
            var address = trainee.Address?.ToDomain();
            Guid? invoicing = null;
            // A priced non-member is invoiced by the entity's programme activity (ADR 0087): to an address.
            if (trainee.Audience == TraineeAudience.NonMember && price > 0)
            {
                if (address is null) throw TrainingAccess.Field("trainee.address", $"A non-member is invoiced the {price:0.00} of the session: their billing address.");
                invoicing = rules.ProgrammeActivityOn(today).ActivityId;
            }
            return Registration.New(command.RegistrationId, trainee.Audience, null, null, trainee.Name.Trim(), trainee.Email.Trim(), price,
                FreeCancellationDays(rules, price, today), now, address, invoicing);
        }

        var memberId = user.MemberId ?? throw TrainingAccess.Field("trainee", "Staff register someone else: give their name, e-mail and audience.");
        var member = await session.LoadAsync<MemberCopy>(memberId, cancellationToken) ?? throw new NotFoundException("Member", memberId);
        var memberPrice = target.Vat.InclVat(target.Prices.Member);
        ActivityStanding? activity = null;
        if (memberPrice > 0 || request.ActivityId is not null)
        {
            var activityId = request.ActivityId ?? throw TrainingAccess.Field("activityId", $"The activity charged the {memberPrice:0.00} of the session.");
            // The activity must be the caller's own; another's does not exist for them.
            activity = command.Activity is { } a && a.CoordinatorId == memberId ? a : throw new NotFoundException("Activity", activityId);
            BusinessRules.Check(new ActivityIsOpen(activity));
            BusinessRules.Check(new BudgetCoversThePrice(activity, memberPrice));
        }
        return Registration.New(command.RegistrationId, TraineeAudience.Member, memberId, activity?.ActivityId, member.DisplayName, member.Email, memberPrice,
            FreeCancellationDays(rules, memberPrice, today), now);
    }

    /// <summary>The entity's rule in force today; a free session needs none (nothing to give back).</summary>
    private static int FreeCancellationDays(TrainingRules rules, decimal price, DateOnly today) =>
        price > 0 ? rules.CancellationOn(today).FreeCancellationDays : rules.Cancellation.InForceOn(today)?.FreeCancellationDays ?? 0;

    private sealed record OthersAreRegisteredByStaff(bool IsStaff) : IBusinessRule
    {
        public bool IsBroken() => !IsStaff;

        public string Message => "Only the session's staff register a non-member or a member of staff.";
    }

    private sealed record ActivityIsOpen(ActivityStanding Activity) : IBusinessRule
    {
        public bool IsBroken() => !Activity.IsOpen;

        public string Message => $"The activity {Activity.Name} is closed: it takes no new charge.";
    }

    private sealed record BudgetCoversThePrice(ActivityStanding Activity, decimal Price) : IBusinessRule
    {
        public bool IsBroken() => Price > 0 && Activity.Available < Price;

        public string Message => $"The activity {Activity.Name} has {Activity.Available:0.00} available, not enough for {Price:0.00}.";
    }
}

internal static class Registrations
{
    /// <summary>
    /// For a confirmed registration: its charge (a priced member's) or its invoice (a priced non-member's) and its
    /// invitation; for one put on the waiting list, the e-mail telling its position.
    /// </summary>
    public static OutgoingMessages Placed(Session session, Registration registration, bool promoted)
    {
        var messages = new OutgoingMessages();
        if (registration.Status == RegistrationStatus.Waiting) messages.Add(Invitations.Waiting(session, registration));
        if (registration.Status != RegistrationStatus.Confirmed) return messages;
        if (registration.ChargesAnActivity)
        {
            messages.Add(new ChargeActivity(registration.ChargeId, registration.ActivityId!.Value, ActivityChargeKind.TrainingCharge, registration.Price,
                DateOnly.FromDateTime(registration.RegisteredAt.UtcDateTime), $"Formation {session.Title}, {session.FirstDay:yyyy-MM-dd}", PlanSessionHandler.Origin));
        }
        if (registration.IsInvoiced && registration.Address is { } a)
        {
            // The price excl. VAT: Activities applies the VAT of the training activity (the entity's exemption).
            messages.Add(new InvoiceTrainee(registration.Id, session.EntityId, registration.InvoicingActivityId!.Value, registration.Name, registration.Email,
                new PostalAddress(a.Line1, a.Line2, a.PostalCode, a.City, a.Country),
                $"Formation « {session.Title} », du {session.FirstDay:dd/MM/yyyy} au {session.LastDay:dd/MM/yyyy} ({session.Hours:0.##} h)",
                session.Prices.For(registration.Audience), PlanSessionHandler.Origin));
        }
        messages.Add(Invitations.Of(session, registration, promoted));
        return messages;
    }
}

public static class RegisterEndpoint
{
    [WolverinePost("/api/training/sessions/{sessionId:guid}/registrations", OperationId = "RegisterForSession"), ProducesCommandProblems]
    [EndpointSummary("Registers the caller (a member, charged to one of their activities) or, by staff, a non-member or staff for a session; a full session puts it on the waiting list when it keeps one (409 otherwise). A confirmed seat is e-mailed with an .ics invitation, a place on the waiting list with its position.")]
    public static async Task<Created<RegistrationView>> Post(Guid sessionId, RegisterForSession command, IMessageBus bus, CancellationToken ct)
    {
        // Activities owns budgets: it answers for the activity before Training decides.
        var activity = command.ActivityId is { } activityId ? await bus.InvokeAsync<ActivityStanding?>(new GetActivityStanding(activityId), ct) : null;
        var registration = await bus.InvokeAsync<RegistrationView>(new PlaceRegistration(Guid.CreateVersion7(), sessionId, command, activity), ct);
        return TypedResults.Created($"/api/training/sessions/{sessionId}/registrations/{registration.Id}", registration);
    }
}
