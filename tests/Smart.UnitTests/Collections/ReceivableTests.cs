using Smart.BuildingBlocks.Domain;
using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Receivables;

namespace Smart.UnitTests.Collections;

public sealed class ReceivableTests
{
    private static readonly DateOnly IssueDate = new(2026, 3, 1), DueDate = new(2026, 3, 31);

    private static Receivable Invoice(decimal amount = 1200.00m, string typology = "Company", DunningPlan? plan = null, DateOnly? opened = null) =>
        Receivable.Opened(new ReceivableOpened(Guid.NewGuid(), ReceivableSource.ActivityInvoice, "FA-2026-000001", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            Guid.NewGuid(), Guid.NewGuid(), "Théâtre du Nord", "compta@theatre.example", typology, IssueDate, DueDate, amount, "EUR", plan ?? DunningPlan.Default, opened ?? IssueDate));

    private static Receivable Pay(Receivable receivable, decimal amount, DateOnly? on = null, string currency = "EUR") =>
        receivable.After(receivable.RecordPayment(new PaymentRecorded(Guid.NewGuid(), on ?? DueDate, amount, null), currency, new DateOnly(2026, 12, 31)));

    [Fact]
    public void Given_the_default_plan_and_a_due_date_of_2026_03_31_Then_the_steps_fall_on_04_07_04_21_05_15_05_30_and_06_29()
    {
        Assert.Equal(
            [new DateOnly(2026, 4, 7), new DateOnly(2026, 4, 21), new DateOnly(2026, 5, 15), new DateOnly(2026, 5, 30), new DateOnly(2026, 6, 29)],
            Invoice().Steps.Select(s => s.PlannedOn).ToArray());
    }

    [Fact]
    public void Given_1200_due_When_paid_500_then_credited_200_then_paid_600_Then_700_then_500_left_then_settled_for_1000_with_a_client_credit_of_100()
    {
        var receivable = Pay(Invoice(), 500.00m);
        Assert.Equal((700.00m, ReceivableStatus.Open), (receivable.Outstanding, receivable.Status));

        var credit = receivable.ApplyCreditNote(new CreditNoteApplied(Guid.NewGuid(), "AV-2026-000001", new DateOnly(2026, 4, 2), 200.00m));
        receivable = receivable.After(credit);
        Assert.Equal(500.00m, receivable.Outstanding);

        var events = receivable.RecordPayment(new PaymentRecorded(Guid.NewGuid(), new DateOnly(2026, 4, 3), 600.00m, null), "EUR", new DateOnly(2026, 4, 3));
        Assert.Equal(new ReceivableSettled(new DateOnly(2026, 4, 3), 1000.00m, 100.00m), Assert.IsType<ReceivableSettled>(events[^1]));
        receivable = receivable.After(events);
        Assert.Equal((0m, 100.00m, ReceivableStatus.Paid), (receivable.Outstanding, receivable.ClientCredit, receivable.Status));
        Assert.Null(receivable.NextStep);
    }

    [Fact]
    public void Given_a_settled_receivable_When_paid_again_Then_it_is_only_client_credit_and_it_settles_nothing_twice()
    {
        var receivable = Pay(Invoice(), 1200.00m);
        var events = receivable.RecordPayment(new PaymentRecorded(Guid.NewGuid(), DueDate, 30.00m, null), "EUR", DueDate);
        Assert.IsType<PaymentRecorded>(Assert.Single(events));
        Assert.Equal(30.00m, receivable.After(events).ClientCredit);
    }

    [Fact]
    public void Given_credit_notes_cancelling_the_whole_amount_before_any_payment_Then_it_is_cancelled_not_paid()
    {
        var receivable = Invoice(600.00m);
        var events = receivable.ApplyCreditNote(new CreditNoteApplied(Guid.NewGuid(), "AV-2026-000002", DueDate, 600.00m));
        Assert.Equal(new ReceivableCancelled(DueDate), events[^1]);
        Assert.Equal(ReceivableStatus.Cancelled, receivable.After(events).Status);
    }

