using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Domain.Shareholding;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Domain.Board;

/// <summary>An administrator's mandate on the board, for a shareholder of a category, from its start for the configured years (6 at SmartFr).</summary>
internal sealed class BoardMandate : AggregateRoot
{
    private BoardMandate()
    {
        Name = null!;
    }

    public Guid EntityId { get; private set; }

    public Guid ShareholderId { get; private set; }

    public string Name { get; private set; }

    public ShareholderCategory Category { get; private set; }

    public DateOnly StartsOn { get; private set; }

    /// <summary>The last day of the mandate: the day before its anniversary.</summary>
    public DateOnly EndsOn { get; private set; }

    public Guid? ElectedBy { get; private set; }

    public static BoardMandate Start(Shareholder shareholder, DateOnly startsOn, int years, Guid? electedBy, bool alreadySits)
    {
        CheckRule(new MandateHolderIsAShareholder(shareholder, startsOn));
        CheckRule(new OneMandateAtATime(alreadySits, shareholder.Name));
        return new BoardMandate
        {
            Id = Guid.CreateVersion7(),
            EntityId = shareholder.EntityId,
            ShareholderId = shareholder.Id,
            Name = shareholder.Name,
            Category = shareholder.Category,
            StartsOn = startsOn,
            EndsOn = startsOn.AddYears(years).AddDays(-1),
            ElectedBy = electedBy,
        };
    }

    public bool IsInForceOn(DateOnly date) => StartsOn <= date && date <= EndsOn;

    private sealed record MandateHolderIsAShareholder(Shareholder Shareholder, DateOnly On) : IBusinessRule
    {
        public bool IsBroken() => !Shareholder.HasVotingRightOn(On);

        public string Message => $"{Shareholder.Name} is not a shareholder on {On:yyyy-MM-dd}: only shareholders sit on the board.";
    }

    private sealed record OneMandateAtATime(bool AlreadySits, string Name) : IBusinessRule
    {
        public bool IsBroken() => AlreadySits;

        public string Message => $"{Name} already holds a mandate over these dates.";
    }
}
