using System.Linq.Expressions;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.Modules.Activities.Features.SalesDocuments;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.ContractDocuments;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.EntityRulesCopy;
using Smart.Modules.Activities.Features.Invoicing;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using Wolverine;

namespace Smart.Modules.Activities.Features.ContractDocuments;

/// <summary>
/// The details of a contract document as sent: one flat object whose fields each kind picks from. The kind's validator
/// requires its fields and refuses the others, so a typo in the kind or a field of another kind is a 400, not silence.
/// </summary>
public sealed record ContractDetailsInput
{
    public string? ShowTitle { get; init; }
    public string? Venue { get; init; }
    public IReadOnlyList<DateOnly>? PerformanceDates { get; init; }
    public int? Performances { get; init; }
    public string? ProjectTitle { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public string? Deliverables { get; init; }
    public string? ActionTitle { get; init; }
    public string? Audience { get; init; }
    public string? CourseTitle { get; init; }
    public decimal? Hours { get; init; }
    public IReadOnlyList<DateOnly>? CourseDates { get; init; }
    public int? Learners { get; init; }
    public string? Funder { get; init; }
    public string? Purpose { get; init; }
    public decimal? Amount { get; init; }
    public string? WorkTitle { get; init; }
    public DateOnly? RightsFrom { get; init; }
    public DateOnly? RightsUntil { get; init; }
    public string? Medium { get; init; }
    public string? Dimensions { get; init; }

    /// <summary>The typed details of a kind; call after the kind's validator passed.</summary>
    public ContractDetails ToDetails(ContractKind kind) => kind switch
    {
        ContractKind.SaleOfShow => new SaleOfShowDetails(ShowTitle!.Trim(), Venue!.Trim(), [.. PerformanceDates!.Order()], Performances!.Value),
        ContractKind.ExecutiveProduction => new ExecutiveProductionDetails(ProjectTitle!.Trim(), StartDate!.Value, EndDate!.Value, Deliverables!.Trim()),
        ContractKind.CulturalActionAgreement => new CulturalActionAgreementDetails(ActionTitle!.Trim(), Venue!.Trim(), StartDate!.Value, EndDate!.Value, Audience!.Trim()),
        ContractKind.CourseAgreement => new CourseAgreementDetails(CourseTitle!.Trim(), Hours!.Value, [.. CourseDates!.Order()], Learners!.Value),
        ContractKind.FundingAgreement => new FundingAgreementDetails(Funder!.Trim(), Purpose!.Trim(), Amount!.Value),
        ContractKind.AuthorInvoice => new AuthorInvoiceDetails(WorkTitle!.Trim(), RightsFrom!.Value, RightsUntil!.Value),
        ContractKind.SaleOfOriginalWorks => new SaleOfOriginalWorksDetails(WorkTitle!.Trim(), Medium!.Trim(), Dimensions!.Trim()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The rule set of each kind: the fields it requires, and no field of another kind.</summary>
    internal static IValidator<ContractDetailsInput> ValidatorFor(ContractKind kind) => Validators[kind];

    private static readonly Dictionary<ContractKind, IValidator<ContractDetailsInput>> Validators = new()
    {
        [ContractKind.SaleOfShow] = KindValidator(ContractKind.SaleOfShow, v =>
        {
            v.Text(d => d.ShowTitle);
            v.Text(d => d.Venue);
            v.RuleFor(d => d.PerformanceDates).NotEmpty().Must(d => d is null || d.Count <= 366).WithMessage("At most 366 dates.");
            v.RuleFor(d => d.Performances).NotNull().InclusiveBetween(1, 1000);
            v.RuleFor(d => d.Performances).GreaterThanOrEqualTo(d => d.PerformanceDates!.Count).When(d => d.PerformanceDates is not null)
                .WithMessage("At least one performance per performance date.");
        }, nameof(ShowTitle), nameof(Venue), nameof(PerformanceDates), nameof(Performances)),
        [ContractKind.ExecutiveProduction] = KindValidator(ContractKind.ExecutiveProduction, v =>
        {
            v.Text(d => d.ProjectTitle);
            v.Period(d => d.StartDate, d => d.EndDate);
            v.Text(d => d.Deliverables, 2000);
        }, nameof(ProjectTitle), nameof(StartDate), nameof(EndDate), nameof(Deliverables)),
        [ContractKind.CulturalActionAgreement] = KindValidator(ContractKind.CulturalActionAgreement, v =>
        {
            v.Text(d => d.ActionTitle);
            v.Text(d => d.Venue);
            v.Period(d => d.StartDate, d => d.EndDate);
            v.Text(d => d.Audience);
        }, nameof(ActionTitle), nameof(Venue), nameof(StartDate), nameof(EndDate), nameof(Audience)),
        [ContractKind.CourseAgreement] = KindValidator(ContractKind.CourseAgreement, v =>
        {
            v.Text(d => d.CourseTitle);
            v.RuleFor(d => d.Hours).NotNull().GreaterThan(0).LessThanOrEqualTo(2000).PrecisionScale(6, 2, ignoreTrailingZeros: true);
            v.RuleFor(d => d.CourseDates).NotEmpty().Must(d => d is null || d.Count <= 366).WithMessage("At most 366 dates.");
            v.RuleFor(d => d.Learners).NotNull().InclusiveBetween(1, 1000);
        }, nameof(CourseTitle), nameof(Hours), nameof(CourseDates), nameof(Learners)),
        [ContractKind.FundingAgreement] = KindValidator(ContractKind.FundingAgreement, v =>
        {
            v.Text(d => d.Funder);
            v.Text(d => d.Purpose, 2000);
            v.RuleFor(d => d.Amount).NotNull().GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        }, nameof(Funder), nameof(Purpose), nameof(Amount)),
        [ContractKind.AuthorInvoice] = KindValidator(ContractKind.AuthorInvoice, v =>
        {
            v.Text(d => d.WorkTitle);
            v.Period(d => d.RightsFrom, d => d.RightsUntil);
        }, nameof(WorkTitle), nameof(RightsFrom), nameof(RightsUntil)),
        [ContractKind.SaleOfOriginalWorks] = KindValidator(ContractKind.SaleOfOriginalWorks, v =>
        {
            v.Text(d => d.WorkTitle);
            v.Text(d => d.Medium);
            v.Text(d => d.Dimensions, 100);
        }, nameof(WorkTitle), nameof(Medium), nameof(Dimensions)),
    };

    private static readonly System.Reflection.PropertyInfo[] Fields = typeof(ContractDetailsInput).GetProperties();

    // Inline validators rather than subclasses: the module's validator scan registers every AbstractValidator subclass.
    private static InlineValidator<ContractDetailsInput> KindValidator(ContractKind kind, Action<InlineValidator<ContractDetailsInput>> rules, params string[] fields)
    {
        var validator = new InlineValidator<ContractDetailsInput>();
        rules(validator);
        validator.RuleFor(d => d).Custom((details, context) =>
        {
            foreach (var field in Fields.Where(f => !fields.Contains(f.Name) && f.GetValue(details) is not null))
            {
                context.AddFailure(field.Name, $"Not a field of a {kind} document.");
            }
        });
        return validator;
    }
}

internal static class ContractDetailsRules
{
    public static void Text(this AbstractValidator<ContractDetailsInput> validator, Expression<Func<ContractDetailsInput, string?>> field, int maxLength = 300) =>
        validator.RuleFor(field).NotEmpty().MaximumLength(maxLength);

    public static void Period(this AbstractValidator<ContractDetailsInput> validator, Expression<Func<ContractDetailsInput, DateOnly?>> start,
        Expression<Func<ContractDetailsInput, DateOnly?>> end)
    {
        var startOf = start.Compile();
        validator.RuleFor(start).NotNull();
        validator.RuleFor(end).NotNull();
        validator.RuleFor(end).GreaterThanOrEqualTo(d => startOf(d)).When(d => startOf(d) is not null).WithMessage("The period ends on or after it starts.");
    }
}

/// <summary>
/// Issues a contract document of an activity with a client: the kind's details, a price excl. VAT where the kind has
/// one (VAT as on invoices: entity default, 0 % for exempt training), a number in the entity's contract series.
/// </summary>
public sealed record IssueContractDocument(Guid ActivityId, Guid ClientId, ContractKind Kind, DateOnly? IssueDate, ContractDetailsInput Details, decimal? Price,
    decimal? VatRate)
{
    public static IssueContractDocument Example => new(IssueInvoice.Example.ActivityId, IssueInvoice.Example.ClientId, ContractKind.SaleOfShow, null,
        new ContractDetailsInput { ShowTitle = "Les Échappées", Venue = "Théâtre du Nord, Lille", PerformanceDates = [new DateOnly(2026, 3, 14), new DateOnly(2026, 3, 15)], Performances = 2 },
        2400.00m, null);

    internal sealed class Validator : AbstractValidator<IssueContractDocument>
    {
        public Validator()
        {
            RuleFor(c => c.ActivityId).NotEmpty();
            RuleFor(c => c.ClientId).NotEmpty();
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Details).NotNull();
            RuleFor(c => c.Details).SetValidator((c, _) => ContractDetailsInput.ValidatorFor(c.Kind)).When(c => c.Details is not null && Enum.IsDefined(c.Kind));
            When(c => ContractDetails.HasPrice(c.Kind), () =>
            {
                RuleFor(c => c.Price).NotNull().GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
                RuleFor(c => c.VatRate).InclusiveBetween(0m, 0.5m).PrecisionScale(7, 6, ignoreTrailingZeros: true);
            }).Otherwise(() =>
            {
                RuleFor(c => c.Price).Null().WithMessage(c => $"A {c.Kind} document has no price; its amount is in its details.");
                RuleFor(c => c.VatRate).Null().WithMessage(c => $"A {c.Kind} document has no VAT.");
            });
        }
    }
}

public sealed class IssueContractDocumentHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(IssueContractDocument command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var activity = await session.VisibleActivityAsync(user, command.ActivityId, cancellationToken);
        var client = await session.Query<Client>().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == command.ClientId && c.EntityId == activity.EntityId, cancellationToken)
            ?? throw new NotFoundException("Client", command.ClientId);
        var today = clock.Today();
        var issueDate = command.IssueDate ?? today;
        var vat = (await session.Query<EntityRules>().InForceAsync(activity.EntityId, issueDate, cancellationToken)).VatFor(activity.Kind);
        var heading = await session.HeadingAsync(activity, client, issueDate, cancellationToken);
        var number = await session.NextAsync(activity.EntityId, DocumentKind.ContractDocument, issueDate, today, cancellationToken);
        var document = ContractDocument.Issue(number, activity, client, command.Details.ToDetails(command.Kind), command.Price, vat, command.VatRate, issueDate,
            heading);
        session.Insert(document);
        return document.Id;
    }
}

public static class IssueContractDocumentEndpoint
{
    [WolverinePost("/api/activities/contract-documents", OperationId = "IssueContractDocument"), ProducesCommandProblems]
    [EndpointSummary("Issues a contract document (sale of a show, course agreement…) on an activity; each kind requires its own details.")]
    public static Task<Created<ResourceCreated>> Post(IssueContractDocument command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/activities/contract-documents/", ct);
}