    [Fact]
    public void Given_the_same_payment_or_credit_note_twice_Then_the_second_changes_nothing()
    {
        var payment = new PaymentRecorded(Guid.NewGuid(), DueDate, 100.00m, null);
        var receivable = Invoice();
        receivable = receivable.After(receivable.RecordPayment(payment, "EUR", DueDate));
        Assert.Empty(receivable.RecordPayment(payment, "EUR", DueDate));
        var note = new CreditNoteApplied(Guid.NewGuid(), "AV-2026-000003", DueDate, 100.00m);
        receivable = receivable.After(receivable.ApplyCreditNote(note));
        Assert.Empty(receivable.ApplyCreditNote(note));
        Assert.Equal(1000.00m, receivable.Outstanding);
    }

    [Fact]
    public void Given_a_payment_in_another_currency_or_after_today_or_a_credit_beyond_the_amount_Then_a_rule_refuses_it()
    {
        var receivable = Invoice();
        Assert.Throws<BusinessRuleViolationException>(() => receivable.RecordPayment(new PaymentRecorded(Guid.NewGuid(), DueDate, 10m, null), "CHF", DueDate));
        Assert.Throws<BusinessRuleViolationException>(() => receivable.RecordPayment(new PaymentRecorded(Guid.NewGuid(), DueDate.AddDays(1), 10m, null), "EUR", DueDate));
        Assert.Throws<BusinessRuleViolationException>(() => receivable.ApplyCreditNote(new CreditNoteApplied(Guid.NewGuid(), "AV", DueDate, 1200.01m)));
    }

    [Fact]
    public void Given_reminder_1_due_on_04_07_Then_it_is_taken_that_day_once_and_not_before()
    {
        var receivable = Invoice();
        Assert.Null(receivable.TakeStep(1, new DateOnly(2026, 4, 7), new DateOnly(2026, 4, 6)));
        var taken = receivable.TakeStep(1, new DateOnly(2026, 4, 7), new DateOnly(2026, 4, 7))!;
        Assert.Equal((1, DunningChannel.Email, DunningTemplate.FriendlyReminder, "compta@theatre.example"), (taken.Step, taken.Channel, taken.Template, taken.Recipient));
        receivable = receivable.After([taken]);
        Assert.Null(receivable.TakeStep(1, new DateOnly(2026, 4, 7), new DateOnly(2026, 4, 7)));
        Assert.Equal((2, new DateOnly(2026, 4, 21)), (receivable.NextStep!.Number, receivable.NextStep.PlannedOn));
    }

    [Fact]
    public void Given_reminder_1_due_on_04_07_When_its_message_comes_on_04_06_Then_it_awaits_its_date_and_a_taken_or_outdated_step_awaits_nothing()
    {
        var receivable = Invoice();
        Assert.True(receivable.StepAwaitsItsDate(1, new DateOnly(2026, 4, 7), new DateOnly(2026, 4, 6)));
        Assert.False(receivable.StepAwaitsItsDate(1, new DateOnly(2026, 4, 7), new DateOnly(2026, 4, 7)));
        // A message for another date (the plan moved since) or another step is outdated: it does nothing, and is not sent again.
        Assert.False(receivable.StepAwaitsItsDate(1, new DateOnly(2026, 4, 8), new DateOnly(2026, 4, 6)));
        Assert.False(receivable.StepAwaitsItsDate(2, new DateOnly(2026, 4, 21), new DateOnly(2026, 4, 6)));
        Assert.False(Pay(receivable, 1200.00m).StepAwaitsItsDate(1, new DateOnly(2026, 4, 7), new DateOnly(2026, 4, 6)));
    }

    [Fact]
    public void Given_the_bus_stopped_over_two_step_dates_Then_only_the_latest_due_step_is_taken_and_the_earlier_one_skipped()
    {
        var taken = Invoice().TakeStep(1, new DateOnly(2026, 4, 7), new DateOnly(2026, 4, 25))!;
        Assert.Equal(2, taken.Step);
        Assert.Equal([1], taken.SkippedSteps);
    }

    [Fact]
    public void Given_an_invoice_reaching_collections_on_04_10_after_reminder_1_s_date_Then_reminder_1_is_skipped_and_reminder_2_comes_next()
    {
        var receivable = Invoice(opened: new DateOnly(2026, 4, 10));
        Assert.Equal([true, false, false, false, false], receivable.Steps.Select(s => s.Skipped).ToArray());
        Assert.Equal((2, new DateOnly(2026, 4, 21)), (receivable.NextStep!.Number, receivable.NextStep.PlannedOn));
    }

