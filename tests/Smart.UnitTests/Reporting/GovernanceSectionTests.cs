using Smart.Modules.Governance.Contracts;
using Smart.Modules.Reporting.Journal;
using Smart.Modules.Reporting.Projections;
using Smart.Modules.Reporting.Tables;

namespace Smart.UnitTests.Reporting;

public sealed class GovernanceSectionTests
{
    private static readonly Guid Entity = Guid.NewGuid();

    private static ShareMovementNoted Move(Guid id, ShareMovementKind kind, DateOnly date, int shares, decimal amount, int held, decimal subscribed, decimal paid, decimal refunded,
        ShareholderCategory category = ShareholderCategory.ActivityCoordinator, DateOnly? exitedOn = null) =>
        new(ShareMovementNoted.IdOf(id, kind, date, held, subscribed, paid, refunded), id, Entity, category, VotingCollege.ServiceProducers, kind, date, shares, amount, held,
            subscribed, paid, refunded, exitedOn);

    private static ShareholderYear Year(params ShareMovementNoted[] moves)
    {
        var model = new ShareholderYear();
        foreach (var move in moves) model.Absorb(move);
        return model;
    }

    [Fact]
    public void Given_a_coordinator_subscribing_in_2025_and_paying_and_a_client_refunded_in_2026_Then_the_2026_tables_hold_the_hand_counted_numbers()
    {
        var alice = Guid.NewGuid();
        var client = Guid.NewGuid();
        ShareholderYear[] years =
        [
            // Alice: 4 shares of 25.00 subscribed in 2025 (100.00), 50.00 paid in 2025 and 50.00 in 2026.
            Year(Move(alice, ShareMovementKind.Subscribed, new(2025, 3, 1), 4, 100m, 4, 100m, 0m, 0m), Move(alice, ShareMovementKind.Paid, new(2025, 3, 1), 0, 50m, 4, 100m, 50m, 0m)),
            Year(Move(alice, ShareMovementKind.Paid, new(2026, 2, 1), 0, 50m, 4, 100m, 100m, 0m)),
            // The client: 2 shares (50.00) subscribed and paid in 2026, then refunded (50.00): holds none at year end.
            Year(Move(client, ShareMovementKind.Subscribed, new(2026, 1, 10), 2, 50m, 2, 50m, 0m, 0m, ShareholderCategory.Client),
                Move(client, ShareMovementKind.Paid, new(2026, 1, 10), 0, 50m, 2, 50m, 50m, 0m, ShareholderCategory.Client),
                Move(client, ShareMovementKind.Refunded, new(2026, 11, 30), 0, 50m, 0, 50m, 50m, 50m, ShareholderCategory.Client)),
        ];

        var tables = GovernanceSection.Build(2026, years, []);

        var byCategory = tables.Single(t => t.Key == "actionnaires-categories");
        Assert.Equal<decimal?>([1m, 4m, 0m, 50m, 0m, 100m], byCategory.Rows.Single(r => r.Label == "Porteurs et porteuses de projet").Values);
        Assert.Equal<decimal?>([0m, 0m, 50m, 50m, 50m, 0m], byCategory.Rows.Single(r => r.Label == "Clients").Values);
        Assert.Equal<decimal?>([1m, 4m, 50m, 100m, 50m, 100m], byCategory.Total.Values);
        Assert.Equal<decimal?>([1m, 4m, 50m, 100m, 50m, 100m], tables.Single(t => t.Key == "actionnaires-colleges").Total.Values);
    }

    [Fact]
    public void Given_a_member_who_leaves_on_2026_06_01_and_is_refunded_20_in_2027_Then_they_count_in_2025_only_and_their_capital_until_the_refund()
    {
        var bob = Guid.NewGuid();
        var left = new DateOnly(2026, 6, 1);
        var joined = Year(Move(bob, ShareMovementKind.Subscribed, new(2025, 3, 1), 1, 20m, 1, 20m, 0m, 0m), Move(bob, ShareMovementKind.Paid, new(2025, 3, 1), 0, 20m, 1, 20m, 20m, 0m));
        var leaving = Year(Move(bob, ShareMovementKind.Exited, left, 0, 0m, 1, 20m, 20m, 0m, exitedOn: left));
        // The refund arrives before anything else of 2027 and carries the exit.
        var refunded = Year(Move(bob, ShareMovementKind.Refunded, new(2027, 4, 2), 0, 20m, 1, 20m, 20m, 20m, exitedOn: left));

        IReadOnlyList<decimal?> Total(int year, params ShareholderYear[] years) =>
            GovernanceSection.Build(year, years, []).Single(t => t.Key == "actionnaires-categories").Total.Values;

        // shareholders, shares, subscribed, paid, refunded in the year, capital on 31 December
        Assert.Equal<decimal?>([1m, 1m, 20m, 20m, 0m, 20m], Total(2025, joined));
        Assert.Equal<decimal?>([0m, 0m, 0m, 0m, 0m, 20m], Total(2026, joined, leaving));
        Assert.Equal<decimal?>([0m, 0m, 0m, 0m, 20m, 0m], Total(2027, joined, leaving, refunded));
    }
}
