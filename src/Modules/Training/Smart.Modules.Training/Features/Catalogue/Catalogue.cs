using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Catalogue;
using Smart.Modules.Training.Domain.Rules;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Training.Features.Catalogue;

/// <summary>Prices excl. VAT per audience (0 for free).</summary>
public sealed record PricesInput(decimal Member, decimal NonMember, decimal Staff)
{
    internal Prices ToDomain() => new(Member, NonMember, Staff);

    internal sealed class Validator : AbstractValidator<PricesInput>
    {
        public Validator()
        {
            RuleFor(p => p.Member).InclusiveBetween(0m, 100_000m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(p => p.NonMember).InclusiveBetween(0m, 100_000m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(p => p.Staff).InclusiveBetween(0m, 100_000m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        }
    }
}

/// <summary>
/// Adds a training to the catalogue of a school year (<see cref="SchoolYear"/> 2025 for October 2025 to June 2026) of the
/// caller's entity, in one of the six axes; the entity's VAT on training in force on 1 October applies to its prices.
/// </summary>
public sealed record AddTraining(int SchoolYear, TrainingAxis Axis, string Title, string Objectives, string Programme, string Prerequisites,
    decimal Days, decimal Hours, PricesInput Prices)
{
    public const int FirstSchoolYear = 2000;
    public const int LastSchoolYear = 2100;

    public static AddTraining Example => new(2025, TrainingAxis.FinancialManagement, "Construire le budget de son projet",
        "Savoir établir un budget prévisionnel", "Jour 1 : charges et produits ; jour 2 : trésorerie", "Aucun", 2, 14, new PricesInput(120.00m, 480.00m, 0m));

    internal sealed class Validator : AbstractValidator<AddTraining>
    {
        public Validator()
        {
            RuleFor(c => c.SchoolYear).InclusiveBetween(FirstSchoolYear, LastSchoolYear);
            RuleFor(c => c.Axis).IsInEnum();
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200).HasNoNul();
            RuleFor(c => c.Objectives).NotEmpty().MaximumLength(4000).HasNoNul();
            RuleFor(c => c.Programme).NotEmpty().MaximumLength(8000).HasNoNul();
            RuleFor(c => c.Prerequisites).NotNull().MaximumLength(2000).HasNoNul();
            RuleFor(c => c.Days).GreaterThan(0).LessThanOrEqualTo(60).PrecisionScale(4, 1, ignoreTrailingZeros: true);
            RuleFor(c => c.Hours).GreaterThan(0).LessThanOrEqualTo(500).PrecisionScale(5, 2, ignoreTrailingZeros: true);
            RuleFor(c => c.Prices).NotNull().SetValidator(new PricesInput.Validator());
        }
    }
}

public sealed record GetTraining(Guid TrainingId);

public sealed record ListTrainings(int? SchoolYear, TrainingAxis? Axis);

public sealed record PriceView(TraineeAudience Audience, decimal ExclVat, decimal InclVat);

public sealed record TrainingView(Guid Id, Guid EntityId, int SchoolYear, TrainingAxis Axis, string Title, string Objectives, string Programme,
    string Prerequisites, decimal Days, decimal Hours, IReadOnlyList<PriceView> Prices, bool VatExempt, decimal VatRate, string? VatMention, int Version)
{
    internal static TrainingView From(TrainingCourse c) => new(c.Id, c.EntityId, c.SchoolYear, c.Axis, c.Title, c.Objectives, c.Programme, c.Prerequisites,
        c.Days, c.Hours, Enum.GetValues<TraineeAudience>().Select(a => new PriceView(a, c.Prices.For(a), c.Vat.InclVat(c.Prices.For(a)))).ToList(),
        c.Vat.Exempt, c.Vat.Rate, c.Vat.Mention, c.Version);
}

public sealed class CatalogueHandler(ICurrentUser user)
{
    public async Task<Guid> HandleAsync(AddTraining command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var entityId = user.EntityId ?? throw new NotFoundException("Entity", "of the caller");
        var rules = await session.LoadAsync<TrainingRules>(entityId, cancellationToken) ?? TrainingRules.For(entityId);
        var vat = rules.VatOn(TrainingCourse.SchoolYearStart(command.SchoolYear));
        var course = TrainingCourse.Add(entityId, command.SchoolYear, command.Axis, command.Title, command.Objectives, command.Programme, command.Prerequisites,
            command.Days, command.Hours, command.Prices.ToDomain(),
            new TrainingVat(vat.TrainingVatExempt, vat.TrainingVatExempt ? 0m : vat.DefaultVatRate, vat.TrainingVatExempt ? vat.Mention : null));
        session.Insert(course);
        return course.Id;
    }

    public async Task<TrainingView> HandleAsync(GetTraining query, IQuerySession session, CancellationToken cancellationToken) =>
        TrainingView.From(await session.LoadCourseAsync(user, query.TrainingId, cancellationToken));

    public async Task<IReadOnlyList<TrainingView>> HandleAsync(ListTrainings query, IQuerySession session, CancellationToken cancellationToken)
    {
        var courses = session.Query<TrainingCourse>().VisibleInEntityOf(user, c => c.EntityId);
        if (query.SchoolYear is { } year) courses = courses.Where(c => c.SchoolYear == year);
        if (query.Axis is { } axis) courses = courses.Where(c => c.Axis == axis);
        return (await courses.OrderBy(c => c.SchoolYear).ThenBy(c => c.Axis).ThenBy(c => c.Title).Take(1_000).ToListAsync(cancellationToken))
            .Select(TrainingView.From).ToList();
    }
}

public static class CatalogueEndpoints
{
    [WolverinePost("/api/training/trainings", OperationId = "AddTraining"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Adds a training to the catalogue of a school year of the caller's entity, in one of the six axes, with its prices per audience (operators, admins).")]
    public static Task<Created<ResourceCreated>> Post(AddTraining command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/training/trainings/", ct);

    [WolverineGet("/api/training/trainings/{trainingId:guid}", OperationId = "GetTraining"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A training of the caller's entity's catalogue: objectives, programme, duration, prerequisites, prices excl. and incl. VAT.")]
    public static async Task<Ok<TrainingView>> Get(Guid trainingId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<TrainingView>(new GetTraining(trainingId), ct));

    [WolverineGet("/api/training/trainings", OperationId = "ListTrainings"), ProducesValidationProblem]
    [EndpointSummary("The catalogue of the caller's entity, for a school year (2025 for 2025–2026) and an axis when given.")]
    public static async Task<Ok<IReadOnlyList<TrainingView>>> List(int? schoolYear, TrainingAxis? axis, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<TrainingView>>(new ListTrainings(schoolYear, axis), ct));
}
