using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Domain.Shareholding;

/// <summary>
/// The events of a shareholder's stream in the register (its id is the shareholder's): the register's history is the
/// truth. Each carries the business date it happened on; dates never go back within a stream, so the state on a date is
/// the fold of the events dated up to it.
/// </summary>
internal interface IRegisterEvent
{
    DateOnly Date { get; }
}

/// <summary>The board admitted a shareholder (a member, or a client or partner of the cooperative) in a category.</summary>
internal sealed record ShareholderAdmitted(
    Guid ShareholderId, Guid EntityId, Guid? MemberId, Guid? OfficeId, string Name, string Email, ShareholderCategory Category,
    DateOnly AdmittedOn, string BoardDecision) : IRegisterEvent
{
    public DateOnly Date => AdmittedOn;
}

/// <summary>
/// Shares subscribed at their nominal value; <see cref="InstalmentFloor"/> is the least a payment may be until it is all
/// paid (the unpaid capital divided by the number of instalments allowed).
/// </summary>
internal sealed record SharesSubscribed(DateOnly SubscribedOn, int Shares, decimal NominalValue, decimal InstalmentFloor) : IRegisterEvent
{
    public DateOnly Date => SubscribedOn;

    public decimal Amount => Shares * NominalValue;
}

internal sealed record SharesPaid(DateOnly PaidOn, decimal Amount, string? Reference) : IRegisterEvent
{
    public DateOnly Date => PaidOn;
}

/// <summary>The shareholder left: no voting right from that day; the capital is refunded after the assembly approving the accounts.</summary>
internal sealed record ShareholderExited(DateOnly ExitedOn, string Reason) : IRegisterEvent
{
    public DateOnly Date => ExitedOn;
}

/// <summary>Paid capital given back, after <see cref="AssemblyId"/> approved the accounts of the year of the exit.</summary>
internal sealed record SharesRefunded(DateOnly RefundedOn, decimal Amount, Guid AssemblyId) : IRegisterEvent
{
    public DateOnly Date => RefundedOn;
}
