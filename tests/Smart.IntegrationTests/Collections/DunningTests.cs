using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Marten;
using MimeKit;
using Smart.Modules.Collections;
using Smart.Modules.Collections.Domain.Receivables;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Collections;

/// <summary>The default plan on a company's invoice of 2026-03-01 due 2026-03-31, the clock moved day by day.</summary>
public sealed class DunningTests(CollectionsApp app) : IClassFixture<CollectionsApp>
{
    private static readonly DateOnly Reminder1 = new(2026, 4, 7), Reminder2 = new(2026, 4, 21), FormalNotice = new(2026, 5, 15);

    [Fact]
    public async Task Given_an_unpaid_invoice_due_2026_03_31_Then_reminders_on_04_07_and_04_21_and_the_formal_notice_on_05_15_while_a_dispute_on_04_10_holds_reminder_2_until_resolved()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var unpaid = await scenario.IssueInvoiceAsync();
        var disputed = await scenario.IssueInvoiceAsync();
        var settled = await scenario.IssueInvoiceAsync();

        var plan = (await CollectionsScenario.GetAsync(scenario.Member, unpaid)).Receivable.Steps;
        Assert.Equal(
            [(1, "Email", "FriendlyReminder", Reminder1), (2, "Email", "SecondReminder", Reminder2), (3, "Email", "FormalNotice", FormalNotice),
             (4, "CollectorTask", "CollectorCall", new DateOnly(2026, 5, 30)), (5, "LegalHandOff", "LegalAction", new DateOnly(2026, 6, 29))],
            plan.Select(s => (s.Number, s.Channel, s.Template, s.PlannedOn)).ToArray());
        Assert.Equal([Reminder1], await ScheduledStepsAsync(unpaid));

        // The day before: nothing yet.
        await scenario.MoveToAsync(Reminder1.AddDays(-1));
        Assert.Null((await StepAsync(scenario, unpaid, 1)).TakenOn);

        // The settled one is paid in full on 04-01: its reminder, when it comes due, does nothing.
        await scenario.MoveToAsync(new DateOnly(2026, 4, 1));
        var operatorClient = await scenario.OperatorAsync();
        var payment = await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{settled}/payments", new { amount = 1200.00m, currency = "EUR", paidOn = "2026-04-01" });
        Assert.Equal(HttpStatusCode.OK, payment.StatusCode);

        Assert.Empty(app.Mails.ReceivedEmail);
        await scenario.MoveToAsync(Reminder1);
        Assert.Equal(Reminder1, (await StepAsync(scenario, unpaid, 1)).TakenOn);
        var reminders = Mails();
        Assert.Equal(2, reminders.Count);
        var reminder = reminders[0];
        Assert.Equal("compta@theatre-du-nord.example", reminder.To.Mailboxes.Single().Address);
        Assert.Equal("recouvrement@smart.coop", reminder.From.Mailboxes.Single().Address);
        Assert.Matches(@"^Rappel : facture FA2026-\d+ échue le 31/03/2026$", reminder.Subject);
        Assert.Contains("il reste 1\u202f200,00 € à régler", reminder.TextBody);
        Assert.Contains("il reste <strong>1&#x202F;200,00 €</strong> à régler", reminder.HtmlBody); // the encoder writes the narrow space as a reference
        // The Message-Id is the e-mail's id, recorded in the step: a resent mail keeps it.
        var emailId = await app.QueryStoreAsync<ICollectionsStore, Guid>(async store =>
            (await store.Events.FetchStreamAsync(unpaid)).Select(e => e.Data).OfType<DunningStepTaken>().Single().EmailId!.Value);
        Assert.Contains(reminders, m => m.MessageId == $"{emailId:N}@smart.coop");
        Assert.Equal(Reminder1, (await StepAsync(scenario, disputed, 1)).TakenOn);
        Assert.Null((await StepAsync(scenario, settled, 1)).TakenOn);
        Assert.DoesNotContain(await HistoryKindsAsync(scenario, settled), k => k == "DunningStepTaken");

