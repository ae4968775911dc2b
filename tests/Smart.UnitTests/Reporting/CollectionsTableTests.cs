using Smart.Modules.Collections.Contracts;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Journal;
using Smart.Modules.Reporting.Projections;
using Smart.Modules.Reporting.Tables;

namespace Smart.UnitTests.Reporting;

public sealed class CollectionsTableTests
{
    private static readonly Guid EntityId = Guid.NewGuid();
    private static readonly Guid Lille = Guid.NewGuid();
    private static readonly Guid Paris = Guid.NewGuid();

    private static string OfficeName(Guid id) => id == Lille ? "Lille" : "Paris";

    private static decimal? Value(ReportTable table, string row, string column) =>
        (row == "Total" ? table.Total : table.Rows.Single(r => r.Label == row)).Values[table.Columns.ToList().FindIndex(c => c.Key == column)];

    /// <summary>The facts, each absorbed by the cell the projection gives it (its entity, month, office and source).</summary>
    private static List<CollectionsCell> Project(params (DateOnly Date, Guid Office, InvoiceSource Source, object Fact)[] facts) =>
        facts.GroupBy(f => CollectionsCell.Key(EntityId, f.Date, f.Office, f.Source)).Select(g =>
        {
            var cell = new CollectionsCell { Id = g.Key };
            foreach (var f in g) cell.Absorb(f.Fact);
            return cell;
        }).ToList();

    private static (DateOnly, Guid, InvoiceSource, object) Invoice(DateOnly on, Guid office, decimal gross) =>
        (on, office, InvoiceSource.ActivityInvoice, new InvoiceRecorded(Guid.NewGuid(), EntityId, office, Guid.NewGuid(), null, Guid.NewGuid(), Guid.NewGuid(), "FR",
            RevenueDocumentType.Invoice, on, gross / 1.2m, gross));

    private static (DateOnly, Guid, InvoiceSource, object) Reminder(DateOnly on, Guid office, int step, ReminderChannel channel, InvoiceSource source = InvoiceSource.ActivityInvoice) =>
        (on, office, source, new ReminderNoted(Guid.NewGuid(), Guid.NewGuid(), source, EntityId, office, step, channel, on, 1_200m));

    [Fact]
    public void Given_a_2025_invoice_still_open_and_2026_invoices_credited_paid_and_written_off_Then_DSO_is_open_3600_over_invoiced_4560_times_365()
    {
        var cells = Project(
            Invoice(new DateOnly(2025, 11, 20), Lille, 1_200m),
            Invoice(new DateOnly(2026, 1, 10), Lille, 1_200m),
            Invoice(new DateOnly(2026, 2, 10), Lille, 1_200m),
            Invoice(new DateOnly(2026, 3, 10), Lille, 1_200m),
            Invoice(new DateOnly(2026, 4, 10), Lille, 1_200m),
            (new DateOnly(2026, 2, 20), Lille, InvoiceSource.ActivityInvoice, new CreditNoteRecorded(Guid.NewGuid(), Guid.NewGuid(), EntityId, Lille, Guid.NewGuid(), null,
                Guid.NewGuid(), Guid.NewGuid(), "FR", new DateOnly(2026, 2, 20), 200m, 240m)),
            (new DateOnly(2026, 3, 30), Lille, InvoiceSource.ActivityInvoice, new PaymentRecorded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1_200m,
                new DateOnly(2026, 3, 30), EntityId, Lille, AfterReminder: true)),
            (new DateOnly(2026, 9, 1), Lille, InvoiceSource.ActivityInvoice, new WriteOffRecorded(Guid.NewGuid(), Guid.NewGuid(), 960m, new DateOnly(2026, 9, 1), EntityId, Lille)),
            // An employer invoice counts in the invoices issued, not in the DSO (its payments are not published).
            (new DateOnly(2026, 5, 5), Paris, InvoiceSource.EmployerInvoice, new EmployerInvoiceRecorded(Guid.NewGuid(), EntityId, Paris, Guid.NewGuid(),
                new DateOnly(2026, 5, 5), 2_900m, 3_000m)));

        var tables = CollectionsSection.Build(2026, cells, OfficeName);

        var dso = tables.Single(t => t.Key == "recouvrement-dso");
        Assert.Equal(4_560m, Value(dso, "Lille", "facture")); // 4 × 1,200 − 240
        Assert.Equal(3_600m, Value(dso, "Lille", "encours")); // 1,200 (2025) + 4,800 − 240 − 1,200 paid − 960 written off
        Assert.Equal(288.2m, Value(dso, "Lille", "dso")); // 3,600 ÷ 4,560 × 365 = 288.16
        Assert.Equal(288.2m, Value(dso, "Total", "dso"));
        Assert.DoesNotContain(dso.Rows, r => r.Label == "Paris");

        var offices = tables.Single(t => t.Key == "recouvrement-bureaux");
        Assert.Equal(4m, Value(offices, "Lille", "factures"));
        Assert.Equal(4_800m, Value(offices, "Lille", "facture"));
        Assert.Equal(1_200m, Value(offices, "Lille", "recouvre"));
        Assert.Equal(1m, Value(offices, "Lille", "pertes"));
        Assert.Equal(960m, Value(offices, "Lille", "perdu"));
        Assert.Equal(1m, Value(offices, "Paris", "factures"));
        Assert.Equal(3_000m, Value(offices, "Paris", "facture"));
        Assert.Equal(5m, Value(offices, "Total", "factures"));
        Assert.Equal(7_800m, Value(offices, "Total", "facture"));

