using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Sessions;
using static Smart.UnitTests.Training.SessionTests;

namespace Smart.UnitTests.Training;

public sealed class NonMemberInvoiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static Registration Invoiced(int n) => Registration.New(Guid.NewGuid(), TraineeAudience.NonMember, null, null, $"Stagiaire {n}", $"s{n}@example.org",
        480.00m, 7, Now, new BillingAddress("1 rue Nationale", null, "59000", "Lille", "FR"), Guid.NewGuid());

    [Fact]
    public void Given_a_non_member_at_480_cancelled_8_days_before_a_7_day_notice_Then_the_invoice_is_credited()
    {
        var session = TwoDays(Course());
        var registration = Invoiced(1);
        session.Register(registration, Now);
        Assert.Equal((480.00m, 0m), (registration.Invoiced, registration.Charged));

        var outcome = session.Cancel(registration, session.StartsAt.AddDays(-8));

        Assert.Equal((false, true, 0m), (outcome.ReverseCharge, outcome.CreditInvoice, registration.Invoiced));
    }

    [Fact]
    public void Given_a_non_member_at_480_cancelled_6_days_before_a_7_day_notice_Then_the_invoice_is_kept()
    {
        var session = TwoDays(Course());
        var registration = Invoiced(1);
        session.Register(registration, Now);

        var outcome = session.Cancel(registration, session.StartsAt.AddDays(-6));

        Assert.Equal((false, 480.00m), (outcome.CreditInvoice, registration.Invoiced));
    }

    [Fact]
    public void Given_a_non_member_waiting_Then_nothing_is_invoiced_until_promoted()
    {
        var session = TwoDays(Course(), capacity: 1);
        var first = Invoiced(1);
        var second = Invoiced(2);
        session.Register(first, Now);
        session.Register(second, Now);
        Assert.Equal(0m, second.Invoiced);

        var outcome = session.Cancel(first, Now);

        Assert.Equal([second.Id], outcome.Promoted.Select(r => r.Id));
        Assert.Equal(480.00m, second.Invoiced);
    }
}
