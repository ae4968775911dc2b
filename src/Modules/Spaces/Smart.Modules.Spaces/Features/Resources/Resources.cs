using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Spaces.Domain.Pricing;
using Smart.Modules.Spaces.Domain.Qualifications;
using Smart.Modules.Spaces.Domain.Resources;
using Smart.Modules.Spaces.Features.Places;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Spaces.Features.Resources;

/// <summary>
/// A resource of a place: <see cref="Capacity"/> is the number of desks of a coworking area or of people a room holds
/// (offices, workshops and machines are booked whole: 1); a machine may need a qualification.
/// </summary>
public sealed record AddResource(ResourceKind Kind, string Name, int Capacity, string? RequiredQualification = null)
{
    public const int MaxCapacity = 1000;

    internal sealed class Validator : AbstractValidator<AddResource>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Name).NotEmpty().MaximumLength(100).HasNoNul();
            RuleFor(c => c.Capacity).InclusiveBetween(1, MaxCapacity);
            RuleFor(c => c.RequiredQualification).MaximumLength(100).HasNoNul();
        }
    }
}

public sealed record AddResourceToPlace(Guid PlaceId, AddResource Resource);

/// <summary>What an audience pays: by the hour, half-day and day (at least one), free on some weekdays, capped per month.</summary>
public sealed record AudienceRateInput(Audience Audience, decimal? Hourly, decimal? HalfDay, decimal? Day, IReadOnlyList<DayOfWeek>? FreeOn, decimal? MonthlyCap)
{
    internal AudienceRate ToDomain() => new(Audience, Hourly, HalfDay, Day, FreeOn ?? [], MonthlyCap);

    internal sealed class Validator : AbstractValidator<AudienceRateInput>
    {
        public Validator()
        {
            RuleFor(r => r.Audience).IsInEnum();
            RuleFor(r => r.Hourly).GreaterThanOrEqualTo(0).PrecisionScale(10, 2, ignoreTrailingZeros: true);
            RuleFor(r => r.HalfDay).GreaterThanOrEqualTo(0).PrecisionScale(10, 2, ignoreTrailingZeros: true);
            RuleFor(r => r.Day).GreaterThanOrEqualTo(0).PrecisionScale(10, 2, ignoreTrailingZeros: true);
            RuleFor(r => r.MonthlyCap).GreaterThanOrEqualTo(0).PrecisionScale(10, 2, ignoreTrailingZeros: true);
            RuleFor(r => r).Must(r => r.Hourly is not null || r.HalfDay is not null || r.Day is not null)
                .WithName("hourly").OverridePropertyName("hourly").WithMessage("An hourly, half-day or day rate.");
            RuleFor(r => r.FreeOn).Must(days => days is null || days.Count <= 7 && days.All(Enum.IsDefined)).WithMessage("Days of the week.");
        }
    }
}

/// <summary>
/// A resource's prices from a date (today or later; a version of the same date replaces it): the rates per audience,
/// the longest booking priced as a half-day, and how long before the start a cancellation stays free.
/// </summary>
public sealed record SetPrices(DateOnly EffectiveFrom, decimal HalfDayHours, int FreeCancellationHours, IReadOnlyList<AudienceRateInput> Rates)
{
    internal sealed class Validator : AbstractValidator<SetPrices>
    {
        public Validator()
        {
            RuleFor(c => c.EffectiveFrom).IsBusinessDate();
            RuleFor(c => c.HalfDayHours).GreaterThan(0).LessThanOrEqualTo(12).PrecisionScale(4, 2, ignoreTrailingZeros: true);
            RuleFor(c => c.FreeCancellationHours).InclusiveBetween(0, 24 * 60);
            RuleFor(c => c.Rates).HasItems(3)
                .Must(r => r.Select(x => x.Audience).Distinct().Count() == r.Count).When(c => Lists.HasNoNullItem(c.Rates)).WithMessage("One rate per audience.");
            RuleForEach(c => c.Rates).EachValid(new AudienceRateInput.Validator());
        }
    }
}

public sealed record SetResourcePrices(Guid ResourceId, SetPrices Prices);

/// <summary>Staff record that a member of their entity may use machines needing <see cref="Name"/>.</summary>
public sealed record GrantQualification(Guid MemberId, string Name)
{
    internal sealed class Validator : AbstractValidator<GrantQualification>
    {
        public Validator()
        {
            RuleFor(c => c.MemberId).NotEmpty();
            RuleFor(c => c.Name).NotEmpty().MaximumLength(100).HasNoNul();
        }
    }
}

public sealed record GetResource(Guid ResourceId);

public sealed record ListResources(Guid PlaceId);

public sealed record PriceVersionView(DateOnly EffectiveFrom, decimal HalfDayHours, int FreeCancellationHours, IReadOnlyList<AudienceRateInput> Rates);