        var months = tables.Single(t => t.Key == "recouvrement-mensuel");
        Assert.Equal(12, months.Rows.Count);
        Assert.Equal(1_200m, Value(months, "mars", "recouvre"));
        Assert.Equal(3_000m, Value(months, "mai", "facture"));
        Assert.Equal(7_800m, Value(months, "Total", "facture"));
    }

    [Fact]
    public void Given_reminders_and_provisions_in_two_offices_Then_each_step_and_channel_is_a_row_and_the_totals_are_the_sums()
    {
        var cells = Project(
            Reminder(new DateOnly(2026, 4, 7), Lille, 1, ReminderChannel.Email), Reminder(new DateOnly(2026, 4, 8), Lille, 1, ReminderChannel.Email),
            Reminder(new DateOnly(2026, 5, 7), Lille, 1, ReminderChannel.Email), Reminder(new DateOnly(2026, 4, 21), Lille, 2, ReminderChannel.Email),
            Reminder(new DateOnly(2026, 4, 7), Paris, 1, ReminderChannel.Email, InvoiceSource.EmployerInvoice), Reminder(new DateOnly(2026, 6, 7), Paris, 1, ReminderChannel.Email),
            Reminder(new DateOnly(2026, 6, 30), Paris, 4, ReminderChannel.CollectorTask),
            Reminder(new DateOnly(2025, 12, 30), Paris, 4, ReminderChannel.CollectorTask), // the year before
            (new DateOnly(2026, 6, 29), Lille, InvoiceSource.ActivityInvoice, new ProvisionBookedNoted(Guid.NewGuid(), Guid.NewGuid(), InvoiceSource.ActivityInvoice,
                EntityId, Lille, new DateOnly(2026, 6, 29), 360m)),
            (new DateOnly(2026, 7, 15), Lille, InvoiceSource.ActivityInvoice, new ProvisionReversedNoted(Guid.NewGuid(), Guid.NewGuid(), InvoiceSource.ActivityInvoice,
                EntityId, Lille, new DateOnly(2026, 7, 15), 60m, ProvisionReversalReason.Recovered)));

        var tables = CollectionsSection.Build(2026, cells, OfficeName);

        var steps = tables.Single(t => t.Key == "relances-etapes");
        Assert.Equal(["Étape 1 — e-mail", "Étape 2 — e-mail", "Étape 4 — appel d'un chargé de recouvrement"], steps.Rows.Select(r => r.Label));
        Assert.Equal(5m, Value(steps, "Étape 1 — e-mail", "relances"));
        Assert.Equal(7m, Value(steps, "Total", "relances"));
        Assert.Equal(0.7143m, Value(steps, "Étape 1 — e-mail", "part"));
        Assert.Equal(0.02m, Value(steps, "Total", "par-jour")); // 7 ÷ 365
        Assert.Equal(0.03m, Value(steps, "Total", "par-jour-ouvre")); // 7 ÷ 261

        var offices = tables.Single(t => t.Key == "recouvrement-bureaux");
        Assert.Equal(4m, Value(offices, "Lille", "relances"));
        Assert.Equal(3m, Value(offices, "Paris", "relances"));
        Assert.Equal(360m, Value(offices, "Lille", "provisions"));
        Assert.Equal(60m, Value(offices, "Lille", "reprises"));
        Assert.Equal(7m, Value(offices, "Total", "relances"));
        var months = tables.Single(t => t.Key == "recouvrement-mensuel");
        Assert.Equal(4m, Value(months, "avril", "relances")); // 3 in Lille, 1 in Paris
        Assert.Equal(7m, Value(months, "Total", "relances"));
    }

    [Fact]
    public void Given_the_2018_reminders_Then_44773_make_122_67_per_calendar_day_and_171_54_per_working_day()
    {
        var cell = new CollectionsCell { Year = 2018, Month = 6, OfficeId = Lille, Reminders = { [CollectionsCell.ReminderKey(1, ReminderChannel.Email)] = 44_773 } };

        var steps = CollectionsSection.Build(2018, [cell], OfficeName).Single(t => t.Key == "relances-etapes");

        Assert.Equal(122.67m, Value(steps, "Total", "par-jour")); // 44,773 ÷ 365
        Assert.Equal(171.54m, Value(steps, "Total", "par-jour-ouvre")); // 44,773 ÷ 261 weekdays
    }

    [Theory]
    [InlineData(2018, 261)]
    [InlineData(2026, 261)]
    [InlineData(2024, 262)]
    public void Working_days_are_the_weekdays_of_the_year(int year, int days) => Assert.Equal(days, CollectionsSection.WorkingDays(year));

    [Fact]
    public void Given_an_invoice_reminded_on_7_April_Then_a_payment_on_10_April_is_after_a_reminder_and_one_on_1_April_is_not()
    {
        var invoiceId = Guid.NewGuid();
        IReadOnlyList<IFact> facts =
        [
            new InvoiceRecorded(invoiceId, EntityId, Lille, Guid.NewGuid(), null, Guid.NewGuid(), Guid.NewGuid(), "FR", RevenueDocumentType.Invoice,
                new DateOnly(2026, 3, 1), 1_000m, 1_200m),
            new ReminderNoted(ReminderNoted.IdOf(invoiceId, 1), invoiceId, InvoiceSource.ActivityInvoice, EntityId, Lille, 1, ReminderChannel.Email,
                new DateOnly(2026, 4, 7), 1_200m),
        ];

        Assert.Equal(new ReceivableOrigin(EntityId, Lille, true), ReceivableOrigin.Of(facts, new DateOnly(2026, 4, 10)));
        Assert.Equal(new ReceivableOrigin(EntityId, Lille, false), ReceivableOrigin.Of(facts, new DateOnly(2026, 4, 1)));
        Assert.Null(ReceivableOrigin.Of([facts[1]], new DateOnly(2026, 4, 10))); // an invoice the journal does not hold
    }
}

