using Smart.Modules.Activities.Contracts;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;

namespace Smart.Modules.Activities.Domain.Expenses;

public enum ExpenseStatus
{
    Submitted,
    Approved,
    Refused,
}

/// <summary>
/// An expense a member paid for their activity, with its receipt (kept apart in <see cref="ExpenseReceipt"/>), submitted
/// for an advisor to approve or refuse. Approval books the cost on the activity's budget: the amount including VAT
/// minus the VAT the cooperative recovers.
/// </summary>
internal sealed class Expense : AggregateRoot
{
    public const int MaxDescriptionLength = 500;
    public const int MaxRefusalReasonLength = 500;

    private Expense()
    {
        Description = null!;
    }

    public Guid ActivityId { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    /// <summary>The member who submitted it (the user id for a staff account tied to no member).</summary>
    public Guid SubmittedBy { get; private set; }

    public DateOnly SubmittedOn { get; private set; }

    public DateOnly ExpenseDate { get; private set; }

    public ExpenseCategory Category { get; private set; }

    public string Description { get; private set; }

    public decimal AmountInclVat { get; private set; }

    /// <summary>The part of the VAT the cooperative gets back; the activity bears only the rest.</summary>
    public decimal RecoverableVat { get; private set; }

    public ExpenseStatus Status { get; private set; }

    /// <summary>The user id of the advisor (or operator, admin) who approved or refused it.</summary>
    public Guid? DecidedBy { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? RefusalReason { get; private set; }

    /// <summary>What the activity's budget bears once approved.</summary>
    public decimal Cost => AmountInclVat - RecoverableVat;

    public static Expense Submit(Activity activity, Guid submittedBy, DateOnly expenseDate, ExpenseCategory category, string description,
        decimal amountInclVat, decimal recoverableVat, DateOnly today)
    {
        activity.EnsureOpen();
        CheckRule(new ExpenseIsNotPostDated(expenseDate, today));
        CheckRule(new AmountsAreConsistent(amountInclVat, recoverableVat));
        return new Expense
        {
            Id = Guid.CreateVersion7(),
            ActivityId = activity.Id,
            EntityId = activity.EntityId,
            OfficeId = activity.OfficeId,
            SubmittedBy = submittedBy,
            SubmittedOn = today,
            ExpenseDate = expenseDate,
            Category = category,
            Description = description.Trim(),
            AmountInclVat = amountInclVat,
            RecoverableVat = recoverableVat,
            Status = ExpenseStatus.Submitted,
        };
    }

    /// <summary>
    /// Approves it and returns the entry to book: the cost net of recoverable VAT, debited on the approval date.
    /// <paramref name="advisorMemberId"/> is the advisor's member id, if they are also a member.
    /// </summary>
    public BudgetEntry Approve(Activity activity, Guid advisorId, Guid? advisorMemberId, DateOnly today, DateTimeOffset now)
    {
        CheckRule(new OnlySubmittedExpensesAreDecided(Status));
        CheckRule(new NoOneDecidesTheirOwnExpense(SubmittedBy, advisorId, advisorMemberId));
        CheckRule(new ExpenseBelongsToTheActivity(ActivityId, activity.Id));
        activity.EnsureOpen();
        Status = ExpenseStatus.Approved;
        DecidedBy = advisorId;
        DecidedOn = today;
        return new BudgetEntry(ActivityId, today, BudgetEntryKind.Expense, -Cost, BudgetSource.Expense, Id,
            $"Expense {Category} of {ExpenseDate:yyyy-MM-dd}: {Truncate(Description, 200)}", now);
    }

    public void Refuse(Guid advisorId, Guid? advisorMemberId, string reason, DateOnly today)
    {
        CheckRule(new OnlySubmittedExpensesAreDecided(Status));
        CheckRule(new NoOneDecidesTheirOwnExpense(SubmittedBy, advisorId, advisorMemberId));
        CheckRule(new RefusalHasAReason(reason));
        Status = ExpenseStatus.Refused;
        DecidedBy = advisorId;
        DecidedOn = today;
        RefusalReason = reason.Trim();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private sealed record ExpenseIsNotPostDated(DateOnly ExpenseDate, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => ExpenseDate > Today;

        public string Message => $"An expense cannot be dated in the future ({ExpenseDate:yyyy-MM-dd} is after {Today:yyyy-MM-dd}).";
    }

    private sealed record AmountsAreConsistent(decimal AmountInclVat, decimal RecoverableVat) : IBusinessRule
    {
        public bool IsBroken() => AmountInclVat <= 0 || RecoverableVat < 0 || RecoverableVat >= AmountInclVat;

        public string Message => $"An expense has a positive amount and recoverable VAT from 0 to less than that amount ({RecoverableVat:0.00} of {AmountInclVat:0.00}).";
    }

    private sealed record OnlySubmittedExpensesAreDecided(ExpenseStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status != ExpenseStatus.Submitted;

        public string Message => $"The expense is already {Status.ToString().ToLowerInvariant()}: only a submitted expense can be approved or refused.";
    }

    /// <summary>Four eyes: a staff member who is also a member (or who submitted for one) does not decide what they submitted.</summary>
    private sealed record NoOneDecidesTheirOwnExpense(Guid SubmittedBy, Guid DeciderId, Guid? DeciderMemberId) : IBusinessRule
    {
        public bool IsBroken() => SubmittedBy == DeciderId || SubmittedBy == DeciderMemberId;

        public string Message => "Someone other than the person who submitted the expense approves or refuses it.";
    }

    private sealed record ExpenseBelongsToTheActivity(Guid ExpenseActivity, Guid Activity) : IBusinessRule
    {
        public bool IsBroken() => ExpenseActivity != Activity;

        public string Message => "The expense belongs to another activity.";
    }

    private sealed record RefusalHasAReason(string? Reason) : IBusinessRule
    {
        public bool IsBroken() => string.IsNullOrWhiteSpace(Reason);

        public string Message => "A refusal says why.";
    }
}