public sealed record ResourceView(Guid Id, Guid PlaceId, ResourceKind Kind, string Name, int Capacity, string? RequiredQualification,
    IReadOnlyList<PriceVersionView> Prices, int Version)
{
    internal static ResourceView From(Resource r) => new(r.Id, r.PlaceId, r.Kind, r.Name, r.Capacity, r.RequiredQualification,
        r.Prices.Select(p => new PriceVersionView(p.EffectiveFrom, p.HalfDayHours, p.FreeCancellationHours,
            p.Rates.Select(a => new AudienceRateInput(a.Audience, a.Hourly, a.HalfDay, a.Day, a.FreeOn, a.MonthlyCap)).ToList())).ToList(), r.Version);
}

internal sealed record ResourceNameIsUniqueInPlace(bool AlreadyUsed, string Name) : IBusinessRule
{
    public bool IsBroken() => AlreadyUsed;

    public string Message => $"The place already has a resource named {Name}.";
}

public sealed class ResourcesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<(Guid, ResourceAdded)> HandleAsync(AddResourceToPlace command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var place = await session.LoadPlaceAsync(user, command.PlaceId, cancellationToken);
        var name = command.Resource.Name.Trim();
        BusinessRules.Check(new ResourceNameIsUniqueInPlace(
            await session.Query<Resource>().AnyAsync(r => r.PlaceId == place.Id && r.Name.Equals(name, StringComparison.OrdinalIgnoreCase), cancellationToken), name));
        var resource = Resource.Add(place, command.Resource.Kind, name, command.Resource.Capacity, command.Resource.RequiredQualification);
        session.Insert(resource);
        return (resource.Id, resource.Added(place, clock.GetUtcNow()));
    }

    public async Task HandleAsync(SetResourcePrices command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var resource = await session.LoadResourceAsync(user, command.ResourceId, cancellationToken);
        var prices = command.Prices;
        resource.SetPrices(new PriceVersion(prices.EffectiveFrom, prices.HalfDayHours, prices.FreeCancellationHours, prices.Rates.Select(r => r.ToDomain()).ToList()),
            clock.Today());
        session.UpdateRevision(resource, resource.Version + 1);
    }

    /// <summary>Granting twice changes nothing.</summary>
    public async Task HandleAsync(GrantQualification command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var entityId = user.EntityId ?? throw new NotFoundException("Member", command.MemberId);
        var name = Qualification.Normalize(command.Name);
        if (!await session.Query<Qualification>().AnyAsync(q => q.EntityId == entityId && q.MemberId == command.MemberId && q.Name == name, cancellationToken))
        {
            session.Insert(Qualification.Grant(entityId, command.MemberId, name, clock.Today()));
        }
    }

    public async Task<ResourceView> HandleAsync(GetResource query, IQuerySession session, CancellationToken cancellationToken) =>
        ResourceView.From(await session.LoadResourceAsync(user, query.ResourceId, cancellationToken));

    public async Task<IReadOnlyList<ResourceView>> HandleAsync(ListResources query, IQuerySession session, CancellationToken cancellationToken)
    {
        var place = await session.LoadPlaceAsync(user, query.PlaceId, cancellationToken);
        return (await session.Query<Resource>().Where(r => r.PlaceId == place.Id).OrderBy(r => r.Name).ToListAsync(cancellationToken)).Select(ResourceView.From).ToList();
    }
}

internal static class ResourceLoading
{
    public static async Task<Resource> LoadResourceAsync(this IQuerySession session, ICurrentUser user, Guid resourceId, CancellationToken cancellationToken) =>
        await session.Query<Resource>().VisibleTo(user).SingleOrDefaultAsync(r => r.Id == resourceId, cancellationToken)
        ?? throw new NotFoundException("Resource", resourceId);
}

public static class ResourcesEndpoints
{
    [WolverinePost("/api/spaces/places/{placeId:guid}/resources", OperationId = "AddResource"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Adds a resource to a place: a coworking area of N desks, an office, a workshop, a room for N people or a machine (operators, admins).")]
    public static async Task<Created<ResourceCreated>> Post(Guid placeId, AddResource resource, IMessageBus bus, CancellationToken ct)
    {
        return await bus.CreateAsync(new AddResourceToPlace(placeId, resource), "/api/spaces/resources/", ct);
    }

    [WolverinePut("/api/spaces/resources/{resourceId:guid}/prices", OperationId = "SetResourcePrices"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Sets a resource's prices per audience from a date, today or later (operators, admins).")]
    public static async Task<NoContent> PutPrices(Guid resourceId, SetPrices prices, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new SetResourcePrices(resourceId, prices), ct);
        return TypedResults.NoContent();
    }

    [WolverinePost("/api/spaces/qualifications", OperationId = "GrantQualification"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Records that a member may use the machines needing a qualification (operators, admins).")]
    public static async Task<NoContent> PostQualification(GrantQualification command, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(command, ct);
        return TypedResults.NoContent();
    }

    [WolverineGet("/api/spaces/resources/{resourceId:guid}", OperationId = "GetResource"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A resource of the caller's entity with its price history.")]
    public static async Task<Ok<ResourceView>> Get(Guid resourceId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ResourceView>(new GetResource(resourceId), ct));

    [WolverineGet("/api/spaces/places/{placeId:guid}/resources", OperationId = "ListResources"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The resources of a place.")]
    public static async Task<Ok<IReadOnlyList<ResourceView>>> List(Guid placeId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<ResourceView>>(new ListResources(placeId), ct));
}
