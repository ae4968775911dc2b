using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.BuildingBlocks.Validation;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Financing;
using Smart.Modules.Activities.Features.Salaries;
using Smart.Modules.Activities.Persistence;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.Financing;

/// <summary>What every piece of equipment states, however it is financed.</summary>
internal interface IEquipmentTerms
{
    Guid ActivityId { get; }
    string Description { get; }
    string Supplier { get; }
    DateOnly PurchaseDate { get; }
    decimal PriceExclVat { get; }
}

internal static class EquipmentTermsRules
{
    /// <summary>The shape of the common fields; limits in force and the budget are the domain's.</summary>
    public static void Apply<T>(AbstractValidator<T> validator) where T : IEquipmentTerms
    {
        validator.RuleFor(c => c.ActivityId).NotEmpty();
        validator.RuleFor(c => c.Description).NotEmpty().MaximumLength(Equipment.MaxDescriptionLength);
        validator.RuleFor(c => c.Supplier).NotEmpty().MaximumLength(Equipment.MaxSupplierLength);
        validator.RuleFor(c => c.PurchaseDate).IsBusinessDate();
        validator.RuleFor(c => c.PriceExclVat).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
    }
}

/// <summary>
/// Equipment bought from the activity's budget: −price booked on the purchase date. Refused (409
/// <c>BudgetCoversThePurchase</c>) when the amount available (balance − pending salaries − instalments still to repay) does not cover it.
/// </summary>
public sealed record PurchaseEquipment(Guid ActivityId, string Description, string Supplier, DateOnly PurchaseDate, decimal PriceExclVat) : IEquipmentTerms
{
    internal sealed class Validator : AbstractValidator<PurchaseEquipment>
    {
        public Validator() => EquipmentTermsRules.Apply(this);
    }
}

/// <summary>
/// Staff grant a treasury advance of the cooperative for a purchase: −price and +advance on the purchase date, then
/// the advance repaid in monthly instalments, each booked on its due date by a scheduled message.
/// </summary>
public sealed record GrantTreasuryAdvance(
    Guid ActivityId, string Description, string Supplier, DateOnly PurchaseDate, decimal PriceExclVat, decimal AdvanceAmount, int Instalments,
    DateOnly FirstInstalmentDate) : IEquipmentTerms
{
    internal sealed class Validator : AbstractValidator<GrantTreasuryAdvance>
    {
        public Validator()
        {
            EquipmentTermsRules.Apply(this);
            RuleFor(c => c.AdvanceAmount).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true)
                .LessThanOrEqualTo(c => c.PriceExclVat).WithMessage("The advance is at most the price excl. VAT.");
            RuleFor(c => c.Instalments).GreaterThanOrEqualTo(1);
            RuleFor(c => c.FirstInstalmentDate).IsBusinessDate().GreaterThanOrEqualTo(c => c.PurchaseDate).WithMessage("The first instalment falls on or after the purchase.");
        }
    }
}

/// <summary>Staff arrange a lease: one monthly deduction over the term, each booked on its date by a scheduled message; no purchase is booked.</summary>
public sealed record LeaseEquipment(
    Guid ActivityId, string Description, string Supplier, DateOnly PurchaseDate, decimal PriceExclVat, decimal MonthlyAmount, int TermMonths,
    DateOnly FirstDeductionDate) : IEquipmentTerms
{
    internal sealed class Validator : AbstractValidator<LeaseEquipment>
    {
        public Validator()
        {
            EquipmentTermsRules.Apply(this);
            RuleFor(c => c.MonthlyAmount).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(c => c.TermMonths).GreaterThanOrEqualTo(1);
            RuleFor(c => c.FirstDeductionDate).IsBusinessDate().GreaterThanOrEqualTo(c => c.PurchaseDate).WithMessage("The first deduction falls on or after the lease starts.");
        }
    }
}

public sealed record PurchaseEquipmentRequest(string Description, string Supplier, DateOnly PurchaseDate, decimal PriceExclVat);

public sealed record GrantTreasuryAdvanceRequest(
    string Description, string Supplier, DateOnly PurchaseDate, decimal PriceExclVat, decimal AdvanceAmount, int Instalments, DateOnly FirstInstalmentDate);

public sealed record LeaseEquipmentRequest(
    string Description, string Supplier, DateOnly PurchaseDate, decimal PriceExclVat, decimal MonthlyAmount, int TermMonths, DateOnly FirstDeductionDate);

