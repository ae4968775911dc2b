using FluentValidation;
using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Features.Salaries;
using Smart.Modules.Activities.Persistence;

namespace Smart.Modules.Activities.Inbound;

/// <summary>The shape of a trainer's pay sent by Training; a malformed one retries then dead-letters.</summary>
internal sealed class PayMemberTrainerValidator : AbstractValidator<PayMemberTrainer>
{
    public PayMemberTrainerValidator()
    {
        RuleFor(c => c.PaymentId).NotEmpty();
        RuleFor(c => c.ActivityId).NotEmpty();
        RuleFor(c => c.MemberId).NotEmpty();
        RuleFor(c => c.Amount).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        RuleFor(c => c.WorkEnd).GreaterThanOrEqualTo(c => c.WorkStart);
        RuleFor(c => c.Days).GreaterThan(0).PrecisionScale(6, 2, ignoreTrailingZeros: true);
        RuleFor(c => c.Job).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Origin).NotEmpty().MaximumLength(50);
    }
}

/// <summary>
/// A member-trainer delivered a session: the agreed amount is revenue on their activity on the last day of work, and the
/// salary is requested from it as a member's own request is (same budget rule, same <see cref="SalaryRequested"/> to
/// Payroll), in one transaction: a refused request leaves no revenue either and the message dead-letters for an
/// operator. An activity that is unknown or not the trainer's dead-letters too; a payment seen before books nothing.
/// </summary>
public sealed class PayMemberTrainerHandler(TimeProvider clock)
{
    public async Task<SalaryRequested?> HandleAsync(PayMemberTrainer pay, IDocumentSession session, CancellationToken cancellationToken)
    {
        var ledger = await session.LedgerAsync(pay.ActivityId, cancellationToken);
        var activity = await session.LoadAsync<Activity>(pay.ActivityId, cancellationToken);
        if (activity is null || activity.CoordinatorId != pay.MemberId) throw new NotFoundException("Activity", pay.ActivityId);
        if (await session.Query<LedgerEntry>().AnyAsync(e => e.ActivityId == activity.Id && e.Source == BudgetSource.TrainerPay && e.SourceId == pay.PaymentId, cancellationToken))
        {
            return null;
        }
        // On the ledger taken above, so that the salary budget read next sees the revenue (as quick mode does).
        ledger.Append(new BudgetEntry(activity.Id, pay.WorkEnd, BudgetEntryKind.Revenue, pay.Amount, BudgetSource.TrainerPay, pay.PaymentId,
            $"{pay.Origin}: {pay.Job}", clock.GetUtcNow()));
        var (_, requested) = await session.RequestSalaryAsync(ledger, activity,
            new SalaryInput(pay.Amount, SalaryContractKind.Cdd, SalaryCategory.Employee, pay.WorkStart, pay.WorkEnd, pay.Days, null, pay.Job), clock, cancellationToken);
        return requested;
    }
}
