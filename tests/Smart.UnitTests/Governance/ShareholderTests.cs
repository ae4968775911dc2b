using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Domain.Assemblies;
using Smart.Modules.Governance.Domain.Shareholding;
using Smart.Modules.Governance.Contracts;

namespace Smart.UnitTests.Governance;

public sealed class ShareholderTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly GovernanceRulesVersion Rules = GovernanceRulesVersion.SmartFr(new DateOnly(2013, 1, 1));

    private static (Shareholder State, List<IRegisterEvent> Events) Client(int shares = 4)
    {
        var events = Shareholder.Admit(new ShareholderAdmitted(Guid.NewGuid(), Guid.NewGuid(), null, null, "Théâtre du Nord", "t@example.org", ShareholderCategory.Client,
            new DateOnly(2026, 1, 10), "CA"), shares, Rules, Today).ToList();
        return (Shareholder.Replay(events, Today)!, events);
    }

    [Fact]
    public void Given_4_shares_of_20_in_4_instalments_Then_a_payment_is_at_least_20_and_at_most_the_unpaid()
    {
        var (client, _) = Client();
        Assert.Equal((80.00m, 20.00m), (client.Subscribed, client.InstalmentFloor));
        Assert.Throws<BusinessRuleViolationException>(() => client.Pay(19.99m, Today, null, Today));
        Assert.Throws<BusinessRuleViolationException>(() => client.Pay(80.01m, Today, null, Today));
        var after = client.After(client.Pay(70.00m, Today, null, Today));
        // The last 10.00 are below the floor but are all that is left.
        Assert.Equal(80.00m, after.After(after.Pay(10.00m, Today, null, Today)).Paid);
    }

    [Fact]
    public void Given_the_register_events_Then_the_state_on_a_past_date_is_the_fold_of_the_events_dated_up_to_it()
    {
        var (client, events) = Client();
        var paid = client.Pay(20.00m, new DateOnly(2026, 1, 20), null, Today);
        var more = client.After(paid).Subscribe(2, new DateOnly(2026, 2, 25), Rules, Today);
        events.AddRange([paid, more]);

        Assert.Null(Shareholder.Replay(events, new DateOnly(2026, 1, 9)));
        Assert.Equal((4, 0m), Pick(Shareholder.Replay(events, new DateOnly(2026, 1, 10))!));
        Assert.Equal((4, 20.00m), Pick(Shareholder.Replay(events, new DateOnly(2026, 2, 24))!));
        Assert.Equal((6, 20.00m), Pick(Shareholder.Replay(events, Today)!));
        Assert.Throws<BusinessRuleViolationException>(() => client.After(paid).After(more).Pay(20m, new DateOnly(2026, 2, 1), null, Today));

        static (int, decimal) Pick(Shareholder s) => (s.Shares, s.Paid);
    }

    [Fact]
    public void Given_a_shareholder_who_left_Then_the_refund_waits_for_the_approved_accounts_and_never_exceeds_the_paid_capital()
    {
        var (client, _) = Client();
        var paid = client.After(client.Pay(40.00m, Today, null, Today));
        var gone = paid.After(paid.Exit(Today, "Départ", Today));
        Assert.False(gone.HasVotingRightOn(Today));
        Assert.True(gone.HasVotingRightOn(Today.AddDays(-1)));
        Assert.Throws<BusinessRuleViolationException>(() => gone.Refund(40m, Today, Guid.NewGuid(), accountsApprovedOn: null, Today));
        Assert.Throws<BusinessRuleViolationException>(() => gone.Refund(40m, Today, Guid.NewGuid(), accountsApprovedOn: Today.AddDays(-1), Today));
        var refund = Assert.Throws<BusinessRuleViolationException>(() => gone.Refund(40.01m, Today, Guid.NewGuid(), Today, Today));
        Assert.Contains("Only 40.00 €", refund.Message);
        Assert.Equal(40.00m, gone.After(gone.Refund(40.00m, Today, Guid.NewGuid(), Today, Today)).Refunded);
    }

    [Fact]
    public void Given_a_client_subscribing_3_shares_Then_the_minimum_of_4_refuses_the_admission()
    {
        Assert.Throws<BusinessRuleViolationException>(() => Client(3));
    }

    [Fact]
    public void Given_a_ballot_box_key_Then_ballot_ids_are_stable_per_voter_and_resolution_and_differ_under_another_key()
    {
        var (resolution, voter) = (Guid.NewGuid(), Guid.NewGuid());
        var key = BallotBoxKey.For(Guid.NewGuid());
        Assert.Equal(key.BallotIdOf(resolution, voter), key.BallotIdOf(resolution, voter));
        Assert.NotEqual(key.BallotIdOf(resolution, voter), key.BallotIdOf(resolution, Guid.NewGuid()));
        Assert.NotEqual(key.BallotIdOf(resolution, voter), BallotBoxKey.For(key.Id).BallotIdOf(resolution, voter));
        var receipt = Receipt.New();
        Assert.Equal(32, receipt.Length);
        Assert.Equal(Receipt.Hash(receipt), Receipt.Hash(" " + receipt.ToUpperInvariant()));
    }
}