public sealed class AcquireEquipmentHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(PurchaseEquipment command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (ledger, activity) = await LoadAsync(session, command.ActivityId, cancellationToken);
        var today = clock.Today();
        var budget = await session.SalaryBudgetAsync(activity, ledger.Budget, today, cancellationToken);
        return Record(session, ledger, Equipment.Purchase(activity, budget.Available, command.Description, command.Supplier, command.PurchaseDate,
            command.PriceExclVat, RecorderId(), today));
    }

    /// <summary>The equipment's id, and one message per instalment scheduled for its due date.</summary>
    public async Task<(Guid, OutgoingMessages)> HandleAsync(GrantTreasuryAdvance command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (ledger, activity) = await LoadAsync(session, command.ActivityId, cancellationToken);
        var today = clock.Today();
        var budget = await session.SalaryBudgetAsync(activity, ledger.Budget, today, cancellationToken);
        var equipment = Equipment.FinanceByAdvance(activity, budget.Available, await session.FinancingLimitsInForceAsync(today, cancellationToken),
            command.Description, command.Supplier, command.PurchaseDate, command.PriceExclVat, command.AdvanceAmount, command.Instalments,
            command.FirstInstalmentDate, RecorderId(), today);
        return (Record(session, ledger, equipment), equipment.InstalmentsDue(clock));
    }

    /// <summary>The equipment's id, and one message per monthly deduction scheduled for its due date.</summary>
    public async Task<(Guid, OutgoingMessages)> HandleAsync(LeaseEquipment command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (ledger, activity) = await LoadAsync(session, command.ActivityId, cancellationToken);
        var today = clock.Today();
        var equipment = Equipment.Lease(activity, await session.FinancingLimitsInForceAsync(today, cancellationToken), command.Description, command.Supplier,
            command.PurchaseDate, command.PriceExclVat, command.MonthlyAmount, command.TermMonths, command.FirstDeductionDate, RecorderId(), today);
        return (Record(session, ledger, equipment), equipment.InstalmentsDue(clock));
    }

    /// <summary>
    /// The activity's ledger, taken until commit (spending and closing queue on it), then the activity if the caller may
    /// see it: read after the ledger is taken, so a close committed meanwhile is seen.
    /// </summary>
    private async Task<(ActivityLedger, Activity)> LoadAsync(IDocumentSession session, Guid activityId, CancellationToken cancellationToken)
    {
        var ledger = await session.LedgerAsync(activityId, cancellationToken);
        return (ledger, await session.VisibleActivityAsync(user, activityId, cancellationToken));
    }

    private Guid Record(IDocumentSession session, ActivityLedger ledger, Equipment equipment)
    {
        session.Insert(equipment);
        ledger.Append(equipment.AcquisitionEntries(clock.GetUtcNow()));
        if (equipment.PlannedInstalments() is { } planned)
        {
            ledger.Append(planned);
        }
        return equipment.Id;
    }

    /// <summary>The member who records it, like an expense's submitter; a staff account tied to no member records its user id.</summary>
    private Guid RecorderId() => user.MemberId ?? user.UserId ?? throw new InvalidOperationException("Equipment is recorded by a logged-in user.");
}

public static class AcquireEquipmentEndpoints
{
    [WolverinePost("/api/activities/activities/{activityId:guid}/equipment/purchases", OperationId = "PurchaseEquipment"), ProducesCommandProblems]
    [EndpointSummary("Records equipment bought from the activity's budget (the coordinator, or staff for an activity they see): books −price on the purchase date.")]
    public static async Task<Created<ResourceCreated>> Purchase(Guid activityId, PurchaseEquipmentRequest r, IMessageBus bus, CancellationToken ct) =>
        Created(await bus.InvokeAsync<Guid>(new PurchaseEquipment(activityId, r.Description, r.Supplier, r.PurchaseDate, r.PriceExclVat), ct));

    [WolverinePost("/api/activities/activities/{activityId:guid}/equipment/treasury-advances", OperationId = "GrantTreasuryAdvance"), Authorize(SmartPolicies.Staff),
     ProducesValidationProblem, ProducesProblem(StatusCodes.Status403Forbidden), ProducesProblem(StatusCodes.Status404NotFound), ProducesProblem(StatusCodes.Status409Conflict)]
    [EndpointSummary("Staff grant a treasury advance for a purchase: books −price and +advance, then each monthly repayment on its due date.")]
    public static async Task<Created<ResourceCreated>> GrantAdvance(Guid activityId, GrantTreasuryAdvanceRequest r, IMessageBus bus, CancellationToken ct) =>
        Created(await bus.InvokeAsync<Guid>(new GrantTreasuryAdvance(activityId, r.Description, r.Supplier, r.PurchaseDate, r.PriceExclVat, r.AdvanceAmount,
            r.Instalments, r.FirstInstalmentDate), ct));

    [WolverinePost("/api/activities/activities/{activityId:guid}/equipment/leases", OperationId = "LeaseEquipment"), Authorize(SmartPolicies.Staff),
     ProducesValidationProblem, ProducesProblem(StatusCodes.Status403Forbidden), ProducesProblem(StatusCodes.Status404NotFound), ProducesProblem(StatusCodes.Status409Conflict)]
    [EndpointSummary("Staff arrange a lease: one monthly deduction over the term, each booked on its date.")]
    public static async Task<Created<ResourceCreated>> Lease(Guid activityId, LeaseEquipmentRequest r, IMessageBus bus, CancellationToken ct) =>
        Created(await bus.InvokeAsync<Guid>(new LeaseEquipment(activityId, r.Description, r.Supplier, r.PurchaseDate, r.PriceExclVat, r.MonthlyAmount,
            r.TermMonths, r.FirstDeductionDate), ct));

    private static Created<ResourceCreated> Created(Guid id) => TypedResults.Created($"/api/activities/equipment/{id}", new ResourceCreated(id));
}
