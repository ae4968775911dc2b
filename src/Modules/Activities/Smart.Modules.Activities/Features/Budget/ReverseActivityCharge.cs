using FluentValidation;
using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Persistence;

namespace Smart.Modules.Activities.Features.Budget;

internal sealed class ReverseActivityChargeValidator : AbstractValidator<ReverseActivityCharge>
{
    public ReverseActivityChargeValidator()
    {
        RuleFor(c => c.ChargeId).NotEmpty();
        RuleFor(c => c.ActivityId).NotEmpty();
        RuleFor(c => c.Date).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(300);
        RuleFor(c => c.Origin).NotEmpty().MaximumLength(50);
    }
}

/// <summary>
/// Books a charge back (a credit of the same kind and amount), once per charge id, even on a closed activity (it only
/// gives money back). A charge not booked yet throws, so the reversal is retried until the charge has arrived.
/// </summary>
public sealed class ReverseActivityChargeHandler(TimeProvider clock)
{
    public async Task HandleAsync(ReverseActivityCharge reversal, IDocumentSession session, CancellationToken cancellationToken)
    {
        var ledger = await session.LedgerAsync(reversal.ActivityId, cancellationToken);
        var entries = await session.Query<LedgerEntry>()
            .Where(e => e.SourceId == reversal.ChargeId && e.ActivityId == reversal.ActivityId && (e.Source == BudgetSource.Charge || e.Source == BudgetSource.ChargeReversal))
            .ToListAsync(cancellationToken);
        if (entries.Any(e => e.Source == BudgetSource.ChargeReversal))
        {
            return;
        }
        var charge = entries.SingleOrDefault() ?? throw new NotFoundException("Charge", reversal.ChargeId);
        ledger.Append(new BudgetEntry(charge.ActivityId, reversal.Date, charge.Kind, -charge.Amount, BudgetSource.ChargeReversal,
            charge.SourceId, reversal.Reason, clock.GetUtcNow()));
    }
}
