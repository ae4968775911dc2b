using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Features.Figures;

namespace Smart.UnitTests.Collections;

public sealed class CollectionsFiguresTests
{
    private static Receivable Invoice(decimal amount, DateOnly issued, DateOnly due, params IReceivableEvent[] events) =>
        Receivable.Opened(new ReceivableOpened(Guid.NewGuid(), ReceivableSource.ActivityInvoice, "FA2026-000001", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            Guid.NewGuid(), Guid.NewGuid(), "Théâtre du Nord", "compta@theatre.example", "Company", issued, due, amount, "EUR", DunningPlan.Default, issued)).After(events);

    private static DunningStepTaken Reminder(int step, DateOnly on) => new(step, on, DunningChannel.Email, DunningTemplate.FriendlyReminder, "compta@theatre.example", []);

    [Fact]
    public void Given_five_invoices_over_the_first_half_of_2026_Then_2600_open_in_three_bands_a_dso_of_114_8_days_a_recovery_of_32_26_percent_and_500_written_off()
    {
        var receivables = new[]
        {
            Invoice(1200.00m, new(2026, 3, 1), new(2026, 3, 31), Reminder(1, new(2026, 4, 7)), Reminder(2, new(2026, 4, 21))),
            Invoice(600.00m, new(2026, 5, 1), new(2026, 5, 31), new PaymentRecorded(Guid.NewGuid(), new(2026, 6, 2), 200.00m, null), Reminder(1, new(2026, 6, 7))),
            Invoice(1000.00m, new(2026, 6, 15), new(2026, 7, 15)),
            Invoice(800.00m, new(2026, 2, 1), new(2026, 3, 3), new PaymentRecorded(Guid.NewGuid(), new(2026, 3, 3), 800.00m, null), new ReceivableSettled(new(2026, 3, 3), 800.00m, 0m)),
            Invoice(500.00m, new(2026, 1, 10), new(2026, 2, 9), new ReceivableWrittenOff(new(2026, 6, 1), 500.00m, "Liquidation")),
        };

        var figures = CollectionsFiguresHandler.Compute(receivables, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));

        Assert.Equal([(0, 1, 1000.00m), (1, 1, 400.00m), (31, 0, 0m), (61, 0, 0m), (91, 1, 1200.00m), (181, 0, 0m), (366, 0, 0m)],
            figures.AgeBands.Select(b => (b.FromDays, b.Count, b.Outstanding)).ToArray());
        Assert.Equal((2600.00m, 4100.00m, 114.8m), (figures.OpenOutstanding, figures.Invoiced, figures.DaysSalesOutstanding));
        Assert.Equal([new RemindersOnDay(new(2026, 4, 7), 1), new RemindersOnDay(new(2026, 4, 21), 1), new RemindersOnDay(new(2026, 6, 7), 1)], figures.RemindersPerDay.ToArray());
        Assert.Equal((0.3226m, 500.00m, 1), (figures.RecoveryRate, figures.WrittenOff, figures.WriteOffs));
    }
}