    [Fact]
    public void Given_a_dispute_on_04_10_resolved_on_04_25_Then_no_step_while_disputed_and_reminder_2_moves_15_days_to_05_06()
    {
        var receivable = Invoice();
        receivable = receivable.After([receivable.TakeStep(1, new DateOnly(2026, 4, 7), new DateOnly(2026, 4, 7))!]);
        receivable = receivable.After([receivable.OpenDispute("Prestation écourtée", "member", new DateOnly(2026, 4, 10))]);
        Assert.Null(receivable.TakeStep(2, new DateOnly(2026, 4, 21), new DateOnly(2026, 4, 21)));
        Assert.Throws<BusinessRuleViolationException>(() => receivable.OpenDispute("again", "staff", new DateOnly(2026, 4, 11)));

        var resolved = receivable.ResolveDispute("Le client reconnaît la prestation.", new DateOnly(2026, 4, 25));
        Assert.Equal(15, resolved.PlanDelayDays);
        receivable = receivable.After([resolved]);
        Assert.Equal([new DateOnly(2026, 4, 7), new DateOnly(2026, 5, 6), new DateOnly(2026, 5, 30), new DateOnly(2026, 6, 14), new DateOnly(2026, 7, 14)],
            receivable.Steps.Select(s => s.PlannedOn).ToArray());
        Assert.Null(receivable.TakeStep(2, new DateOnly(2026, 4, 21), new DateOnly(2026, 5, 6)));
        Assert.NotNull(receivable.TakeStep(2, new DateOnly(2026, 5, 6), new DateOnly(2026, 5, 6)));
    }

    [Fact]
    public void Given_a_paid_receivable_Then_its_step_does_nothing_and_it_cannot_be_disputed()
    {
        var receivable = Pay(Invoice(), 1200.00m);
        Assert.Null(receivable.TakeStep(1, new DateOnly(2026, 4, 7), new DateOnly(2026, 4, 7)));
        Assert.Throws<BusinessRuleViolationException>(() => receivable.OpenDispute("late", "staff", new DateOnly(2026, 4, 7)));
    }

    [Fact]
    public void Given_plans_for_an_entity_Then_the_typology_s_own_plan_in_force_wins_then_the_entity_s_general_one_then_the_default()
    {
        var entity = Guid.NewGuid();
        var general = new DunningPlan([new(10, DunningChannel.Email, DunningTemplate.FriendlyReminder)], 0.10m, 40m);
        var individuals = new DunningPlan([new(15, DunningChannel.Letter, DunningTemplate.FriendlyReminder)], 0m, 0m);
        var versions = new[]
        {
            new DunningPlanVersion(Guid.NewGuid(), entity, null, new DateOnly(2026, 1, 1), general),
            new DunningPlanVersion(Guid.NewGuid(), entity, ClientTypology.Individual, new DateOnly(2026, 6, 1), individuals),
        };
        Assert.Same(DunningPlan.Default, DunningPlan.InForce(versions, "Company", new DateOnly(2025, 12, 31)));
        Assert.Same(general, DunningPlan.InForce(versions, "Company", new DateOnly(2026, 1, 1)));
        Assert.Same(general, DunningPlan.InForce(versions, "Individual", new DateOnly(2026, 5, 31)));
        Assert.Same(individuals, DunningPlan.InForce(versions, "Individual", new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void Given_700_left_after_a_payment_of_500_When_written_off_Then_700_is_written_off_the_plan_stops_and_no_payment_is_taken()
    {
        var receivable = Pay(Invoice(), 500.00m);
        var writtenOff = receivable.WriteOff("Client introuvable", new DateOnly(2026, 9, 1));
        Assert.Equal(700.00m, Assert.IsType<ReceivableWrittenOff>(Assert.Single(writtenOff)).Amount);
        receivable = receivable.After(writtenOff);
        Assert.Equal((ReceivableStatus.WrittenOff, (PlannedStep?)null), (receivable.Status, receivable.NextStep));
        Assert.Throws<BusinessRuleViolationException>(() => receivable.WriteOff("again", new DateOnly(2026, 9, 2)));
        Assert.Throws<BusinessRuleViolationException>(() => Pay(receivable, 10m));
        Assert.Throws<BusinessRuleViolationException>(() => Pay(Invoice(), 1200.00m).WriteOff("paid", new DateOnly(2026, 9, 1)));
    }
}
