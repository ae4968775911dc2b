using Smart.Modules.Governance.Contracts;
using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

/// <summary>
/// One shareholder in one year (id: shareholder:year): the capital subscribed, paid and refunded in the year, and the
/// shareholder's position after its last movement of the year (shares held, category, college, capital totals).
/// </summary>
internal sealed class ShareholderYear : IReadModel
{
    public string Id { get; set; } = "";
    public Guid ShareholderId { get; set; }
    public Guid EntityId { get; set; }
    public int Year { get; set; }
    public DateOnly LastMovement { get; set; }
    public ShareholderCategory Category { get; set; }
    public VotingCollege College { get; set; }
    public int SharesHeld { get; set; }
    public decimal SubscribedCapital { get; set; }
    public decimal RefundedCapital { get; set; }
    public decimal SubscribedInYear { get; set; }
    public decimal PaidInYear { get; set; }
    public decimal RefundedInYear { get; set; }

    /// <summary>The day the shareholder left, if they did by this year's end: no longer counted as a shareholder.</summary>
    public DateOnly? ExitedOn { get; set; }

    /// <summary>The capital still subscribed at the year's end: subscribed less refunded.</summary>
    public decimal Outstanding => SubscribedCapital - RefundedCapital;

    public static string Key(Guid shareholderId, DateOnly date) => $"{shareholderId}:{date.Year}";

    public void Absorb(object fact)
    {
        if (fact is not ShareMovementNoted m) return;
        (ShareholderId, EntityId, Year) = (m.ShareholderId, m.EntityId, m.Date.Year);
        switch (m.Kind)
        {
            case ShareMovementKind.Subscribed: SubscribedInYear += m.Amount; break;
            case ShareMovementKind.Paid: PaidInYear += m.Amount; break;
            case ShareMovementKind.Refunded: RefundedInYear += m.Amount; break;
        }
        // An exit is never undone: known from the exit or any movement after it, whatever order they arrive in.
        ExitedOn ??= m.ExitedOn;
        // The position is the latest movement's (a movement delivered late does not roll it back).
        if (m.Date < LastMovement) return;
        (LastMovement, Category, College, SharesHeld, SubscribedCapital, RefundedCapital) =
            (m.Date, m.Category, m.College, m.SharesHeld, m.SubscribedCapital, m.RefundedCapital);
    }
}

/// <summary>A general assembly closed in a year (id: assembly:year).</summary>
internal sealed class AssemblyYear : IReadModel
{
    public string Id { get; set; } = "";
    public Guid AssemblyId { get; set; }
    public Guid EntityId { get; set; }
    public int Year { get; set; }
    public DateOnly Date { get; set; }
    public AssemblyConvocation HeldOn { get; set; }
    public AssemblyKind Kind { get; set; }
    public int VotingRights { get; set; }
    public int Participants { get; set; }
    public int ElectronicVoters { get; set; }
    public int RepresentedByProxy { get; set; }
    public int ResolutionsPutToVote { get; set; }
    public int ResolutionsAdopted { get; set; }

    public static string Key(Guid assemblyId, DateOnly date) => $"{assemblyId}:{date.Year}";

    public void Absorb(object fact)
    {
        if (fact is not AssemblyNoted a) return;
        (AssemblyId, EntityId, Year, Date, HeldOn, Kind, VotingRights, Participants, ElectronicVoters, RepresentedByProxy, ResolutionsPutToVote, ResolutionsAdopted) =
            (a.AssemblyId, a.EntityId, a.Date.Year, a.Date, a.HeldOn, a.Kind, a.VotingRights, a.Participants, a.ElectronicVoters, a.RepresentedByProxy,
                a.ResolutionsPutToVote, a.ResolutionsAdopted);
    }
}
