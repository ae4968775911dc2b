using System.Runtime.Serialization;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Spaces.Domain.Places;
using Smart.Modules.Spaces.Domain.Residencies;
using Smart.Modules.Spaces.Domain.Resources;
using Smart.Modules.Spaces.Features.Bookings;
using Smart.Modules.Spaces.Features.Resources;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Spaces.Features.Residencies;

/// <summary>
/// Staff rent a desk, an office or a workshop to a member by the month, charged to one of the member's activities:
/// from <see cref="Start"/> (today or later) to <see cref="End"/> (open-ended when null), ended later with
/// <see cref="NoticeDays"/> days' notice.
/// </summary>
public sealed record StartResidency(Guid ResourceId, Guid MemberId, Guid ActivityId, DateOnly Start, DateOnly? End, int NoticeDays, decimal MonthlyPrice)
{
    public static StartResidency Example => new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), new DateOnly(2026, 3, 15), null, 30, 250.00m);

    internal sealed class Validator : AbstractValidator<StartResidency>
    {
        public Validator()
        {
            RuleFor(c => c.ResourceId).NotEmpty();
            RuleFor(c => c.MemberId).NotEmpty();
            RuleFor(c => c.ActivityId).NotEmpty();
            RuleFor(c => c.Start).IsBusinessDate();
            RuleFor(c => c.End!.Value).IsBusinessDate().GreaterThanOrEqualTo(c => c.Start).OverridePropertyName("end").When(c => c.End is not null);
            RuleFor(c => c.NoticeDays).InclusiveBetween(0, 365);
            RuleFor(c => c.MonthlyPrice).GreaterThan(0).PrecisionScale(10, 2, ignoreTrailingZeros: true);
        }
    }
}

/// <summary>The residency to start, with the charged activity as Activities answered for it (null when unknown).</summary>
public sealed record PlaceResidency(StartResidency Residency, ActivityStanding? Activity);

/// <summary>Ends a residency on <see cref="End"/>, no sooner than its notice allows.</summary>
public sealed record EndResidency(DateOnly End)
{
    internal sealed class Validator : AbstractValidator<EndResidency>
    {
        public Validator() => RuleFor(c => c.End).IsBusinessDate();
    }
}

public sealed record TerminateResidency(Guid ResidencyId, DateOnly End);

/// <summary>A new monthly price from a date (today or later, after the months already charged), as agreed with the resident.</summary>
public sealed record ChangeResidencyPrice(decimal MonthlyPrice, DateOnly From)
{
    internal sealed class Validator : AbstractValidator<ChangeResidencyPrice>
    {
        public Validator()
        {
            RuleFor(c => c.MonthlyPrice).GreaterThan(0).PrecisionScale(10, 2, ignoreTrailingZeros: true);
            RuleFor(c => c.From).IsBusinessDate();
        }
    }
}

public sealed record ChangeResidencyPriceOf(Guid ResidencyId, ChangeResidencyPrice Change);

/// <summary>
/// Scheduled for the first day of each month of a residency (its start in the first month): charges that month,
/// prorated, once, and schedules the next.
/// </summary>
[DataContract(Name = "spaces.charge-residency-month.v1")]
public sealed record ChargeResidencyMonth(Guid ResidencyId, DateOnly Month);

public sealed record GetResidency(Guid ResidencyId);

public sealed record ResidencyMonthView(DateOnly Month, decimal Amount, DateOnly ChargedOn, Guid ChargeId);

public sealed record ResidencyPriceView(DateOnly EffectiveFrom, decimal MonthlyPrice);

/// <summary><see cref="MonthlyPrice"/> is the price agreed at the start; <see cref="Prices"/> each price from its date.</summary>
public sealed record ResidencyView(Guid Id, Guid PlaceId, Guid ResourceId, Guid MemberId, Guid ActivityId, DateOnly Start, DateOnly? End, int NoticeDays,
    decimal MonthlyPrice, IReadOnlyList<ResidencyPriceView> Prices, IReadOnlyList<ResidencyMonthView> Months)
{
    internal static ResidencyView From(Residency r) => new(r.Id, r.PlaceId, r.ResourceId, r.MemberId, r.ActivityId, r.Start, r.End, r.NoticeDays, r.MonthlyPrice,
        r.Prices.Select(p => new ResidencyPriceView(p.EffectiveFrom, p.MonthlyPrice)).ToList(),
        r.Months.Select(m => new ResidencyMonthView(m.Month, m.Amount, m.ChargedOn, m.ChargeId)).ToList());
}

