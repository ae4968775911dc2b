using FluentValidation;
using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Persistence;

namespace Smart.Modules.Activities.Features.Budget;

/// <summary>The shape of a charge sent by Spaces, Training or Payroll (CDI smoothing); a malformed one retries then dead-letters.</summary>
internal sealed class ChargeActivityValidator : AbstractValidator<ChargeActivity>
{
    public ChargeActivityValidator()
    {
        RuleFor(c => c.ChargeId).NotEmpty();
        RuleFor(c => c.ActivityId).NotEmpty();
        RuleFor(c => c.ChargeKind).IsInEnum();
        RuleFor(c => c.Amount).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        RuleFor(c => c.Date).NotEmpty();
        RuleFor(c => c.Description).NotEmpty().MaximumLength(300);
        RuleFor(c => c.Origin).NotEmpty().MaximumLength(50);
    }
}

/// <summary>
/// Books a charge from another module (a space booking, a training registration) on the activity's budget, once per
/// charge id (checked here under the ledger's lock, and the ledger entries' unique index). An unknown or closed activity throws, so the message dead-letters for an
/// operator rather than the charge being lost or booked somewhere else — except a salary cost: that salary is paid already,
/// so it is booked even on a closed activity, like a due instalment (ADR 0027).
/// </summary>
public sealed class ChargeActivityHandler(TimeProvider clock)
{
    public async Task HandleAsync(ChargeActivity charge, IDocumentSession session, CancellationToken cancellationToken)
    {
        var ledger = await session.LedgerAsync(charge.ActivityId, cancellationToken);
        var activity = await session.LoadAsync<Activity>(charge.ActivityId, cancellationToken) ?? throw new NotFoundException("Activity", charge.ActivityId);
        // The inbox filters a redelivered message; a charge sent again under a new message id is recognised by its id.
        if (await session.Query<LedgerEntry>().AnyAsync(e => e.SourceId == charge.ChargeId && e.ActivityId == activity.Id && e.Source == BudgetSource.Charge, cancellationToken))
        {
            return;
        }
        var kind = charge.ChargeKind switch
        {
            ActivityChargeKind.SpaceCharge => BudgetEntryKind.SpaceCharge,
            ActivityChargeKind.TrainingCharge => BudgetEntryKind.TrainingCharge,
            ActivityChargeKind.SalaryCost => BudgetEntryKind.SalaryCost,
            _ => throw new ArgumentOutOfRangeException(nameof(charge), charge.ChargeKind, "Unknown charge kind."),
        };
        if (kind != BudgetEntryKind.SalaryCost)
        {
            activity.EnsureOpen();
        }
        ledger.Append(new BudgetEntry(activity.Id, charge.Date, kind, -charge.Amount, BudgetSource.Charge, charge.ChargeId, charge.Description, clock.GetUtcNow()));
    }
}
