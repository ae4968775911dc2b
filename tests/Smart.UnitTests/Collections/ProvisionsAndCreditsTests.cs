using Smart.BuildingBlocks.Domain;
using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Provisions;
using Smart.Modules.Collections.Domain.Receivables;

namespace Smart.UnitTests.Collections;

/// <summary>Invoices of 1,200.00 issued 2026-03-01, due 2026-03-31, to one client, with the default provision policy (50 % at + 180, 100 % at + 365).</summary>
public sealed class ProvisionsAndCreditsTests
{
    private static readonly Guid EntityId = Guid.NewGuid(), ClientId = Guid.NewGuid();
    private static readonly DateOnly DueDate = new(2026, 3, 31), Day180 = new(2026, 9, 27), Day365 = new(2027, 3, 31);

    private static Receivable Invoice(Guid? clientId = null) =>
        Receivable.Opened(new ReceivableOpened(Guid.NewGuid(), ReceivableSource.ActivityInvoice, "FA2026-000007", EntityId, Guid.NewGuid(), Guid.NewGuid(),
            Guid.NewGuid(), clientId ?? ClientId, "Théâtre du Nord", null, "Company", new DateOnly(2026, 3, 1), DueDate, 1200.00m, "EUR", DunningPlan.Default,
            new DateOnly(2026, 3, 1), ProvisionPolicy.Default));

    private static (Receivable, IReadOnlyList<IReceivableEvent>) Pay(Receivable receivable, decimal amount, DateOnly on)
    {
        var events = receivable.RecordPayment(new PaymentRecorded(Guid.NewGuid(), on, amount, null), "EUR", on);
        return (receivable.After(events), events);
    }

    [Fact]
    public void Given_1200_unpaid_Then_600_is_provisioned_on_2026_09_27_and_1200_on_2027_03_31_and_a_payment_in_full_reverses_all_1200()
    {
        var receivable = Invoice();
        Assert.Null(receivable.Provision(180, Day180.AddDays(-1)));
        // Its message, if it came the day before, waits for 2026-09-27; on the day it books.
        Assert.True(receivable.TierAwaitsItsDate(180, Day180.AddDays(-1)));
        Assert.False(receivable.TierAwaitsItsDate(180, Day180));
        var half = receivable.Provision(180, Day180)!;
        Assert.Equal((0.50m, 600.00m), (half.Rate, half.Amount));
        receivable = receivable.After([half]);
        Assert.Equal(365, receivable.NextProvisionTier(180)!.DaysAfterDue);

        var all = receivable.Provision(365, Day365)!;
        Assert.Equal((1.00m, 600.00m), (all.Rate, all.Amount));
        receivable = receivable.After([all]);
        Assert.Equal(1200.00m, receivable.Provisioned);
        Assert.Null(receivable.Provision(365, Day365));
        Assert.False(receivable.TierAwaitsItsDate(365, Day365.AddDays(-1)));

        var (paid, events) = Pay(receivable, 1200.00m, new DateOnly(2027, 4, 10));
        Assert.Equal(new ProvisionReversed(new DateOnly(2027, 4, 10), 1200.00m, ProvisionRelease.Recovered), events[^1]);
        Assert.Equal((ReceivableStatus.Paid, 0m), (paid.Status, paid.Provisioned));
        Assert.Null(paid.Provision(365, Day365));
        Assert.Null(paid.NextProvisionTier(180));
    }

    [Fact]
    public void Given_600_provisioned_When_200_is_paid_Then_100_is_reversed_leaving_500_on_the_1000_left()
    {
        var receivable = Invoice();
        receivable = receivable.After([receivable.Provision(180, Day180)!]);
        var (partial, events) = Pay(receivable, 200.00m, Day180.AddDays(3));
        Assert.Equal(new ProvisionReversed(Day180.AddDays(3), 100.00m, ProvisionRelease.Recovered), events[^1]);
        Assert.Equal((1000.00m, 500.00m), (partial.Outstanding, partial.Provisioned));
        // The next tier provisions all of what is left: 500.00 more.
        Assert.Equal(500.00m, partial.Provision(365, Day365)!.Amount);
    }

    [Fact]
    public void Given_600_provisioned_When_written_off_Then_the_1200_lost_is_written_off_and_the_600_provision_released()
    {
        var receivable = Invoice();
        receivable = receivable.After([receivable.Provision(180, Day180)!]);
        var events = receivable.WriteOff("Liquidation", new DateOnly(2026, 10, 1));
        Assert.Equal([new ReceivableWrittenOff(new DateOnly(2026, 10, 1), 1200.00m, "Liquidation"), new ProvisionReversed(new DateOnly(2026, 10, 1), 600.00m,
            ProvisionRelease.WrittenOff)], events.ToArray());
        Assert.Equal(0m, receivable.After(events).Provisioned);
    }

    [Fact]
    public void Given_a_client_credit_of_100_When_30_is_refunded_and_70_applied_to_its_next_invoice_Then_the_credit_is_used_and_the_next_invoice_has_1130_left()
    {
        var (settled, _) = Pay(Invoice(), 1300.00m, DueDate);
        Assert.Equal(100.00m, settled.ClientCredit);

        var refunded = settled.RefundCredit(30.00m, "RBT-1", DueDate);
        settled = settled.After([refunded]);
        Assert.Equal((70.00m, 30.00m, 0m), (settled.ClientCredit, settled.CreditUsed, settled.Outstanding));
        Assert.Throws<BusinessRuleViolationException>(() => settled.RefundCredit(70.01m, null, DueDate));

        var next = Invoice();
        var (given, received) = settled.ApplyCredit(next, 70.00m, DueDate);
        Assert.Equal((70.00m, next.Id), (given.Amount, given.ToReceivableId));
        var payment = Assert.IsType<PaymentRecorded>(Assert.Single(received));
        Assert.Equal((given.PaymentId, 70.00m), (payment.PaymentId, payment.Amount));
        Assert.Equal(1130.00m, next.After(received).Outstanding);
        Assert.Equal((0m, 0m, ReceivableStatus.Paid), (settled.After([given]).ClientCredit, settled.After([given]).Outstanding, settled.After([given]).Status));

        // Not to another client's invoice, nor to itself.
        Assert.Throws<BusinessRuleViolationException>(() => settled.ApplyCredit(Invoice(Guid.NewGuid()), 10.00m, DueDate));
        Assert.Throws<BusinessRuleViolationException>(() => settled.ApplyCredit(settled, 10.00m, DueDate));
    }
}
