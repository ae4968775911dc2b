using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.BuildingBlocks.Validation;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.Salaries;

/// <summary>The terms of a salary, as sent by itself or inside a quick-mode invoice.</summary>
internal interface ISalaryTerms
{
    decimal EmploymentBudget { get; }
    SalaryContractKind ContractKind { get; }
    SalaryCategory Category { get; }
    DateOnly WorkStart { get; }
    DateOnly WorkEnd { get; }
    decimal? Days { get; }
    decimal? Hours { get; }
    string Job { get; }
}

internal static class SalaryTermsRules
{
    /// <summary>The shape of salary terms (the budget itself is checked by the domain).</summary>
    public static void Apply<T>(AbstractValidator<T> validator) where T : ISalaryTerms
    {
        validator.RuleFor(t => t.EmploymentBudget).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        validator.RuleFor(t => t.ContractKind).IsInEnum();
        validator.RuleFor(t => t.Category).IsInEnum();
        validator.RuleFor(t => t.WorkStart).IsBusinessDate();
        validator.RuleFor(t => t.WorkEnd).IsBusinessDate().GreaterThanOrEqualTo(t => t.WorkStart);
        validator.RuleFor(t => t.Days).NotNull().When(t => t.Hours is null).WithMessage("Give a number of days or of hours.");
        validator.RuleFor(t => t.Days).GreaterThan(0).PrecisionScale(6, 2, ignoreTrailingZeros: true).When(t => t.Days is not null);
        validator.RuleFor(t => t.Hours).Null().When(t => t.Days is not null).WithMessage("Give days or hours, not both.");
        validator.RuleFor(t => t.Hours).GreaterThan(0).PrecisionScale(8, 2, ignoreTrailingZeros: true).When(t => t.Hours is not null);
        validator.RuleFor(t => t.Job).NotEmpty().MaximumLength(200);
    }
}

/// <summary>Salary terms in a request body.</summary>
public sealed record SalaryInput(
    decimal EmploymentBudget, SalaryContractKind ContractKind, SalaryCategory Category, DateOnly WorkStart, DateOnly WorkEnd, decimal? Days, decimal? Hours, string Job)
    : ISalaryTerms
{
    public static SalaryInput Example => new(800.00m, SalaryContractKind.Cddu, SalaryCategory.Artistic, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10), 1, null, "Musician");

    internal sealed class Validator : AbstractValidator<SalaryInput>
    {
        public Validator() => SalaryTermsRules.Apply(this);
    }
}

/// <summary>
/// A member (or staff for an activity they can see) asks for a salary drawn from the activity's budget, for its
/// coordinator. Refused (409 <c>SalaryBudgetIsAvailable</c>) when the budget is short, unless the entity lets the
/// guarantee fund advance the shortfall on the activity's unpaid invoices. Publishes <see cref="SalaryRequested"/>.
/// </summary>
public sealed record RequestSalary(
    Guid ActivityId, decimal EmploymentBudget, SalaryContractKind ContractKind, SalaryCategory Category, DateOnly WorkStart, DateOnly WorkEnd,
    decimal? Days, decimal? Hours, string Job) : ISalaryTerms
{
    public static RequestSalary For(Guid activityId, SalaryInput input) => new(activityId, input.EmploymentBudget, input.ContractKind, input.Category,
        input.WorkStart, input.WorkEnd, input.Days, input.Hours, input.Job);

    internal sealed class Validator : AbstractValidator<RequestSalary>
    {
        public Validator()
        {
            RuleFor(c => c.ActivityId).NotEmpty();
            SalaryTermsRules.Apply(this);
        }
    }
}

public sealed class RequestSalaryHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The request's id, and its event for Wolverine to publish with the transaction.</summary>
    public async Task<(Guid, SalaryRequested)> HandleAsync(RequestSalary command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (ledger, activity) = await session.LedgerWithAsync<Activity>(command.ActivityId, command.ActivityId, cancellationToken);
        if (activity is null || !activity.IsVisibleTo(user)) throw new NotFoundException("Activity", command.ActivityId);
        var (request, requested) = await session.RequestSalaryAsync(ledger, activity, command, clock, cancellationToken);
        return (request.Id, requested);
    }
}

internal static class SalaryRequesting
{
    /// <summary>
    /// The whole request, in the caller's transaction, on the activity's ledger the caller took (so it reads the budget
    /// as the last writer left it, and the activity read after taking it): shared with quick mode. The caller returns
    /// the event for Wolverine to publish.
    /// </summary>
    public static async Task<(SalaryRequest Request, SalaryRequested Requested)> RequestSalaryAsync(this IDocumentSession session, ActivityLedger ledger,
        Activity activity, ISalaryTerms terms, TimeProvider clock, CancellationToken cancellationToken, IReadOnlyList<Invoice>? issuedNow = null)
    {
        var today = clock.Today();
        var budget = await session.SalaryBudgetAsync(activity, ledger.Budget, today, cancellationToken, issuedNow);
        var request = SalaryRequest.Request(activity, budget, terms.EmploymentBudget, terms.ContractKind, terms.Category, terms.WorkStart, terms.WorkEnd,
            terms.Days, terms.Hours, terms.Job, today);
        session.Insert(request);
        ledger.Append(request.Commitment());
        return (request, request.ToSalaryRequested());
    }
}

public static class RequestSalaryEndpoint
{
    [WolverinePost("/api/activities/activities/{activityId:guid}/salary-requests", OperationId = "RequestSalary"), ProducesCommandProblems]
    [EndpointSummary("Asks Payroll for a salary drawn from the activity's budget (employment budget, contract, work dates, days or hours, job).")]
    public static async Task<Created<ResourceCreated>> Post(Guid activityId, SalaryInput request, IMessageBus bus, CancellationToken ct)
    {
        var id = await bus.InvokeAsync<Guid>(RequestSalary.For(activityId, request), ct);
        return TypedResults.Created($"/api/activities/salary-requests/{id}", new ResourceCreated(id));
    }
}