public sealed class ResidenciesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<(Guid, OutgoingMessages)> HandleAsync(PlaceResidency command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var request = command.Residency;
        var resource = await session.LoadResourceAsync(user, request.ResourceId, cancellationToken);
        // The activity must be the member's, in the resource's entity; any other does not exist here.
        var activity = command.Activity is { } a && a.CoordinatorId == request.MemberId && a.EntityId == resource.EntityId
            ? a : throw new NotFoundException("Activity", request.ActivityId);
        BusinessRules.Check(new ActivityTakesCharges(activity));
        var place = (await session.LoadAsync<Place>(resource.PlaceId, cancellationToken))!;
        var last = request.End ?? BusinessDates.Latest;
        var residents = await session.Query<Residency>().CountAsync(r => r.ResourceId == resource.Id && r.Start <= last && (r.End == null || r.End >= request.Start), cancellationToken);
        var residency = Residency.Begin(resource, request.MemberId, request.ActivityId, request.Start, request.End, request.NoticeDays, request.MonthlyPrice,
            residents, place.Today(clock.GetUtcNow()));
        session.Insert(residency);
        var first = Residency.MonthOf(request.Start);
        return (residency.Id, [residency.Started(place, resource),
            new ChargeResidencyMonth(residency.Id, first).ScheduledOn(place.InstantOf(residency.FirstDayIn(first)!.Value, TimeOnly.MinValue), clock)]);
    }

    public async Task<OutgoingMessages> HandleAsync(ChargeResidencyMonth message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var messages = new OutgoingMessages();
        var residency = await session.LoadAsync<Residency>(message.ResidencyId, cancellationToken) ?? throw new NotFoundException("Residency", message.ResidencyId);
        // Delivered twice, or after the residency was ended earlier: nothing more to charge.
        if (residency.Charge(message.Month) is not { } month) return messages;
        session.UpdateRevision(residency, residency.Version + 1);
        var place = (await session.LoadAsync<Place>(residency.PlaceId, cancellationToken))!;
        var resource = (await session.LoadAsync<Resource>(residency.ResourceId, cancellationToken))!;
        messages.Add(residency.Charged(month, place, resource));
        if (month.Amount > 0)
        {
            messages.Add(new ChargeActivity(month.ChargeId, residency.ActivityId, ActivityChargeKind.SpaceCharge, month.Amount, month.ChargedOn,
                $"Residency, {month.Month:yyyy-MM}", Bookings.Bookings.Origin));
        }
        if (residency.MonthAfter(message.Month) is { } next)
        {
            messages.Add(new ChargeResidencyMonth(residency.Id, next).ScheduledOn(place.InstantOf(next, TimeOnly.MinValue), clock));
        }
        return messages;
    }

    /// <summary>Published when the last day changes: ending it again on the same day changes and publishes nothing.</summary>
    public async Task<OutgoingMessages> HandleAsync(TerminateResidency command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var residency = await session.Query<Residency>().VisibleTo(user).SingleOrDefaultAsync(r => r.Id == command.ResidencyId, cancellationToken)
            ?? throw new NotFoundException("Residency", command.ResidencyId);
        var place = (await session.LoadAsync<Place>(residency.PlaceId, cancellationToken))!;
        var now = clock.GetUtcNow();
        if (residency.End == command.End) return [];
        residency.Terminate(command.End, place.Today(now));
        session.UpdateRevision(residency, residency.Version + 1);
        var resource = (await session.LoadAsync<Resource>(residency.ResourceId, cancellationToken))!;
        return [residency.Ended(place, resource, now)];
    }

    /// <summary>Effective-dated (ADR 0069): the months charged keep their amount; the months after are charged at the price in force each day.</summary>
    public async Task HandleAsync(ChangeResidencyPriceOf command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var residency = await session.Query<Residency>().VisibleTo(user).SingleOrDefaultAsync(r => r.Id == command.ResidencyId, cancellationToken)
            ?? throw new NotFoundException("Residency", command.ResidencyId);
        var place = (await session.LoadAsync<Place>(residency.PlaceId, cancellationToken))!;
        if (command.Change.From < place.Today(clock.GetUtcNow())) throw InputErrors.Field("from", "A price changes from today or a later date, never retroactively.");
        residency.ChangePrice(command.Change.From, command.Change.MonthlyPrice);
        session.UpdateRevision(residency, residency.Version + 1);
    }

    public async Task<ResidencyView> HandleAsync(GetResidency query, IQuerySession session, CancellationToken cancellationToken) =>
        ResidencyView.From(await session.Query<Residency>().VisibleTo(user).SingleOrDefaultAsync(r => r.Id == query.ResidencyId, cancellationToken)
            ?? throw new NotFoundException("Residency", query.ResidencyId));

    private sealed record ActivityTakesCharges(ActivityStanding Activity) : IBusinessRule
    {
        public bool IsBroken() => !Activity.IsOpen;

        public string Message => $"The activity {Activity.Name} is closed: it takes no new charge.";
    }
}

public static class ResidenciesEndpoints
{
    [WolverinePost("/api/spaces/residencies", OperationId = "StartResidency"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Rents a desk, an office or a workshop to a member by the month, charged to one of their activities on the first day of each month (operators, admins).")]
    public static async Task<Created<ResourceCreated>> Post(StartResidency command, IMessageBus bus, CancellationToken ct)
    {
        var activity = await bus.InvokeAsync<ActivityStanding?>(new GetActivityStanding(command.ActivityId), ct);
        return await bus.CreateAsync(new PlaceResidency(command, activity), "/api/spaces/residencies/", ct);
    }

    [WolverinePost("/api/spaces/residencies/{residencyId:guid}/end", OperationId = "EndResidency"), ProducesCommandProblems, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Ends a residency on a date, no sooner than its notice allows: the last month is prorated.")]
    public static async Task<NoContent> End(Guid residencyId, EndResidency command, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new TerminateResidency(residencyId, command.End), ct);
        return TypedResults.NoContent();
    }

    [WolverinePut("/api/spaces/residencies/{residencyId:guid}/price", OperationId = "ChangeResidencyPrice"), Authorize(SmartPolicies.Operator), ProducesCommandProblems,
     ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Changes a residency's monthly price from a date, after the months already charged: each later day is charged at the price in force then (operators, admins).")]
    public static async Task<NoContent> ChangePrice(Guid residencyId, ChangeResidencyPrice command, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new ChangeResidencyPriceOf(residencyId, command), ct);
        return TypedResults.NoContent();
    }

    [WolverineGet("/api/spaces/residencies/{residencyId:guid}", OperationId = "GetResidency"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A residency the caller may see, with the months charged.")]
    public static async Task<Ok<ResidencyView>> Get(Guid residencyId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ResidencyView>(new GetResidency(residencyId), ct));
}
