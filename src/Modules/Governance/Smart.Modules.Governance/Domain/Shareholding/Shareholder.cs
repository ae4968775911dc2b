using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Domain.Shareholding;

/// <summary>
/// A shareholder as the register's events add up to on a date (the projected document is the state today). A member's
/// shareholder carries their member and office ids; a client or partner has <see cref="Guid.Empty"/> for both.
/// </summary>
internal sealed record Shareholder(
    Guid Id, Guid EntityId, Guid MemberId, Guid OfficeId, string Name, string Email, ShareholderCategory Category, DateOnly AdmittedOn,
    string BoardDecision, int Shares, decimal Subscribed, decimal Paid, decimal Refunded, decimal InstalmentFloor, DateOnly? ExitedOn, DateOnly LastMovementOn)
{
    public decimal Unpaid => Subscribed - Paid;

    /// <summary>Paid capital not given back yet.</summary>
    public decimal Held => Paid - Refunded;

    /// <summary>One shareholder one vote, whatever the shares: admitted, not gone, holding at least one share.</summary>
    public bool HasVotingRightOn(DateOnly date) => AdmittedOn <= date && (ExitedOn is null || ExitedOn > date) && Shares > 0;

    public static Shareholder Admitted(ShareholderAdmitted e) => new(e.ShareholderId, e.EntityId, e.MemberId ?? Guid.Empty, e.OfficeId ?? Guid.Empty, e.Name,
        e.Email, e.Category, e.AdmittedOn, e.BoardDecision, 0, 0m, 0m, 0m, 0m, null, e.AdmittedOn);

    public Shareholder After(IRegisterEvent e) => (e switch
    {
        SharesSubscribed s => this with { Shares = Shares + s.Shares, Subscribed = Subscribed + s.Amount, InstalmentFloor = s.InstalmentFloor },
        SharesPaid p => this with { Paid = Paid + p.Amount },
        ShareholderExited x => this with { ExitedOn = x.ExitedOn },
        SharesRefunded r => this with { Refunded = Refunded + r.Amount },
        _ => this,
    }) with { LastMovementOn = e.Date };

    /// <summary>The state on <paramref name="date"/>: the events dated up to it, or null before the admission.</summary>
    public static Shareholder? Replay(IEnumerable<IRegisterEvent> events, DateOnly date)
    {
        Shareholder? state = null;
        foreach (var e in events.TakeWhile(e => e.Date <= date))
        {
            state = e is ShareholderAdmitted admitted ? Admitted(admitted) : state!.After(e);
        }
        return state;
    }

    /// <summary>
    /// A movement as published, from this state (the one after it): capital subscribed, paid or refunded with the totals it
    /// leaves, or the exit (the report stops counting the shareholder); null for an admission, published by its first
    /// subscription. <paramref name="college"/> is the category's under the rules on the movement's date.
    /// </summary>
    public ShareMovementRecorded? Published(IRegisterEvent movement, VotingCollege college) => movement switch
    {
        SharesSubscribed s => Movement(ShareMovementKind.Subscribed, s.Date, s.Shares, s.Amount, college),
        SharesPaid p => Movement(ShareMovementKind.Paid, p.Date, 0, p.Amount, college),
        SharesRefunded r => Movement(ShareMovementKind.Refunded, r.Date, 0, r.Amount, college),
        ShareholderExited x => Movement(ShareMovementKind.Exited, x.Date, 0, 0m, college),
        _ => null,
    };

    private ShareMovementRecorded Movement(ShareMovementKind kind, DateOnly date, int shares, decimal amount, VotingCollege college) =>
        new(Id, EntityId, MemberId == Guid.Empty ? null : MemberId, OfficeId == Guid.Empty ? null : OfficeId, Category, college, kind, date, shares, amount,
            Shares, Subscribed, Paid, Refunded, ExitedOn);

    /// <summary>The admission with its first subscription, at least the category's minimum.</summary>
    public static IReadOnlyList<IRegisterEvent> Admit(ShareholderAdmitted admitted, int shares, GovernanceRulesVersion rules, DateOnly today)
    {
        BusinessRules.Check(new MovementIsNotInTheFuture(admitted.AdmittedOn, today));
        var minimum = rules.For(admitted.Category).MinimumShares;
        BusinessRules.Check(new SubscriptionReachesTheMinimum(shares, minimum, admitted.Category));
        var amount = shares * rules.NominalValue;
        return [admitted, new SharesSubscribed(admitted.AdmittedOn, shares, rules.NominalValue, Floor(amount, rules))];
    }

    public SharesSubscribed Subscribe(int shares, DateOnly on, GovernanceRulesVersion rules, DateOnly today)
    {
        CheckMovement(on, today);
        BusinessRules.Check(new ShareholderIsActive(ExitedOn));
        return new SharesSubscribed(on, shares, rules.NominalValue, Floor(Unpaid + shares * rules.NominalValue, rules));
    }

    /// <summary>A payment of subscribed capital: never more than is unpaid, and at least the instalment floor (or the rest).</summary>
    public SharesPaid Pay(decimal amount, DateOnly on, string? reference, DateOnly today)
    {
        CheckMovement(on, today);
        BusinessRules.Check(new PaymentIsWithinUnpaid(amount, Unpaid));
        BusinessRules.Check(new PaymentReachesTheInstalment(amount, Math.Min(InstalmentFloor, Unpaid)));
        return new SharesPaid(on, amount, reference);
    }

    public ShareholderExited Exit(DateOnly on, string reason, DateOnly today)
    {
        CheckMovement(on, today);
        BusinessRules.Check(new ShareholderIsActive(ExitedOn));
        return new ShareholderExited(on, reason);
    }

    /// <summary>A refund after the exit, once an assembly held after it approved the accounts; never more than the paid capital still held.</summary>
    public SharesRefunded Refund(decimal amount, DateOnly on, Guid assemblyId, DateOnly? accountsApprovedOn, DateOnly today)
    {
        CheckMovement(on, today);
        BusinessRules.Check(new RefundFollowsTheExitAndTheAccounts(ExitedOn, accountsApprovedOn, on));
        BusinessRules.Check(new RefundIsWithinPaidCapital(amount, Held));
        return new SharesRefunded(on, amount, assemblyId);
    }

    private void CheckMovement(DateOnly on, DateOnly today)
    {
        BusinessRules.Check(new MovementIsNotInTheFuture(on, today));
        BusinessRules.Check(new MovementFollowsTheRegister(on, LastMovementOn));
    }

    private static decimal Floor(decimal unpaid, GovernanceRulesVersion rules) => Money.RoundToCents(unpaid / rules.MaxInstalments);

    private sealed record MovementIsNotInTheFuture(DateOnly On, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => On > Today;

        public string Message => $"A movement of the register cannot be dated in the future ({On:yyyy-MM-dd}).";
    }

    private sealed record MovementFollowsTheRegister(DateOnly On, DateOnly Last) : IBusinessRule
    {
        public bool IsBroken() => On < Last;

        public string Message => $"The register is kept in date order: this shareholder's last movement is of {Last:yyyy-MM-dd}.";
    }

    private sealed record SubscriptionReachesTheMinimum(int Shares, int Minimum, ShareholderCategory Category) : IBusinessRule
    {
        public bool IsBroken() => Shares < Minimum;

        public string Message => $"A shareholder of category {Category} subscribes at least {Minimum} shares, not {Shares}.";
    }

    private sealed record ShareholderIsActive(DateOnly? ExitedOn) : IBusinessRule
    {
        public bool IsBroken() => ExitedOn is not null;

        public string Message => $"The shareholder left on {ExitedOn:yyyy-MM-dd}.";
    }

    private sealed record PaymentIsWithinUnpaid(decimal Amount, decimal Unpaid) : IBusinessRule
    {
        public bool IsBroken() => Amount > Unpaid;

        public string Message => $"Only {Unpaid:0.00} € of the subscribed capital is unpaid, not {Amount:0.00} €.";
    }

    private sealed record PaymentReachesTheInstalment(decimal Amount, decimal Floor) : IBusinessRule
    {
        public bool IsBroken() => Amount < Floor;

        public string Message => $"An instalment is at least {Floor:0.00} € (the unpaid capital over the instalments allowed).";
    }

    private sealed record RefundFollowsTheExitAndTheAccounts(DateOnly? ExitedOn, DateOnly? AccountsApprovedOn, DateOnly On) : IBusinessRule
    {
        public bool IsBroken() => ExitedOn is null || AccountsApprovedOn is null || AccountsApprovedOn < ExitedOn || On < AccountsApprovedOn;

        public string Message => ExitedOn is null
            ? "Shares are refunded on exit only."
            : "Shares are refunded after the assembly that approves the accounts, held after the exit, has adopted them.";
    }

    private sealed record RefundIsWithinPaidCapital(decimal Amount, decimal Held) : IBusinessRule
    {
        public bool IsBroken() => Amount > Held;

        public string Message => $"Only {Held:0.00} € of paid capital can be refunded, not {Amount:0.00} €.";
    }
}
