using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Features.Dunning;

namespace Smart.UnitTests.Collections;

public sealed class DunningEmailsTests
{
    private static (Receivable, DunningStepTaken) FormalNoticeTo(string typology)
    {
        var receivable = Receivable.Opened(new ReceivableOpened(Guid.NewGuid(), ReceivableSource.ActivityInvoice, "FA2026-000007", Guid.NewGuid(), Guid.NewGuid(),
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Claire Dubois", "claire@example.org", typology, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31),
            1200.00m, "EUR", DunningPlan.Default, new DateOnly(2026, 3, 1)));
        return (receivable, receivable.TakeStep(1, new DateOnly(2026, 4, 7), new DateOnly(2026, 5, 15))!);
    }

    [Fact]
    public void Given_a_company_on_05_15_Then_the_formal_notice_states_12_15_percent_interest_and_the_40_euro_indemnity()
    {
        var (receivable, taken) = FormalNoticeTo("Company");
        Assert.Equal(DunningTemplate.FormalNotice, taken.Template);
        var email = DunningEmails.For(receivable, taken, Guid.NewGuid());
        Assert.Equal(("claire@example.org", "Mise en demeure : facture FA2026-000007"), (email.To, email.Subject));
        Assert.Contains("intérêts de retard au taux annuel de 12,15 % depuis le 31/03/2026", email.Text);
        Assert.Contains("indemnité forfaitaire pour frais de recouvrement de 40,00 €", email.Text);
    }

    [Fact]
    public void Given_an_individual_Then_the_formal_notice_states_neither_interest_nor_indemnity()
    {
        var (receivable, taken) = FormalNoticeTo("Individual");
        var email = DunningEmails.For(receivable, taken, Guid.NewGuid());
        Assert.Contains("nous vous mettons en demeure de régler cette somme", email.Text);
        Assert.DoesNotContain("indemnité", email.Text);
        Assert.DoesNotContain("intérêts", email.Html);
    }
}