        // The member disputes the second invoice on 04-10.
        await scenario.MoveToAsync(new DateOnly(2026, 4, 10));
        var member = await scenario.MemberAgainAsync();
        var dispute = await member.PostAsJsonAsync($"/api/collections/receivables/{disputed}/dispute", new { reason = "La représentation a été écourtée." });
        Assert.Equal(HttpStatusCode.OK, dispute.StatusCode);

        await scenario.MoveToAsync(Reminder2);
        Assert.Equal(Reminder2, (await StepAsync(scenario, unpaid, 2)).TakenOn);
        Assert.Null((await StepAsync(scenario, disputed, 2)).TakenOn);

        // Resolved on 04-25, after 15 days: its reminder 2 moves from 04-21 to 05-06.
        await scenario.MoveToAsync(new DateOnly(2026, 4, 25));
        var advisor = await scenario.AdvisorAsync(scenario.Activities.Structure.LilleOfficeId);
        var resolution = await advisor.PostAsJsonAsync($"/api/collections/receivables/{disputed}/dispute/resolution", new { outcome = "Le client reconnaît la prestation." });
        Assert.Equal(HttpStatusCode.OK, resolution.StatusCode);
        Assert.Equal(new DateOnly(2026, 5, 6), (await StepAsync(scenario, disputed, 2)).PlannedOn);
        await scenario.MoveToAsync(new DateOnly(2026, 5, 5));
        Assert.Null((await StepAsync(scenario, disputed, 2)).TakenOn);
        await scenario.MoveToAsync(new DateOnly(2026, 5, 6));
        Assert.Equal(new DateOnly(2026, 5, 6), (await StepAsync(scenario, disputed, 2)).TakenOn);

        app.Mails.ClearReceivedEmail();
        await scenario.MoveToAsync(FormalNotice);
        Assert.Equal(FormalNotice, (await StepAsync(scenario, unpaid, 3)).TakenOn);
        var notice = Assert.Single(Mails());
        Assert.StartsWith("Mise en demeure : facture FA2026-", notice.Subject);
        Assert.Contains("intérêts de retard au taux annuel de 12,15 % depuis le 31/03/2026", notice.TextBody);
        Assert.Contains("indemnité forfaitaire pour frais de recouvrement de 40,00 € est due", notice.TextBody);
        Assert.Contains("indemnité forfaitaire pour frais de recouvrement de 40,00 € est due", notice.HtmlBody);
        Assert.Null((await StepAsync(scenario, disputed, 3)).TakenOn);

        // Each step once: the unpaid invoice's history holds three steps, and only the collector's call is scheduled.
        Assert.Equal(3, (await HistoryKindsAsync(scenario, unpaid)).Count(k => k == "DunningStepTaken"));
        Assert.Equal([new DateOnly(2026, 5, 30)], await ScheduledStepsAsync(unpaid));
        var history = (await CollectionsScenario.GetAsync(await scenario.AdvisorAsync(scenario.Activities.Structure.LilleOfficeId), disputed)).History;
        Assert.Contains(history, h => h.Kind == "DisputeOpened" && h.Date == new DateOnly(2026, 4, 10) && h.Description.Contains("La représentation a été écourtée."));
        Assert.Contains(history, h => h.Kind == "DisputeResolved" && h.Date == new DateOnly(2026, 4, 25) && h.Description.Contains("Le client reconnaît la prestation."));
    }

    private List<MimeMessage> Mails() => CollectionsScenario.Mails(app);

    private Task<DateOnly[]> ScheduledStepsAsync(Guid receivableId) => CollectionsScenario.ScheduledStepsAsync(app, receivableId);

    private static Task<CollectionsScenario.Step> StepAsync(CollectionsScenario scenario, Guid receivableId, int number) => scenario.StepAsync(receivableId, number);

    private static async Task<IReadOnlyList<string>> HistoryKindsAsync(CollectionsScenario scenario, Guid receivableId) =>
        await CollectionsScenario.HistoryKindsAsync(await scenario.OperatorAsync(), receivableId);
}
